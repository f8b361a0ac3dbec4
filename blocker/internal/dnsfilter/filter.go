package dnsfilter

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// Filter is one DNS filter reached through its API. Its methods are safe
// for concurrent use.
type Filter interface {
	// Check proves the credential now with one cheap authenticated call:
	// a wrong one wraps ErrUnauthorized, an unreachable filter
	// ErrUnreachable.
	Check(ctx context.Context) error
	// Denied returns every hostname the filter denies as an exact or
	// whole-domain entry, ours or not, sorted.
	Denied(ctx context.Context) ([]Entry, error)
	// Add denies names, marked as ours where the service can carry a mark.
	// A name the user already denies is left alone: not duplicated, not
	// re-marked.
	Add(ctx context.Context, names []string) error
	// Remove lifts names, but never an entry the service marks as not
	// ours. A name not denied is not an error.
	Remove(ctx context.Context, names []string) error
	// Queries returns the logged queries for any of names or their
	// subdomains at or after since, oldest first; ErrNoQueryLog where the
	// service has no log its API reads.
	Queries(ctx context.Context, since time.Time, names []string) ([]Query, error)
}

// Entry is one hostname the filter denies.
type Entry struct {
	Name string
	// Ours reports whether the entry carries our mark (false where the
	// service cannot carry one: NextDNS).
	Ours bool
}

// Query is one logged DNS query.
type Query struct {
	Time   time.Time
	Name   string
	Client string // the client's name, else its address, as the filter gives it
}

// Sentinel errors callers branch on; every error that means one wraps it.
var (
	ErrUnauthorized = errors.New("the filter refused the credential")
	ErrUnreachable  = errors.New("the filter cannot be reached")
	ErrNoQueryLog   = errors.New("the filter has no query log its API can read")
)

// Mark is the comment, or folder name, that marks an entry as ours.
const Mark = "No Contact"

// defaultTimeout bounds one request when New is given no client.
const defaultTimeout = 15 * time.Second

// New returns the Filter for a, after validating it. hc nil means a client
// with a 15 s timeout.
func New(a Account, hc *http.Client) (Filter, error) {
	if err := a.Validate(); err != nil {
		return nil, err
	}
	base, err := a.baseURL()
	if err != nil {
		return nil, err
	}
	if hc == nil {
		hc = &http.Client{Timeout: defaultTimeout}
	}
	c := &conn{base: base, hc: hc, kind: a.Kind}
	switch a.Kind {
	case NextDNS:
		return &nextDNS{c: c, profile: a.Profile, key: a.Secret}, nil
	case ControlD:
		return &controlD{c: c, profile: a.Profile, token: a.Secret}, nil
	case PiHole:
		// The dashboard's address ends in /admin; the API is beside it.
		base.Path = strings.TrimSuffix(base.Path, "/admin")
		return &piHole{c: c, password: a.Secret}, nil
	default:
		return &adGuard{c: c, user: a.User, password: a.Secret}, nil
	}
}

// checkNames refuses anything that is not a plain lower-case host name,
// so no rule syntax or path reaches a filter.
func checkNames(names []string) error {
	for _, n := range names {
		h, err := api.NormalizeHostname(n)
		if err != nil {
			return fmt.Errorf("dnsfilter: %w", err)
		}
		if h != n {
			return fmt.Errorf("dnsfilter: %q is not written as a plain lower-case host name (%q)", n, h)
		}
	}
	return nil
}

// covers reports whether name is one of names or a subdomain of one.
func covers(names []string, name string) bool {
	name = strings.TrimSuffix(strings.ToLower(name), ".")
	for _, n := range names {
		if name == n || strings.HasSuffix(name, "."+n) {
			return true
		}
	}
	return false
}

// sortQueries orders qs oldest first and drops exact repeats (the same
// time, name and client).
func sortQueries(qs []Query) []Query {
	slices.SortStableFunc(qs, func(a, b Query) int {
		if c := a.Time.Compare(b.Time); c != 0 {
			return c
		}
		if c := strings.Compare(a.Name, b.Name); c != 0 {
			return c
		}
		return strings.Compare(a.Client, b.Client)
	})
	return slices.Compact(qs)
}

// sortEntries orders es by name.
func sortEntries(es []Entry) []Entry {
	slices.SortFunc(es, func(a, b Entry) int { return strings.Compare(a.Name, b.Name) })
	return es
}

// setOf returns names as a set.
func setOf(names []string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[n] = true
	}
	return m
}

// blockedQueries reads the service's log of blocked queries once with
// read, which keeps those for any of names, and returns them oldest
// first. One reading for every name, not one per name: a block holds
// dozens of names, and the services meter their APIs.
func blockedQueries(ctx context.Context, since time.Time, names []string,
	read func(context.Context, time.Time, []string) ([]Query, error)) ([]Query, error) {
	if err := checkNames(names); err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, nil
	}
	qs, err := read(ctx, since, names)
	if err != nil {
		return nil, err
	}
	return sortQueries(qs), nil
}
