package vault

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// TestRealSecretService stores and reads the key through a real Secret
// Service. make test runs it inside dbus-run-session with an unlocked
// gnome-keyring-daemon (see the Makefile's keyring target).
func TestRealSecretService(t *testing.T) {
	if os.Getenv("NOCONTACT_REAL_KEYRING") != "1" {
		t.Skip("needs a real Secret Service: run `make keyring` (make test does)")
	}
	keys := Keyring{}
	dir := t.TempDir()
	v := Open(dir, keys)
	addProfile(t, v, "https://www.instagram.com/jane.doe/")
	key, err := keys.Get()
	if err != nil || len(key) != keyLen {
		t.Fatalf("key from the Secret Service: %d bytes, %v", len(key), err)
	}
	d, err := Open(dir, Keyring{}).Load()
	if err != nil || len(d.Profiles) != 1 {
		t.Fatalf("load: %+v %v", d, err)
	}
}

// TestNoSecretService starts a private D-Bus session bus that offers no
// services and checks the message the vault gives.
func TestNoSecretService(t *testing.T) {
	if os.Getenv("NOCONTACT_REAL_KEYRING") == "1" {
		t.Skip("this process already talks to a session bus")
	}
	if _, err := exec.LookPath("dbus-daemon"); err != nil {
		testutil.Missing(t, "needs dbus-daemon (package dbus): %v", err)
	}
	dir := t.TempDir()
	conf := filepath.Join(dir, "bus.conf")
	testutil.Must(t, os.WriteFile(conf, []byte(`<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:dir=`+dir+`</listen>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy>
</busconfig>`), 0o644))
	cmd := exec.Command("dbus-daemon", "--config-file="+conf, "--nofork", "--print-address")
	out, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	addr, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", strings.TrimSpace(addr))
	_, err = Keyring{}.Get()
	if !errors.Is(err, ErrNoKeyring) {
		t.Fatalf("Get without a Secret Service: %v", err)
	}
	v := Open(t.TempDir(), Keyring{})
	err = v.Update(func(*Data) error { return nil })
	if !errors.Is(err, ErrPlainOptIn) {
		t.Fatalf("Update without a Secret Service: %v", err)
	}
	t.Logf("message: %v", err)
}
