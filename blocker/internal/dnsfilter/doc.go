// Package dnsfilter publishes a block's hostnames to a DNS filter the
// person already runs for their phone, lifts them, and reads the filter's
// query log.
//
// Four services are supported, each through its own published API:
// NextDNS and Control D in the cloud, Pi-hole (v6) and AdGuard Home at
// home. A DNS filter blocks host names, never paths, so one profile on a
// site cannot be blocked this way.
//
// What is "ours": where the service can carry a mark, the entries this
// package writes carry one, and Remove never lifts an entry without it:
//
//   - Pi-hole: the comment "No Contact" on an exact deny entry.
//   - AdGuard Home: the lines between "! BEGIN NO CONTACT" and
//     "! END NO CONTACT" in the user's custom rules. AdGuard Home can only
//     replace the whole list, so every other line is written back byte for
//     byte; an edit made in the dashboard between our read and our write
//     is lost (the API has no way to avoid that).
//   - Control D: a rule folder named "No Contact" (Control D's API takes
//     no comment on a rule, but a rule belongs to a folder).
//   - NextDNS: a denylist entry has no field to carry a mark, so Entry.Ours
//     is always false there and the caller keeps its own ledger.
//
// Query logs: NextDNS, Pi-hole and AdGuard Home have one that the API
// reads; Control D's public API has none (its analytics endpoints list
// only log levels and storage regions), so Queries answers ErrNoQueryLog.
//
// Errors are sentences a person can act on. A refused credential wraps
// ErrUnauthorized, a filter that cannot be reached (or answers 5xx)
// wraps ErrUnreachable; no error, String or log value ever carries the
// secret.
package dnsfilter
