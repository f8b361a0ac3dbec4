package dnsfiltertest

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/internal/dnsfilter"
)

// NextDNS returns a fake NextDNS following its API documentation,
// https://nextdns.github.io/api/ (sections Authentication, Response
// format, Handling errors, Pagination, Profiles: denylist, Logs): the key
// in X-Api-Key (403 {"errors":[{"code":"forbidden"}]} otherwise, as
// NextDNS answers a wrong key); GET/POST /profiles/ID/denylist, DELETE
// /profiles/ID/denylist/NAME; GET /profiles/ID/logs with from, to, sort,
// limit (10 to 1000), cursor, search, status, device and raw. Query
// parameters it does not document are refused with 400, as invalid ones
// are. A user error (a duplicate) is 200 with "errors", as documented.
func NextDNS(t testing.TB) *Fake {
	t.Helper()
	b := &ndBackend{key: secret("nextdns"), profile: "abc123"}
	return newFake(t, dnsfilter.NextDNS, b, nil, func(u string) dnsfilter.Account {
		return dnsfilter.Account{Kind: dnsfilter.NextDNS, URL: u, Profile: b.profile, Secret: b.key}
	})
}

type ndEntry struct {
	ID     string `json:"id"`
	Active bool   `json:"active"`
}

type ndBackend struct {
	key, profile string
	list         []ndEntry
	log          []logged
}

func ndError(w http.ResponseWriter, status int, code, param string) {
	e := map[string]any{"code": code}
	if param != "" {
		e["source"] = map[string]any{"parameter": param}
	}
	writeJSON(w, status, map[string]any{"errors": []any{e}})
}

func (b *ndBackend) serve(w http.ResponseWriter, r *http.Request, body []byte) {
	if r.Header.Get("X-Api-Key") != b.key {
		ndError(w, http.StatusForbidden, "forbidden", "")
		return
	}
	rest, ok := strings.CutPrefix(r.URL.Path, "/profiles/"+b.profile+"/")
	if !ok {
		ndError(w, http.StatusNotFound, "notFound", "")
		return
	}
	switch {
	case r.Method == http.MethodGet && rest == "denylist":
		writeJSON(w, http.StatusOK, map[string]any{"data": nonNilEntries(b.list)})
	case r.Method == http.MethodPost && rest == "denylist":
		b.add(w, r, body)
	case r.Method == http.MethodDelete && strings.HasPrefix(rest, "denylist/"):
		b.delete(w, strings.TrimPrefix(rest, "denylist/"))
	case r.Method == http.MethodGet && rest == "logs":
		b.logs(w, r.URL.Query())
	default:
		ndError(w, http.StatusNotFound, "notFound", "")
	}
}

func nonNilEntries(es []ndEntry) []ndEntry {
	if es == nil {
		return []ndEntry{}
	}
	return es
}

func (b *ndBackend) add(w http.ResponseWriter, r *http.Request, body []byte) {
	var e ndEntry
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") || json.Unmarshal(body, &e) != nil || e.ID == "" {
		writeJSON(w, http.StatusBadRequest, map[string]any{"errors": []any{map[string]any{"code": "invalid", "source": map[string]any{"pointer": "/id"}}}})
		return
	}
	if slices.ContainsFunc(b.list, func(x ndEntry) bool { return x.ID == e.ID }) {
		writeJSON(w, http.StatusOK, map[string]any{"errors": []any{map[string]any{"code": "duplicate", "source": map[string]any{"pointer": "/id"}}}})
		return
	}
	b.list = append(b.list, e)
	writeJSON(w, http.StatusOK, map[string]any{"data": e})
}

func (b *ndBackend) delete(w http.ResponseWriter, id string) {
	i := slices.IndexFunc(b.list, func(x ndEntry) bool { return x.ID == id })
	if i < 0 {
		ndError(w, http.StatusNotFound, "notFound", "")
		return
	}
	b.list = slices.Delete(b.list, i, i+1)
	w.WriteHeader(http.StatusNoContent)
}

var ndLogParams = []string{"from", "to", "sort", "limit", "cursor", "search", "status", "device", "raw"}

// logs answers GET /profiles/ID/logs: newest first unless sort=asc,
// "search" matching part of the domain, "from" included and "to" not.
func (b *ndBackend) logs(w http.ResponseWriter, q url.Values) {
	for k := range q {
		if !slices.Contains(ndLogParams, k) {
			ndError(w, http.StatusBadRequest, "invalid", k)
			return
		}
	}
	from, errFrom := ndDate(q.Get("from"))
	to, errTo := ndDate(q.Get("to"))
	limit, errLimit := strconv.Atoi(q.Get("limit"))
	start, errCursor := strconv.Atoi(q.Get("cursor"))
	switch {
	case errFrom != nil:
		ndError(w, http.StatusBadRequest, "invalid", "from")
		return
	case errTo != nil:
		ndError(w, http.StatusBadRequest, "invalid", "to")
		return
	case q.Has("limit") && (errLimit != nil || limit < 10 || limit > 1000):
		ndError(w, http.StatusBadRequest, "invalid", "limit")
		return
	case q.Has("cursor") && errCursor != nil:
		ndError(w, http.StatusBadRequest, "invalid", "cursor")
		return
	case !q.Has("limit"):
		limit = 100
	}
	var match []logged
	for _, l := range b.log {
		if (!from.IsZero() && l.at.Before(from)) || (!to.IsZero() && !l.at.Before(to)) || !strings.Contains(l.name, q.Get("search")) {
			continue
		}
		if st := q.Get("status"); st != "" && st != l.status() {
			continue
		}
		match = append(match, l)
	}
	if q.Get("sort") != "asc" {
		slices.Reverse(match)
	}
	end := min(len(match), start+limit)
	data := []map[string]any{}
	if start < end {
		for _, l := range match[start:end] {
			data = append(data, b.entry(l))
		}
	}
	var cursor any
	if end < len(match) {
		cursor = strconv.Itoa(end)
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": data, "meta": map[string]any{"pagination": map[string]any{"cursor": cursor}}})
}

// ndDate reads a date as the API takes one: ISO 8601 or Unix seconds.
func ndDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return time.Unix(n, 0), nil
	}
	return time.Parse(time.RFC3339Nano, s)
}

// blocks reports whether the denylist blocks name: an active entry blocks
// the name and its subdomains.
func (b *ndBackend) blocks(name string) bool {
	return slices.ContainsFunc(b.list, func(e ndEntry) bool {
		return e.Active && (name == e.ID || strings.HasSuffix(name, "."+e.ID))
	})
}

// status is the log's status of a query NextDNS blocked or let through.
func (l logged) status() string {
	if l.blocked {
		return "blocked"
	}
	return "default"
}

func (b *ndBackend) entry(l logged) map[string]any {
	addr, name := l.clientAddr()
	e := map[string]any{"timestamp": l.at.UTC().Format(time.RFC3339Nano), "domain": l.name, "root": l.name,
		"encrypted": true, "protocol": "DNS-over-TLS", "clientIp": addr, "status": l.status(), "reasons": []any{}}
	if name != "" {
		e["device"] = map[string]any{"id": "8TD1G", "name": name, "model": "Android"}
	}
	return e
}

func (b *ndBackend) denied() []string {
	var out []string
	for _, e := range b.list {
		if e.Active {
			out = append(out, e.ID)
		}
	}
	return out
}

// ours is empty: a NextDNS entry carries no mark.
func (b *ndBackend) ours() []string { return nil }

func (b *ndBackend) addOwn(name string) { b.list = append(b.list, ndEntry{ID: name, Active: true}) }

func (b *ndBackend) removeByHand(name string) {
	b.list = slices.DeleteFunc(b.list, func(e ndEntry) bool { return e.ID == name })
}

func (b *ndBackend) query(name, client string, at time.Time) {
	b.log = append(b.log, logged{at: at, name: name, client: client, blocked: b.blocks(name)})
	slices.SortStableFunc(b.log, func(x, y logged) int { return x.at.Compare(y.at) })
}
