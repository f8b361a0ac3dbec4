package vault

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"github.com/nocontact-app/nocontact/blocker/testutil"
	"github.com/nocontact-app/nocontact/content/profile"
)

// memKeys is a KeyStore in memory, optionally failing.
type memKeys struct {
	mu  sync.Mutex
	key []byte
	err error
}

func (m *memKeys) Get() ([]byte, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.err != nil {
		return nil, m.err
	}
	if m.key == nil {
		return nil, ErrKeyMissing
	}
	return m.key, nil
}

func (m *memKeys) Set(k []byte) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.err != nil {
		return m.err
	}
	m.key = k
	return nil
}

func addProfile(t *testing.T, v *Vault, link string) {
	t.Helper()
	p, err := profile.Parse(link)
	if err != nil {
		t.Fatal(err)
	}
	if err := v.Update(func(d *Data) error { d.Profiles = append(d.Profiles, p); return nil }); err != nil {
		t.Fatal(err)
	}
}

func TestRoundTripIsEncrypted(t *testing.T) {
	dir := t.TempDir()
	v := Open(dir, &memKeys{})
	addProfile(t, v, "https://www.instagram.com/jane.doe/")
	v.Update(func(d *Data) error {
		d.Journal = append(d.Journal, Entry{Time: time.Now(), What: "wanted to text her", Motive: "loneliness", Text: "secret words"})
		return nil
	})
	raw, _ := os.ReadFile(filepath.Join(dir, fileName))
	for _, secret := range []string{"jane.doe", "instagram", "secret words", "loneliness"} {
		if strings.Contains(string(raw), secret) {
			t.Errorf("%q is in the file in the clear", secret)
		}
	}
	// On Windows a file's privacy is its folder's access list (a user's
	// AppData admits the user, SYSTEM and the administrators), not a mode.
	if fi, _ := os.Stat(filepath.Join(dir, fileName)); runtime.GOOS != "windows" && fi.Mode().Perm() != fileMode {
		t.Errorf("mode %v", fi.Mode())
	}
	d, err := v.Load()
	if err != nil || len(d.Profiles) != 1 || d.Profiles[0].Handle != "jane.doe" || d.Journal[0].Text != "secret words" {
		t.Fatalf("load: %+v %v", d, err)
	}
}

func TestTamperedFileIsDetectedAndKept(t *testing.T) {
	dir := t.TempDir()
	keys := &memKeys{}
	v := Open(dir, keys)
	addProfile(t, v, "janedoe.com")
	path := filepath.Join(dir, fileName)
	var env envelope
	raw, _ := os.ReadFile(path)
	json.Unmarshal(raw, &env)
	env.Data[len(env.Data)/2] ^= 1 // one flipped bit
	flipped, _ := json.Marshal(env)
	testutil.Must(t, os.WriteFile(path, flipped, fileMode))
	if _, err := v.Load(); !errors.Is(err, ErrTampered) {
		t.Fatalf("load of a flipped byte: %v", err)
	}
	if err := v.Update(func(*Data) error { return nil }); !errors.Is(err, ErrTampered) {
		t.Fatalf("update over a tampered file: %v", err)
	}
	if after, _ := os.ReadFile(path); string(after) != string(flipped) {
		t.Error("the tampered file was overwritten")
	}
}

func TestWrongOrMissingKeyKeepsTheVault(t *testing.T) {
	dir := t.TempDir()
	keys := &memKeys{}
	v := Open(dir, keys)
	addProfile(t, v, "janedoe.com")
	before, _ := os.ReadFile(filepath.Join(dir, fileName))

	keys.key = make([]byte, keyLen) // a different key
	if _, err := v.Load(); !errors.Is(err, ErrTampered) {
		t.Errorf("wrong key: %v", err)
	}
	keys.key = nil // the key is gone
	if _, err := v.Load(); !errors.Is(err, ErrKeyMissing) {
		t.Errorf("missing key: %v", err)
	}
	if err := v.Update(func(d *Data) error { d.Profiles = nil; return nil }); !errors.Is(err, ErrKeyMissing) {
		t.Errorf("update without the key: %v", err)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, fileName)); string(after) != string(before) {
		t.Error("a vault whose key is gone was overwritten")
	}
	if keys.key != nil {
		t.Error("a new key was made over an existing vault")
	}
}

func TestNoKeyringNeedsOptIn(t *testing.T) {
	dir := t.TempDir()
	v := Open(dir, &memKeys{err: fmt.Errorf("%w: ServiceUnknown", ErrNoKeyring)})
	err := v.Update(func(d *Data) error { d.Settings.TextScale = 1.2; return nil })
	if !errors.Is(err, ErrPlainOptIn) || !strings.Contains(err.Error(), "--allow-unencrypted") {
		t.Fatalf("without a keyring: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, fileName)); !os.IsNotExist(err) {
		t.Fatal("data was written in the clear without consent")
	}
	if err := v.AllowUnencrypted(); err != nil {
		t.Fatal(err)
	}
	if err := v.Update(func(d *Data) error { d.Settings.TextScale = 1.2; return nil }); err != nil {
		t.Fatal(err)
	}
	d, err := v.Load()
	if err != nil || d.Settings.TextScale != 1.2 {
		t.Fatalf("plain vault: %+v %v", d, err)
	}
}

func TestMigrationFromV0(t *testing.T) {
	dir := t.TempDir()
	old := `{"version":0,"profiles":["https://www.instagram.com/jane.doe/","jane.substack.com"],"last_contact":"2026-01-15"}`
	env, _ := json.Marshal(envelope{Format: formatTag, Cipher: cipherNo, Plain: json.RawMessage(old)})
	testutil.Must(t, os.WriteFile(filepath.Join(dir, fileName), env, fileMode))
	d, err := Open(dir, &memKeys{}).Load()
	if err != nil {
		t.Fatal(err)
	}
	if d.Version != schemaVersion || len(d.Profiles) != 2 || d.Profiles[1].Scope != profile.ScopeExact || d.LastContact.String() != "2026-01-15" {
		t.Errorf("migrated %+v", d)
	}
}

func TestNewerSchemaIsRefused(t *testing.T) {
	dir := t.TempDir()
	env, _ := json.Marshal(envelope{Format: formatTag, Cipher: cipherNo, Plain: json.RawMessage(`{"version":99}`)})
	testutil.Must(t, os.WriteFile(filepath.Join(dir, fileName), env, fileMode))
	if _, err := Open(dir, &memKeys{}).Load(); err == nil || !strings.Contains(err.Error(), "newer") {
		t.Errorf("err = %v", err)
	}
}

func TestStreaksSurviveARelapse(t *testing.T) {
	d := &Data{}
	jan1, _ := ParseDate("2026-01-01")
	feb1, _ := ParseDate("2026-02-01")
	d.SetLastContact(jan1)
	d.SetLastContact(feb1)
	now := time.Date(2026, 2, 11, 15, 0, 0, 0, time.Local)
	if got := d.DaysWithoutContact(now); got != 10 {
		t.Errorf("days %d", got)
	}
	if len(d.Streaks) != 1 || d.Streaks[0].Days() != 31 || d.BestStreak(now) != 31 {
		t.Errorf("streaks %+v best %d", d.Streaks, d.BestStreak(now))
	}
}

// TestConcurrentWriters runs writers in two processes (this test binary)
// at once: every entry of both must be there.
func TestConcurrentWriters(t *testing.T) {
	dir := t.TempDir()
	keyring.MockInit()
	v := Open(dir, plainKeys{})
	if err := v.AllowUnencrypted(); err != nil {
		t.Fatal(err)
	}
	const perProcess = 40
	var cmds []*exec.Cmd
	for i := 0; i < 2; i++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestWriterChild$")
		cmd.Env = append(os.Environ(), "NOCONTACT_VAULT_CHILD="+dir, fmt.Sprintf("NOCONTACT_VAULT_TAG=p%d", i))
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		cmds = append(cmds, cmd)
	}
	for _, c := range cmds {
		if err := c.Wait(); err != nil {
			t.Fatal(err)
		}
	}
	d, err := v.Load()
	if err != nil || len(d.Journal) != 2*perProcess {
		t.Fatalf("%d entries after two writers of %d: %v", len(d.Journal), perProcess, err)
	}
}

// plainKeys is a KeyStore with no keyring, for a plain (opted-in) vault.
type plainKeys struct{}

func (plainKeys) Get() ([]byte, error) { return nil, ErrNoKeyring }
func (plainKeys) Set([]byte) error     { return ErrNoKeyring }

func TestWriterChild(t *testing.T) {
	dir := os.Getenv("NOCONTACT_VAULT_CHILD")
	if dir == "" {
		t.Skip("run by TestConcurrentWriters only")
	}
	v := Open(dir, plainKeys{})
	for i := 0; i < 40; i++ {
		tag := fmt.Sprintf("%s-%d", os.Getenv("NOCONTACT_VAULT_TAG"), i)
		if err := v.Update(func(d *Data) error {
			d.Journal = append(d.Journal, Entry{Time: time.Now(), What: tag, Motive: "loneliness"})
			return nil
		}); err != nil {
			t.Fatal(err)
		}
	}
}

func TestKeyringWithMock(t *testing.T) {
	keyring.MockInit()
	dir := t.TempDir()
	v := Open(dir, Keyring{})
	addProfile(t, v, "janedoe.com")
	d, err := Open(dir, Keyring{}).Load()
	if err != nil || len(d.Profiles) != 1 {
		t.Fatalf("%+v %v", d, err)
	}
	keyring.Delete(keyringService, keyringUser)
	if _, err := v.Load(); !errors.Is(err, ErrKeyMissing) {
		t.Errorf("after the key was deleted: %v", err)
	}
	keyring.MockInitWithError(errors.New("org.freedesktop.DBus.Error.ServiceUnknown: The name org.freedesktop.secrets was not provided by any .service files"))
	if _, err := (Keyring{}).Get(); !errors.Is(err, ErrNoKeyring) {
		t.Errorf("no Secret Service: %v", err)
	}
	keyring.MockInitWithError(errors.New("Cannot get secret of a locked object"))
	if _, err := (Keyring{}).Get(); !errors.Is(err, ErrKeyringLock) {
		t.Errorf("locked: %v", err)
	}
}

func TestAddAndRemoveProfiles(t *testing.T) {
	jane, err := profile.Parse("jane.substack.com")
	if err != nil {
		t.Fatal(err)
	}
	x, err := profile.Parse("https://x.com/janedoe")
	if err != nil {
		t.Fatal(err)
	}
	var d Data
	if err := d.AddProfile(jane); err != nil {
		t.Fatal(err)
	}
	if err := d.AddProfile(x); err != nil {
		t.Fatal(err)
	}
	err = d.AddProfile(jane)
	if !errors.Is(err, ErrAlreadySaved) || err.Error() != "jane on Substack is already saved" || len(d.Profiles) != 2 {
		t.Errorf("saving jane twice: %v, %d profiles", err, len(d.Profiles))
	}
	if !d.RemoveProfile(jane.ID()) || len(d.Profiles) != 1 || d.Profiles[0].ID() != x.ID() {
		t.Errorf("after removing jane: %+v", d.Profiles)
	}
	if d.RemoveProfile(jane.ID()) || len(d.Profiles) != 1 {
		t.Errorf("removing jane again reported a removal: %+v", d.Profiles)
	}
}
