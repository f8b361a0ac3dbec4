package vault

import (
	"errors"
	"testing"

	"github.com/zalando/go-keyring"
	"golang.org/x/sys/windows"
)

// Credential Manager's refusals become the same errors, and so the same
// sentences, as the Secret Service's.
func TestCredentialManagerErrors(t *testing.T) {
	for _, c := range []struct {
		err  error
		want error
	}{
		{windows.ERROR_NO_SUCH_LOGON_SESSION, ErrNoKeyring},
		{windows.ERROR_ACCESS_DENIED, ErrKeyringDeny},
	} {
		if got := keyringError(c.err); !errors.Is(got, c.want) {
			t.Errorf("%v: %v, want %v", c.err, got, c.want)
		}
	}
}

// The real Credential Manager (Wine's, in make test-windows) keeps the key.
// The key found there before (the prefix's window's) is put back after.
func TestCredentialManagerKeepsTheKey(t *testing.T) {
	if old, err := (Keyring{}).Get(); err == nil {
		t.Cleanup(func() { Keyring{}.Set(old) })
	} else {
		t.Cleanup(func() { keyring.Delete(keyringService, keyringUser) })
	}
	key := make([]byte, keyLen)
	key[0] = 7
	if err := (Keyring{}).Set(key); err != nil {
		t.Fatal(err)
	}
	got, err := Keyring{}.Get()
	if err != nil || got[0] != 7 {
		t.Fatalf("%v %v", got, err)
	}
}
