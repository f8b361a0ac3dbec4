package client

import (
	"context"
	"errors"
	"path/filepath"
	"testing"
	"time"
)

// stoppedDaemon accepts connections and never answers, as a daemon under
// kill -STOP does (the kernel still queues connections on its socket).
func stoppedDaemon(t *testing.T) string {
	t.Helper()
	sock := filepath.Join(t.TempDir(), "d.sock")
	ln, err := listenFor(sock)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			defer c.Close()
		}
	}()
	return sock
}

func TestStoppedDaemonIsSaidInWords(t *testing.T) {
	c := &Client{Socket: stoppedDaemon(t)}
	start := time.Now()
	_, err := c.Status(context.Background())
	if !errors.Is(err, ErrNotAnswering) {
		t.Fatalf("a daemon that does not answer: %v", err)
	}
	if took := time.Since(start); took > answerWithin+2*time.Second {
		t.Errorf("noticed after %v", took)
	}
}

func TestSilentStreamEnds(t *testing.T) {
	defer func(old time.Duration) { silentFor = old }(silentFor)
	silentFor = 200 * time.Millisecond
	c := &Client{Socket: stoppedDaemon(t)}
	done := make(chan error, 1)
	go func() { _, err := c.Stream(context.Background(), 0, nil); done <- err }()
	select {
	case err := <-done:
		if !errors.Is(err, ErrNotAnswering) {
			t.Fatalf("a silent stream ended with %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("a silent stream never ended")
	}
}

func TestNoDaemon(t *testing.T) {
	c := &Client{Socket: filepath.Join(t.TempDir(), "none.sock")}
	if _, err := c.Status(context.Background()); !errors.Is(err, ErrNotRunning) {
		t.Fatalf("no socket: %v", err)
	}
}
