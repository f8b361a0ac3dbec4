package daemon

import (
	"context"
	"net"
	"os"
	"strconv"
	"time"
)

// sdNotify sends state to the service manager ($NOTIFY_SOCKET, as
// sd_notify(3) does); without one it does nothing.
func sdNotify(state string) {
	path := os.Getenv("NOTIFY_SOCKET")
	if path == "" {
		return
	}
	if path[0] == '@' {
		path = "\x00" + path[1:] // an abstract socket
	}
	c, err := net.DialUnix("unixgram", nil, &net.UnixAddr{Name: path, Net: "unixgram"})
	if err != nil {
		return
	}
	defer func() { _ = c.Close() }()
	_, _ = c.Write([]byte(state)) // systemd gone or not listening: nothing to tell
}

// watchdog tells systemd the daemon is alive every half of WatchdogSec
// ($WATCHDOG_USEC), after a status round through its own locks, so a hung
// or stopped daemon (kill -STOP) is restarted by systemd.
func (d *Daemon) watchdog(ctx context.Context) {
	usec, err := strconv.ParseInt(os.Getenv("WATCHDOG_USEC"), 10, 64)
	if err != nil || usec <= 0 {
		return
	}
	t := time.NewTicker(time.Duration(usec) * time.Microsecond / 2)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			d.Status() // takes every lock a request takes: a deadlock stops the pings
			sdNotify("WATCHDOG=1")
		}
	}
}
