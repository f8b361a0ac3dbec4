// Package daemon composes the blocker packages into nocontactd: the session
// manager and the enforcers that keep its block, behind a local HTTP/JSON
// API (a unix socket on Linux and macOS).
//
// Each part owns its state and its lock, and reads the session through one
// Snapshot: the hosts enforcer (the section, the last good copy, its error;
// the resolver caches flushed by a goroutine of its own), the browser
// enforcer (the policies, their guards, the report), the tamper watch (what
// was found and recorded), the visits (sinkhole hits into events) and the
// pages (the passage, the article, the extension). The handlers are thin:
// decode, ask, answer. The Daemon's own lock (opMu) only makes a change of
// the session and its hosts write one step; no lock is held across a cache
// flush, a browser policy write or a lookup.
//
// The daemon is the only writer of the hosts file. It authorises every
// connection by the peer's uid (root, the owner recorded at install, or the
// daemon's own uid), refuses requests that carry Origin or Referer (a
// browser), limits and strictly decodes bodies, and validates every
// hostname before anything reaches the file.
package daemon
