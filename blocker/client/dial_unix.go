//go:build !windows

package client

import (
	"context"
	"errors"
	"net"
	"syscall"
	"time"
)

// dial connects to the socket, and tries again while its queue is full
// (EAGAIN: another process opens connections faster than the daemon
// takes them, which the daemon answers by closing them), until ctx ends.
func dial(ctx context.Context, sock string) (net.Conn, error) {
	var d net.Dialer
	wait := time.Millisecond
	for {
		c, err := d.DialContext(ctx, "unix", sock)
		if err == nil || !errors.Is(err, syscall.EAGAIN) {
			return c, err
		}
		select {
		case <-ctx.Done():
			return nil, err
		case <-time.After(wait):
		}
		wait = min(2*wait, 50*time.Millisecond)
	}
}

// serviceLook is where a person looks at the daemon's service.
const serviceLook = "systemctl status nocontactd"
