// Package single keeps one GUI process per user: the first nocontact
// listens on a per-user socket, and a later `nocontact` or `nocontact
// excerpt` hands its request to it and exits instead of opening a second
// app. A socket left by a crashed process is recovered.
package single

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"time"
)

// Tabs of the main window, in order, that a Request can open
// (`nocontact open TAB`).
var Tabs = []string{"today", "profiles", "read", "progress", "help"}

// Request is what a second process asks of the running one.
type Request struct {
	Open  string `json:"open"`            // "main" or "popup"
	Event uint64 `json:"event,omitempty"` // for "popup"
	Tab   string `json:"tab,omitempty"`   // for "main": "today", "read"...
	// EndEarly opens Today's pause before an early end (the tray's "End
	// early…"), for "main".
	EndEarly bool `json:"end_early,omitempty"`
	// Extend asks, in Today, whether to extend the block by 24 hours (the
	// tray's "Extend by 24 h…": it cannot be undone, so it is asked).
	Extend bool `json:"extend,omitempty"`
}

// Path is the socket: $XDG_RUNTIME_DIR/nocontact/gui.sock, or a per-user
// directory in the temporary directory.
func Path() string {
	if d := os.Getenv("XDG_RUNTIME_DIR"); d != "" {
		return filepath.Join(d, "nocontact", "gui.sock")
	}
	return filepath.Join(os.TempDir(), fmt.Sprintf("nocontact-%d", os.Getuid()), "gui.sock")
}

// Send hands req to the running instance. An error means none runs.
func Send(path string, req Request) error {
	c, err := net.DialTimeout("unix", path, time.Second)
	if err != nil {
		return err
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(2 * time.Second))
	if err := json.NewEncoder(c).Encode(req); err != nil {
		return err
	}
	// Wait for the acknowledgement, so the caller exits only once the
	// request has been taken.
	_, err = bufio.NewReader(c).ReadString('\n')
	return err
}

// ErrRunning means another instance owns the socket.
var ErrRunning = errors.New("single: another instance is running")

// Listen makes this process the instance: requests arrive on handle (from
// the listener's goroutine). It returns a function that stops listening.
func Listen(path string, handle func(Request)) (func(), error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	if c, err := net.DialTimeout("unix", path, time.Second); err == nil {
		c.Close()
		return nil, ErrRunning
	}
	os.Remove(path) // stale, from a process that died
	ln, err := net.Listen("unix", path)
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(path, 0o600); err != nil { // only this user may hand over
		ln.Close()
		return nil, err
	}
	go serve(ln, handle)
	return func() { ln.Close(); os.Remove(path) }, nil
}

func serve(ln net.Listener, handle func(Request)) {
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		go func() {
			defer c.Close()
			c.SetDeadline(time.Now().Add(2 * time.Second))
			r := bufio.NewReader(c)
			line, err := r.ReadBytes('\n')
			var req Request
			if err != nil || len(line) > 4096 || json.Unmarshal(line, &req) != nil {
				return
			}
			handle(req)
			c.Write([]byte("ok\n"))
		}()
	}
}
