// Package blocker holds the vocabulary that the daemon, the GUI, the tray and
// the command line share: validated hostnames, and (as the project grows)
// sessions, status, events, locks and the errors callers branch on.
//
// It depends on the standard library and on golang.org/x/net/idna only, so
// that every other package, the root daemon included, can import it.
package blocker
