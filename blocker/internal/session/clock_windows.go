package session

import (
	"fmt"
	"time"

	"golang.org/x/sys/windows"
	"golang.org/x/sys/windows/registry"
)

// The clocks on Windows: GetTickCount64 counts since boot, sleep and
// hibernation included, and no user can set it; the boot is named by the
// kernel's BootId, a count the Session Manager raises at every boot.

var getTickCount64 = windows.NewLazySystemDLL("kernel32.dll").NewProc("GetTickCount64")

// processStart names the boot where Windows keeps no BootId (Wine): every
// daemon start then counts as a reboot, as on a system without a boot
// clock.
var processStart = time.Now()

// Boottime reads GetTickCount64 (milliseconds since boot, sleep included).
func (SystemClock) Boottime() time.Duration {
	ms, _, _ := getTickCount64.Call()
	return time.Duration(ms) * time.Millisecond
}

// bootIDKey holds the BootId value.
const bootIDKey = `SYSTEM\CurrentControlSet\Control\Session Manager\Memory Management\PrefetchParameters`

// BootID returns the kernel's boot count, or, where it is not kept, the
// daemon's start (see processStart).
func (SystemClock) BootID() string {
	k, err := registry.OpenKey(registry.LOCAL_MACHINE, bootIDKey, registry.QUERY_VALUE)
	if err == nil {
		defer k.Close()
		if n, _, err := k.GetIntegerValue("BootId"); err == nil {
			return fmt.Sprintf("boot-%d", n)
		}
	}
	return fmt.Sprintf("start-%d", processStart.UnixNano())
}
