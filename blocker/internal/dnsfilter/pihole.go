package dnsfilter

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"
)

// piHole follows Pi-hole v6's REST API as FTL's OpenAPI description
// (src/api/docs/content/specs/ in the FTL repository) gives it: POST
// /api/auth {"password"} returns session.sid, sent back as X-FTL-SID (a
// Pi-hole without a password gives a session without one); exact deny
// entries at /api/domains/deny/exact, added in one POST with a list and
// our comment, deleted one by one; the log at GET /api/queries.
type piHole struct {
	c        *conn
	password string

	mu  sync.Mutex
	sid string // the session; "" before logging in or where none is needed
	in  bool   // logged in (a passwordless Pi-hole gives no sid)
}

// Bounds on reading the Pi-hole log.
const (
	piHolePageSize = 1000
	piHoleMaxPages = 5
)

type piHoleDomain struct {
	Domain  string  `json:"domain"`
	Comment *string `json:"comment"`
	Enabled bool    `json:"enabled"`
}

// login opens a session with the password.
func (p *piHole) login(ctx context.Context) error {
	r := request{method: http.MethodPost, path: "api/auth", op: "log in",
		body: jsonBody(map[string]string{"password": p.password}), ctype: "application/json"}
	a, err := p.c.do(ctx, r, http.StatusBadRequest)
	if err != nil {
		return err
	}
	if a.status == http.StatusBadRequest {
		if strings.Contains(serviceMessage(a.body), "2FA") {
			return fmt.Errorf("dnsfilter: Pi-hole asks for a two-factor code: create an app password in its Settings, Web interface / API, and use that: %w", ErrUnauthorized)
		}
		return p.c.statusError("log in", a)
	}
	var out struct {
		Session struct {
			Valid bool    `json:"valid"`
			SID   *string `json:"sid"`
		} `json:"session"`
	}
	if err := p.c.decode("log in", a, &out); err != nil {
		return err
	}
	if !out.Session.Valid {
		return p.c.statusError("log in", answer{status: http.StatusUnauthorized})
	}
	p.sid, p.in = "", true
	if out.Session.SID != nil {
		p.sid = *out.Session.SID
	}
	return nil
}

// do sends r within a session: it logs in first if needed, and once more
// if the session has expired (401).
func (p *piHole) do(ctx context.Context, r request, keep ...int) (answer, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	for try := 0; ; try++ {
		if !p.in {
			if err := p.login(ctx); err != nil {
				return answer{}, err
			}
		}
		r.header = http.Header{}
		if p.sid != "" {
			r.header.Set("X-FTL-SID", p.sid)
		}
		a, err := p.c.do(ctx, r, keep...)
		if errors.Is(err, ErrUnauthorized) && try == 0 {
			p.in, p.sid = false, ""
			continue
		}
		return a, err
	}
}

func (p *piHole) getJSON(ctx context.Context, r request, v any) error {
	r.method = http.MethodGet
	a, err := p.do(ctx, r)
	if err != nil {
		return err
	}
	return p.c.decode(r.op, a, v)
}

func (p *piHole) Check(ctx context.Context) error {
	p.mu.Lock()
	p.in, p.sid = false, "" // prove the password now, not an old session
	p.mu.Unlock()
	_, err := p.list(ctx)
	return err
}

func (p *piHole) list(ctx context.Context) ([]piHoleDomain, error) {
	var out struct {
		Domains []piHoleDomain `json:"domains"`
	}
	err := p.getJSON(ctx, request{path: "api/domains/deny/exact", op: "read the deny list"}, &out)
	return out.Domains, err
}

func ours(d piHoleDomain) bool { return d.Comment != nil && *d.Comment == Mark }

func (p *piHole) Denied(ctx context.Context) ([]Entry, error) {
	list, err := p.list(ctx)
	if err != nil {
		return nil, err
	}
	var es []Entry
	for _, d := range list {
		if d.Enabled {
			es = append(es, Entry{Name: d.Domain, Ours: ours(d)})
		}
	}
	return sortEntries(es), nil
}

func (p *piHole) Add(ctx context.Context, names []string) error {
	if err := checkNames(names); err != nil {
		return err
	}
	list, err := p.list(ctx)
	if err != nil {
		return err
	}
	have := make(map[string]bool, len(list))
	for _, d := range list {
		have[d.Domain] = true
	}
	var add []string
	for _, n := range names {
		if !have[n] {
			add = append(add, n)
			have[n] = true
		}
	}
	if len(add) == 0 {
		return nil
	}
	body := map[string]any{"domain": add, "comment": Mark, "enabled": true}
	r := request{method: http.MethodPost, path: "api/domains/deny/exact", op: "add to the deny list",
		body: jsonBody(body), ctype: "application/json"}
	a, err := p.do(ctx, r)
	if err != nil {
		return err
	}
	return p.processed(a)
}

// processed reports the entries Pi-hole could not add. A UNIQUE
// constraint means the name is already on one of its lists (the allow
// list, say): that is the user's to keep, not an error.
func (p *piHole) processed(a answer) error {
	var out struct {
		Processed *struct {
			Errors []struct {
				Item  string `json:"item"`
				Error string `json:"error"`
			} `json:"errors"`
		} `json:"processed"`
	}
	if err := p.c.decode("add to the deny list", a, &out); err != nil || out.Processed == nil {
		return err
	}
	for _, e := range out.Processed.Errors {
		if !strings.Contains(e.Error, "UNIQUE") {
			return fmt.Errorf("dnsfilter: Pi-hole could not add %s to the deny list (%.160s)", e.Item, e.Error)
		}
	}
	return nil
}

func (p *piHole) Remove(ctx context.Context, names []string) error {
	if err := checkNames(names); err != nil {
		return err
	}
	list, err := p.list(ctx)
	if err != nil {
		return err
	}
	mine := make(map[string]bool)
	for _, d := range list {
		if ours(d) {
			mine[d.Domain] = true
		}
	}
	for _, n := range names {
		if !mine[n] {
			continue
		}
		r := request{method: http.MethodDelete, path: "api/domains/deny/exact/" + n, op: "remove " + n + " from the deny list"}
		if _, err := p.do(ctx, r, http.StatusNotFound); err != nil {
			return err
		}
	}
	return nil
}

// piHoleQuery is one entry of GET /api/queries.
type piHoleQuery struct {
	Time   float64 `json:"time"`
	Domain string  `json:"domain"`
	Client struct {
		IP   string  `json:"ip"`
		Name *string `json:"name"`
	} `json:"client"`
}

func (p *piHole) Queries(ctx context.Context, since time.Time, names []string) ([]Query, error) {
	return blockedQueries(ctx, since, names, p.queries)
}

// queries reads the blocked queries (upstream=blocklist, FTL's
// pseudo-upstream for every blocked status), newest first in pages that
// share one cursor, and keeps those for names.
func (p *piHole) queries(ctx context.Context, since time.Time, names []string) ([]Query, error) {
	q := url.Values{"from": {strconv.FormatInt(since.Unix(), 10)}, "upstream": {"blocklist"},
		"length": {strconv.Itoa(piHolePageSize)}}
	var qs []Query
	for page := 0; page < piHoleMaxPages; page++ {
		var out struct {
			Queries []piHoleQuery `json:"queries"`
			Cursor  *int64        `json:"cursor"`
		}
		if err := p.getJSON(ctx, request{path: "api/queries", query: q, op: "read the query log"}, &out); err != nil {
			return nil, err
		}
		for _, l := range out.Queries {
			sec, frac := math.Modf(l.Time)
			t := time.Unix(int64(sec), int64(frac*1e9))
			if !covers(names, l.Domain) || t.Before(since) {
				continue
			}
			client := l.Client.IP
			if l.Client.Name != nil && *l.Client.Name != "" {
				client = *l.Client.Name
			}
			qs = append(qs, Query{Time: t, Name: l.Domain, Client: client})
		}
		if len(out.Queries) < piHolePageSize || out.Cursor == nil {
			break
		}
		q.Set("cursor", strconv.FormatInt(*out.Cursor, 10))
		q.Set("start", strconv.Itoa((page+1)*piHolePageSize))
	}
	return qs, nil
}
