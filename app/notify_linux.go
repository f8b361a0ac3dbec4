package app

import (
	"os"
	"slices"

	"github.com/godbus/dbus/v5"
)

// notifications is the D-Bus name of the desktop's notification service.
const notifications = "org.freedesktop.Notifications"

// canNotify reports whether a desktop notification can be shown: whether
// the session bus has a notification service, running or startable.
// Without one Fyne printed a "Fyne error" line for every pop-up. With no
// session bus at all it does not ask (godbus would start a private one).
func canNotify() bool {
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
		return false
	}
	conn, err := dbus.SessionBus() // shared with Fyne and the keyring: not closed
	if err != nil {
		return false
	}
	var running bool
	if conn.BusObject().Call("org.freedesktop.DBus.NameHasOwner", 0, notifications).Store(&running) == nil && running {
		return true
	}
	var startable []string
	return conn.BusObject().Call("org.freedesktop.DBus.ListActivatableNames", 0).Store(&startable) == nil &&
		slices.Contains(startable, notifications)
}
