package daemon

import (
	"context"
	"os"
	"time"

	"golang.org/x/sys/unix"
)

// watchMounts checks the block the moment the mount table changes: a file
// bind-mounted over the hosts file (or a read-only remount) makes no
// inotify event in its directory, so the guard alone would see it only at
// its next periodic check. /proc/self/mountinfo signals a change with
// POLLPRI.
func (d *Daemon) watchMounts(ctx context.Context) {
	f, err := os.Open("/proc/self/mountinfo")
	if err != nil {
		d.log.Warn("cannot watch for mounts; they are seen at the guard's next check", "err", err)
		return
	}
	defer f.Close()
	fd := int(f.Fd())
	for ctx.Err() == nil {
		fds := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLPRI | unix.POLLERR}}
		n, err := unix.Poll(fds, 1000) // wake each second to see ctx end
		if err != nil && err != unix.EINTR {
			return
		}
		if n > 0 && fds[0].Revents&(unix.POLLPRI|unix.POLLERR) != 0 {
			f.Seek(0, 0) // re-arm: the next change signals again
			buf := make([]byte, 64<<10)
			for {
				if k, _ := f.Read(buf); k == 0 {
					break
				}
			}
			f.Seek(0, 0)
			if d.mgr.Active() {
				time.Sleep(50 * time.Millisecond) // let the mount settle
				d.guardCheck()
			}
		}
	}
}
