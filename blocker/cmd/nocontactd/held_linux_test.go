package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// heldNamespace is a namespace script left running while the test drives
// what it started (a browser, through its remote protocol): the script
// ends its work with holdOpen, and stop lets it finish.
type heldNamespace struct {
	dir  scratch
	cmd  *exec.Cmd
	out  bytes.Buffer
	done chan error
}

// holdOpen ends a script that startInNamespace runs: it says it is ready,
// then waits until the test is done with it.
const holdOpen = `touch "$T/ready"
while [ ! -e "$T/done" ]; do sleep 0.1; done
`

// startInNamespace starts script as inNamespace does and waits (up to 3
// minutes) until it is ready; the test stops it with stop. It skips the
// test without root or the tools.
func startInNamespace(t testing.TB, dir scratch, script string, tools []string, env ...string) *heldNamespace {
	t.Helper()
	checkNamespaceTools(t, tools)
	h := &heldNamespace{dir: dir, done: make(chan error, 1)}
	h.cmd = exec.Command("unshare", "-m", "--propagation", "private", "sh", "-c", privateEtc+script)
	h.cmd.Env = append(append(os.Environ(), "T="+string(dir), "BIN="+os.Args[0], "NOCONTACTD_TEST_AS_MAIN=1"), env...)
	h.cmd.Stdout, h.cmd.Stderr = &h.out, &h.out
	if err := h.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { h.done <- h.cmd.Wait() }()
	t.Cleanup(func() { h.stop() })
	for deadline := time.Now().Add(3 * time.Minute); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if fileExists(filepath.Join(string(dir), "ready")) {
			return h
		}
		select {
		case err := <-h.done:
			h.done <- err
			t.Fatalf("the namespace script ended before it was ready: %v\n%s\ndaemon log:\n%s", err, h.out.String(), dir.read("daemon.log"))
		default:
		}
	}
	t.Fatalf("the namespace script was not ready within 3 minutes:\n%s", h.out.String())
	return nil
}

// stop lets the script run what follows holdOpen and end; it returns the
// script's error and output.
func (h *heldNamespace) stop() (string, error) {
	os.WriteFile(filepath.Join(string(h.dir), "done"), nil, 0o644)
	select {
	case err := <-h.done:
		h.done <- err
		return h.out.String(), err
	case <-time.After(2 * time.Minute):
		h.cmd.Process.Kill()
		return h.out.String(), errors.New("the namespace script did not end within 2 minutes of being let go")
	}
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
