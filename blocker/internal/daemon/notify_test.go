package daemon

import (
	"context"
	"net"
	"path/filepath"
	"testing"
	"time"
)

// TestWatchdogPings: under systemd (NOTIFY_SOCKET, WATCHDOG_USEC) the
// daemon pings twice per watchdog period, so a stopped one is restarted.
func TestWatchdogPings(t *testing.T) {
	sock := filepath.Join(t.TempDir(), "notify")
	conn, err := net.ListenUnixgram("unixgram", &net.UnixAddr{Name: sock, Net: "unixgram"})
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	t.Setenv("NOTIFY_SOCKET", sock)
	t.Setenv("WATCHDOG_USEC", "100000")
	e := newEnv(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go e.d.watchdog(ctx)
	conn.SetReadDeadline(time.Now().Add(5 * time.Second))
	buf := make([]byte, 64)
	got := map[string]int{}
	for got["WATCHDOG=1"] < 2 {
		n, err := conn.Read(buf)
		if err != nil {
			t.Fatalf("after %v: %v", got, err)
		}
		got[string(buf[:n])]++
	}
	if got["READY=1"] != 1 {
		t.Errorf("READY=1 sent %d times", got["READY=1"])
	}
}
