package daemon

import (
	"bytes"
	"context"
	"io"
	"os"
	"time"

	"golang.org/x/sys/unix"
)

// openMounts opens the mount table before Run serves, so that no mount made
// after the first request can come before the watch; watchMounts polls it.
// A file bind-mounted over the hosts file (or a read-only remount) makes no
// inotify event in its directory, so the guard alone would see it only at
// its next periodic check.
func (d *Daemon) openMounts() *os.File {
	f, err := os.Open("/proc/self/mountinfo")
	if err != nil {
		d.log.Warn("cannot watch for mounts; they are seen at the guard's next check", "err", err)
		return nil
	}
	return f
}

// watchMounts checks the block whenever the mount table changes: at once
// where the kernel signals it (POLLPRI), and within a second where it does
// not (the table is compared each second; gVisor, for one, does not signal).
func (d *Daemon) watchMounts(ctx context.Context, f *os.File) {
	if f == nil {
		return
	}
	defer f.Close()
	// A pipe closed when ctx is done wakes the poll at once, so that Run
	// returns without waiting out the second.
	var stop [2]int
	if err := unix.Pipe2(stop[:], unix.O_CLOEXEC); err != nil {
		return
	}
	defer unix.Close(stop[0])
	go func() { <-ctx.Done(); unix.Close(stop[1]) }()
	last := readAll(f)
	for ctx.Err() == nil {
		fds := []unix.PollFd{{Fd: int32(f.Fd()), Events: unix.POLLPRI | unix.POLLERR}, {Fd: int32(stop[0]), Events: unix.POLLIN}}
		if _, err := unix.Poll(fds, 1000); err != nil && err != unix.EINTR {
			return
		}
		if ctx.Err() != nil {
			return
		}
		if !d.mgr.Snapshot().Active {
			continue // nothing to guard; a change is caught at the next read
		}
		now := readAll(f)
		if bytes.Equal(now, last) {
			continue
		}
		last = now
		time.Sleep(50 * time.Millisecond) // let the mount settle
		_, _ = d.guardCheck()             // it records what it finds, and its own failures
	}
}

// readAll reads the table from its start.
func readAll(f *os.File) []byte {
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return nil
	}
	b, _ := io.ReadAll(f)
	return b
}
