package daemon

import (
	"context"
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// watchClock wakes the tick loop the moment the wall clock is set (a
// timerfd armed with TFD_TIMER_CANCEL_ON_SET), so the credit and its save
// see the jump at once: a clock set forward and a reboot before the next
// 30-second tick would otherwise count the jump as time off.
func (d *Daemon) watchClock(ctx context.Context) {
	fd, err := unix.TimerfdCreate(unix.CLOCK_REALTIME, unix.TFD_CLOEXEC|unix.TFD_NONBLOCK)
	if err != nil {
		d.log.Warn("cannot watch for wall clock changes; they are seen at the next tick", "err", err)
		return
	}
	f := os.NewFile(uintptr(fd), "timerfd")
	go func() { <-ctx.Done(); f.Close() }()
	far := unix.ItimerSpec{Value: unix.Timespec{Sec: 1 << 40}}
	buf := make([]byte, 8)
	for ctx.Err() == nil {
		if err := unix.TimerfdSettime(fd, unix.TFD_TIMER_ABSTIME|unix.TFD_TIMER_CANCEL_ON_SET, &far, nil); err != nil {
			return
		}
		d.clockArms.Add(1)
		if _, err := f.Read(buf); errors.Is(err, unix.ECANCELED) {
			d.log.Info("the wall clock was set; crediting now")
			d.nudge()
		} else if err != nil {
			return
		}
	}
}
