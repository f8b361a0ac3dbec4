package vault

import (
	"errors"
	"testing"

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
func TestCredentialManagerKeepsTheKey(t *testing.T) {
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
