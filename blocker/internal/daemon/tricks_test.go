package daemon

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/atomicfile"
	"github.com/nocontact-app/nocontact/blocker/internal/hosts"
	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// tamperDetails returns the details of the tamper events recorded so far.
func (e *env) tamperDetails(t *testing.T) []string {
	t.Helper()
	all, err := e.client.Events(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, ev := range all {
		if ev.Kind == api.EventTamper {
			out = append(out, ev.Detail)
		}
	}
	return out
}

// wantTamper waits for a tamper event saying phrase: the running guard may
// have done the check the test made, and record it a moment later.
func (e *env) wantTamper(t *testing.T, phrase string) {
	t.Helper()
	waitFor(t, fmt.Sprintf("a tamper event saying %q", phrase), func() bool {
		return slices.ContainsFunc(e.tamperDetails(t), func(d string) bool { return strings.Contains(d, phrase) })
	})
}

// TestRootTricksAreNoticed: what a person with sudo tries at 2 a.m. is
// undone where the daemon can, and recorded as tamper and shown in status
// where it cannot (issue 16.5).
func TestRootTricksAreNoticed(t *testing.T) {
	t.Run("nsswitch told to skip the hosts file", func(t *testing.T) {
		e := newEnv(t)
		e.startSession(t, time.Hour, api.Lock{})
		testutil.Must(t, os.WriteFile(e.cfg.NSSwitch, []byte("passwd: files\nhosts: dns\n"), 0o644))
		e.d.guardCheck()
		e.wantTamper(t, "no longer reads the hosts file")
		st, _ := e.client.Status(ctx)
		if len(st.Hosts.Bypasses) != 1 || !st.Hosts.Problem(true) || !strings.Contains(st.Hosts.Bypasses[0], "no longer reads the hosts file") {
			t.Fatalf("status does not show the bypass: %+v", st.Hosts)
		}
		e.d.guardCheck()
		if n := len(e.tamperDetails(t)); n != 1 {
			t.Errorf("one bypass recorded %d times", n)
		}
	})
	t.Run("a real address above the section with multi off", func(t *testing.T) {
		e := newEnv(t)
		e.startSession(t, time.Hour, api.Lock{})
		testutil.Must(t, os.WriteFile(e.cfg.HostConf, []byte("multi off\n"), 0o644))
		testutil.Must(t, os.WriteFile(e.cfg.HostsFile, []byte("157.240.1.1 instagram.com\n"+e.hosts(t)), 0o644))
		e.d.guardCheck()
		e.wantTamper(t, "the only answer")
	})
	// Round two of the resolver tricks (issue 22.3): each is recorded by
	// one guard check, in words, and shown in status.
	for name, c := range map[string]struct{ nss, hostsAbove, phrase string }{
		"a second hosts: line":           {nss: "hosts: files dns\nhosts: dns files\n", phrase: "asks DNS before"},
		"SUCCESS=continue after files":   {nss: "hosts: files [SUCCESS=continue] dns\n", phrase: "goes on to DNS"},
		"another loopback address above": {hostsAbove: "127.0.0.5 instagram.com\n", phrase: "another address"},
	} {
		t.Run(name, func(t *testing.T) {
			e := newEnv(t)
			e.startSession(t, time.Hour, api.Lock{})
			// Written whole (a temporary file renamed), as an editor does: a
			// file truncated in place can be read empty by the guard, which
			// then restores the last good copy over the test's write.
			if c.nss != "" {
				testutil.Must(t, atomicfile.Write(e.cfg.NSSwitch, []byte(c.nss), 0o644))
			}
			if c.hostsAbove != "" {
				testutil.Must(t, atomicfile.Write(e.cfg.HostsFile, []byte(c.hostsAbove+e.hosts(t)), 0o644))
			}
			e.d.guardCheck()
			e.wantTamper(t, c.phrase)
			if st, err := e.client.Status(ctx); err != nil || len(st.Hosts.Bypasses) != 1 || !strings.Contains(st.Hosts.Bypasses[0], c.phrase) {
				t.Fatalf("status does not show it: %+v %v", st.Hosts, err)
			}
		})
	}
	t.Run("a directory made at the backup's name", func(t *testing.T) {
		e := newEnv(t)
		e.startSession(t, time.Hour, api.Lock{})
		testutil.Must(t, os.Mkdir(e.cfg.HostsFile+hosts.BackupSuffix, 0o755))
		testutil.Must(t, os.WriteFile(e.cfg.HostsFile, []byte(userHosts), 0o644))
		e.d.guardCheck()
		if !strings.Contains(e.hosts(t), "127.78.0.1 instagram.com") {
			t.Fatal("not restored")
		}
		e.wantTamper(t, "section removed")
	})
	t.Run("the hosts file replaced by a directory", func(t *testing.T) {
		e := newEnv(t)
		e.startSession(t, time.Hour, api.Lock{})
		e.replaceHostsByDir(t)
		e.d.guardCheck()
		if h := e.hosts(t); !strings.HasPrefix(h, userHosts) || !strings.Contains(h, "127.78.0.1 instagram.com") {
			t.Fatalf("not restored: %q", h)
		}
		e.wantTamper(t, "hosts file replaced by a directory")
	})
	// Issue 29.5: a hosts file or its folder closed to other users is
	// opened again, in words.
	t.Run("chmod 600 on the hosts file and 700 on its folder", func(t *testing.T) {
		e := newEnv(t)
		e.startSession(t, time.Hour, api.Lock{})
		testutil.Must(t, os.Chmod(e.cfg.HostsFile, 0o600))
		testutil.Must(t, os.Chmod(filepath.Dir(e.cfg.HostsFile), 0o700))
		e.wantTamper(t, "the hosts file was made unreadable for other users (mode 0600), so their lookups skipped the block; it is mode 0644 again")
		e.wantTamper(t, "folder "+filepath.Dir(e.cfg.HostsFile)+" was closed to other users (mode 0700)")
		if fi, _ := os.Stat(e.cfg.HostsFile); fi.Mode().Perm()&0o004 == 0 {
			t.Errorf("the hosts file is still closed to other users: %v", fi.Mode())
		}
		if fi, _ := os.Stat(filepath.Dir(e.cfg.HostsFile)); fi.Mode().Perm()&0o001 == 0 {
			t.Errorf("its folder is still closed to other users: %v", fi.Mode())
		}
	})
	t.Run("a file that cannot be written", func(t *testing.T) {
		e := newEnv(t)
		e.startSession(t, time.Hour, api.Lock{})
		for range 2 {
			e.d.tamper.noteUnwritable(&os.PathError{Op: "open", Path: e.cfg.HostsFile, Err: syscall.EPERM})
		}
		e.wantTamper(t, "marked immutable (chattr +i)")
		if n := len(e.tamperDetails(t)); n != 1 {
			t.Errorf("one failure recorded %d times", n)
		}
	})
}

// replaceHostsByDir removes the hosts file and makes a directory in its
// place; the running guard may restore the file between the two steps, so
// it tries again until the directory is made.
func (e *env) replaceHostsByDir(t *testing.T) {
	t.Helper()
	waitFor(t, "a directory in place of the hosts file", func() bool {
		if err := os.Remove(e.cfg.HostsFile); err != nil && !errors.Is(err, fs.ErrNotExist) {
			t.Fatal(err)
		}
		err := os.Mkdir(e.cfg.HostsFile, 0o755)
		if err != nil && !errors.Is(err, fs.ErrExist) {
			t.Fatal(err)
		}
		return err == nil
	})
}

// TestDeletedStateIsRecorded: deleting the state directory and restarting
// the daemon does not lift the block: the witness puts it back, and the
// deletion is recorded (issue 29.6).
func TestDeletedStateIsRecorded(t *testing.T) {
	e := newEnv(t)
	e.startSession(t, time.Hour, api.Lock{Mode: api.LockStrict})
	e.stop()
	testutil.Must(t, os.RemoveAll(e.cfg.StateDir))
	e.start(t)
	e.wantTamper(t, "it was deleted; the block it knew (a strict block of 1 h")
	if st, err := e.client.Status(ctx); err != nil || st.Session == nil || st.Session.Lock.Mode != api.LockStrict || !strings.Contains(e.hosts(t), "instagram.com") {
		t.Fatalf("the block is not back: %+v %v\n%s", st, err, e.hosts(t))
	}
}

// TestStoppedServiceIsRecorded: a daemon stopped for hours while the
// computer ran (systemctl stop, disable, mask) says so when it starts again.
func TestStoppedServiceIsRecorded(t *testing.T) {
	e := newEnv(t)
	e.startSession(t, 30*api.Day, api.Lock{Mode: api.LockStrict})
	e.stop()
	e.clock.Pass(3 * time.Hour)
	e.start(t)
	e.wantTamper(t, "was not running for 3 h while the computer was on")
	st, _ := e.client.Status(ctx)
	if got := time.Duration(st.Session.Credited); got < 3*time.Hour {
		t.Errorf("the time away was not credited: %s", got)
	}
}

// TestDowntimeSaysWhatWasFound (issue 22.5): the section taken out while
// the daemon was stopped for a minute is recorded, however short the gap;
// a gap says what was found; a fake boot ID is not taken for a reboot.
func TestDowntimeSaysWhatWasFound(t *testing.T) {
	t.Run("killed, section removed, started within a minute", func(t *testing.T) {
		e := newEnv(t)
		e.startSession(t, time.Hour, api.Lock{Mode: api.LockStrict})
		e.stop()
		testutil.Must(t, os.WriteFile(e.cfg.HostsFile, []byte(userHosts), 0o644))
		e.clock.Pass(time.Minute)
		e.start(t)
		e.wantTamper(t, "taken out of the hosts file while nocontactd was not running; it is back now")
		if !strings.Contains(e.hosts(t), "127.78.0.1 instagram.com") {
			t.Error("the section was not put back")
		}
	})
	t.Run("stopped for hours with the section removed", func(t *testing.T) {
		e := newEnv(t)
		e.startSession(t, 30*api.Day, api.Lock{Mode: api.LockStrict})
		e.stop()
		testutil.Must(t, os.WriteFile(e.cfg.HostsFile, []byte(userHosts), 0o644))
		e.clock.Pass(3 * time.Hour)
		e.start(t)
		e.wantTamper(t, "was not running for 3 h while the computer was on (the service stopped, disabled or masked); meanwhile the block was taken out")
		for _, d := range e.tamperDetails(t) {
			if strings.Contains(d, "stayed in place") {
				t.Errorf("a gap says the block stayed in place though it was gone: %q", d)
			}
		}
	})
	t.Run("a fake boot ID", func(t *testing.T) {
		e := newEnv(t)
		e.startSession(t, 30*api.Day, api.Lock{Mode: api.LockStrict})
		e.stop()
		e.clock.Pass(20 * time.Minute)
		e.clock.FakeBootID("made-up")
		e.start(t)
		e.wantTamper(t, "the boot ID changed while nocontactd was not running, but the boot clock went on counting")
	})
	t.Run("a real reboot is not tampering", func(t *testing.T) {
		e := newEnv(t)
		e.startSession(t, 30*api.Day, api.Lock{Mode: api.LockStrict})
		e.stop()
		e.clock.Reboot(8 * time.Hour)
		e.start(t)
		if d := e.tamperDetails(t); len(d) != 0 {
			t.Errorf("a reboot recorded %q", d)
		}
	})
}

// An edit of the hosts file written in place (truncated, then written) is
// kept: a check that finds it empty in between waits for the write rather
// than putting the last good copy over it.
func TestAnEditInPlaceIsKept(t *testing.T) {
	e := newEnv(t)
	e.startSession(t, time.Hour, api.Lock{})
	edited := "10.0.0.2 nas.home\n" + e.hosts(t)
	f, err := os.OpenFile(e.cfg.HostsFile, os.O_WRONLY|os.O_TRUNC, 0)
	testutil.Must(t, err)
	done := make(chan struct{})
	go func() { e.d.guardCheck(); close(done) }()
	time.Sleep(5 * time.Millisecond)
	_, err = f.WriteString(edited)
	testutil.Must(t, err)
	testutil.Must(t, f.Close())
	<-done
	if h := e.hosts(t); !strings.Contains(h, "10.0.0.2 nas.home") || !strings.Contains(h, "127.78.0.1 instagram.com") {
		t.Errorf("the edit in place was lost, or the section: %q", h)
	}
}
