// Package api is the wire vocabulary that the daemon, the window, the tray
// and the command line share: validated hostnames, durations, sessions,
// locks, status, events, the errors callers branch on, and where the
// daemon's socket is.
//
// It carries facts, not display text: the user side words them in one
// place, app/words. What stays here is notation both sides read and write
// (durations as "30d" or "18 d 5 h", days as "mon-fri", clock times) and
// the daemon's error messages.
//
// It depends on the standard library and on golang.org/x/net/idna only, so
// that every other package, the root daemon included, can import it. It is
// one of the few places where the root side (blocker/...) and the user side
// (app/...) meet; blocker/client is another.
package api
