//go:build unix

package daemon

import (
	"fmt"
	"net"
	"os"
	"path/filepath"
	"time"
)

// The API's transport on Unix, one side of the platform seam (the other is
// transport_windows.go): a socket file only root and the owner may open,
// and each connection's peer named by its uid, read from the kernel
// (SO_PEERCRED, LOCAL_PEERCRED: peercred_*.go).

// socketTransport is the API on a unix socket.
type socketTransport struct {
	path  string
	owner int
}

func newTransport(cfg *Config) transport { return socketTransport{cfg.Socket, cfg.OwnerUID} }

// listen opens the socket: its directory created 0755, a stale socket file
// replaced (a live one is an error: another daemon runs), the socket itself
// mode 0600 and owned by the owner, so only root and the owner can connect.
func (t socketTransport) listen() (net.Listener, error) {
	path, owner := t.path, t.owner
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("daemon: socket directory: %w", err)
	}
	if c, err := net.DialTimeout("unix", path, time.Second); err == nil {
		c.Close()
		return nil, fmt.Errorf("daemon: another nocontactd is serving %s", path)
	}
	os.Remove(path)
	ln, err := net.Listen("unix", path)
	if err != nil {
		return nil, fmt.Errorf("daemon: listen: %w", err)
	}
	if err := os.Chmod(path, 0o600); err != nil {
		ln.Close()
		return nil, fmt.Errorf("daemon: socket mode: %w", err)
	}
	if owner >= 0 && os.Geteuid() == 0 {
		if err := os.Chown(path, owner, -1); err != nil {
			ln.Close()
			return nil, fmt.Errorf("daemon: socket owner: %w", err)
		}
	}
	return ln, nil
}

// peer is the uid of a Unix socket's peer, -1 for anything else.
func (socketTransport) peer(c net.Conn) int {
	if uc, ok := c.(*net.UnixConn); ok {
		if u, err := peerUID(uc); err == nil {
			return u
		}
	}
	return -1
}

// peerUID returns the uid of the process at the other end of c, read with
// the per-OS fdPeerUID (SO_PEERCRED, LOCAL_PEERCRED).
func peerUID(c *net.UnixConn) (int, error) {
	raw, err := c.SyscallConn()
	if err != nil {
		return -1, err
	}
	uid, cerr := -1, error(nil)
	if err := raw.Control(func(fd uintptr) { uid, cerr = fdPeerUID(int(fd)) }); err != nil {
		return -1, err
	}
	return uid, cerr
}
