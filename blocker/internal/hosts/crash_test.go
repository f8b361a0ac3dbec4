package hosts

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// TestCrashSafety starts a child that applies and strips a section over and
// over on a large file, kills it with SIGKILL at random moments, and checks
// each time that the file holds one of the two contents it alternates
// between, never a mix or a truncation.
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("crash test skipped in -short mode")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "hosts")
	base := bigHosts(20000)
	if err := os.WriteFile(path, base, 0o644); err != nil {
		t.Fatal(err)
	}
	applied, _, err := editor(t).Apply(base, []string{"instagram.com", "www.instagram.com"})
	if err != nil {
		t.Fatal(err)
	}
	rounds, seen := 40, map[bool]int{}
	for i := range rounds {
		cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$")
		cmd.Env = append(os.Environ(), "NOCONTACT_CRASH_CHILD="+path)
		alive := path + ".alive"
		if err := os.Remove(alive); err != nil && !errors.Is(err, fs.ErrNotExist) {
			t.Fatal(err) // a sign left from the last round would start the kill at once
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Kill at a random moment once the child is writing, however slow
		// the machine is to start it.
		for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
			if _, err := os.Stat(alive); err == nil {
				break
			}
		}
		time.Sleep(time.Duration(rand.IntN(40)) * time.Millisecond)
		cmd.Process.Kill()
		cmd.Wait()
		got, err := ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, base) && !bytes.Equal(got, applied) {
			t.Fatalf("round %d: file is neither old nor new (%d bytes)", i, len(got))
		}
		seen[bytes.Equal(got, applied)]++
	}
	if seen[true] == 0 || seen[false] == 0 {
		t.Fatalf("the child never got to write between kills (%v): the test proved nothing", seen)
	}
	t.Logf("%d kills: old content %d times, new %d times", rounds, seen[false], seen[true])
}

// TestCrashChild is the child of TestCrashSafety; it does nothing otherwise.
func TestCrashChild(t *testing.T) {
	path := os.Getenv("NOCONTACT_CRASH_CHILD")
	if path == "" {
		t.Skip("run by TestCrashSafety only")
	}
	e := editor(t)
	for i := 0; ; i++ {
		prev, err := ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		next, changed, err := e.Apply(prev, []string{"instagram.com", "www.instagram.com"})
		if err != nil {
			t.Fatal(err)
		}
		if !changed {
			next, _ = e.Strip(prev)
		}
		if _, err := WriteFile(path, next); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			testutil.Must(t, os.WriteFile(path+".alive", nil, 0o644))
		}
	}
}

// bigHosts returns a hosts file of n lines shaped like a blocklist.
func bigHosts(n int) []byte {
	var b bytes.Buffer
	b.WriteString("# generated blocklist\n127.0.0.1 localhost\n::1 localhost\n\n")
	for i := range n - 4 {
		fmt.Fprintf(&b, "0.0.0.0 ads%d.tracker-%d.example.com\n", i, i%97)
	}
	return b.Bytes()
}
