package single

import (
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestSecondInstanceHandsOver(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gui.sock")
	got := make(chan Request, 1)
	stop, err := Listen(path, func(r Request) { got <- r })
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	if _, err := Listen(path, func(Request) {}); err != ErrRunning {
		t.Fatalf("second Listen: %v", err)
	}
	if err := Send(path, Request{Open: "popup", Event: 42}); err != nil {
		t.Fatal(err)
	}
	select {
	case r := <-got:
		if r.Open != "popup" || r.Event != 42 {
			t.Errorf("request %+v", r)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("request not received")
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o600 {
		t.Errorf("socket mode %v", fi.Mode())
	}
}

func TestStaleSocketIsRecovered(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gui.sock")
	ln, _ := net.Listen("unix", path)
	ln.(*net.UnixListener).SetUnlinkOnClose(false)
	ln.Close() // the socket file stays, nobody listens: a crashed instance
	if err := Send(path, Request{Open: "main"}); err == nil {
		t.Fatal("Send to a dead socket succeeded")
	}
	stop, err := Listen(path, func(Request) {})
	if err != nil {
		t.Fatalf("a stale socket was not recovered: %v", err)
	}
	stop()
}
