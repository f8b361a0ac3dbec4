// Package daemon composes the blocker packages into nocontactd: the session
// manager, the hosts engine, the tamper guard and the event log, behind a
// local HTTP/JSON API on a unix socket. It also holds Client, the typed
// client every other program uses to talk to the daemon.
//
// The daemon is the only writer of the hosts file. It authorises every
// connection by the peer's uid (root, the owner recorded at install, or the
// daemon's own uid), refuses requests that carry Origin or Referer (a
// browser), limits and strictly decodes bodies, and validates every
// hostname before anything reaches the file.
package daemon
