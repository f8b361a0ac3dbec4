package dnsfilter

import (
	"context"
	"encoding/base64"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"time"
)

// adGuard follows AdGuard Home's OpenAPI description (openapi/openapi.yaml
// in its repository): basic auth; GET /control/filtering/status gives
// user_rules; POST /control/filtering/set_rules {"rules"} replaces the
// whole list, so ours are kept between two comment lines and every other
// line is written back as read; GET /control/querylog is the log.
type adGuard struct {
	c              *conn
	user, password string

	mu sync.Mutex // one read-modify-write of the rules at a time
}

// Bounds on reading the AdGuard Home log (its own page limit is 1000).
const (
	agPageSize = 500
	agMaxPages = 5
)

func (g *adGuard) req(method, path, op string) request {
	r := request{method: method, path: "control/" + path, op: op}
	if g.user != "" {
		cred := base64.StdEncoding.EncodeToString([]byte(g.user + ":" + g.password))
		r.header = http.Header{"Authorization": {"Basic " + cred}}
	}
	return r
}

func (g *adGuard) rules(ctx context.Context) ([]string, error) {
	var out struct {
		UserRules []string `json:"user_rules"`
	}
	err := g.c.getJSON(ctx, g.req(http.MethodGet, "filtering/status", "read the custom rules"), &out)
	return out.UserRules, err
}

func (g *adGuard) setRules(ctx context.Context, rules []string) error {
	if rules == nil {
		rules = []string{}
	}
	r := g.req(http.MethodPost, "filtering/set_rules", "write the custom rules")
	r.body, r.ctype = jsonBody(map[string][]string{"rules": rules}), "application/json"
	_, err := g.c.do(ctx, r)
	return err
}

func (g *adGuard) Check(ctx context.Context) error {
	_, err := g.rules(ctx)
	return err
}

func (g *adGuard) Denied(ctx context.Context) ([]Entry, error) {
	rules, err := g.rules(ctx)
	if err != nil {
		return nil, err
	}
	r := parseAGRules(rules)
	seen := make(map[string]bool)
	var es []Entry
	for n := range r.userDenied() {
		seen[n] = true
		es = append(es, Entry{Name: n})
	}
	for _, n := range r.ours {
		if !seen[n] {
			seen[n] = true
			es = append(es, Entry{Name: n, Ours: true})
		}
	}
	return sortEntries(es), nil
}

// edit reads the rules, applies change and writes them back if changed.
func (g *adGuard) edit(ctx context.Context, names []string, change func(rules, names []string) ([]string, bool)) error {
	if err := checkNames(names); err != nil {
		return err
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	rules, err := g.rules(ctx)
	if err != nil {
		return err
	}
	next, changed := change(rules, names)
	if !changed {
		return nil
	}
	return g.setRules(ctx, next)
}

func (g *adGuard) Add(ctx context.Context, names []string) error {
	return g.edit(ctx, names, addAG)
}

func (g *adGuard) Remove(ctx context.Context, names []string) error {
	return g.edit(ctx, names, removeAG)
}

// agLogItem is one entry of GET /control/querylog.
type agLogItem struct {
	Client     string `json:"client"`
	ClientInfo *struct {
		Name string `json:"name"`
	} `json:"client_info"`
	Question struct {
		Name string `json:"name"`
	} `json:"question"`
	Time time.Time `json:"time"`
}

func (g *adGuard) Queries(ctx context.Context, since time.Time, names []string) ([]Query, error) {
	return blockedQueries(ctx, since, names, g.queries)
}

// queries reads the blocked entries of the log (response_status, which
// AdGuard Home has kept since long before "reason" replaced it), newest
// first, paging with older_than until since is passed, and keeps those
// for names.
func (g *adGuard) queries(ctx context.Context, since time.Time, names []string) ([]Query, error) {
	q := url.Values{"response_status": {"blocked"}, "limit": {strconv.Itoa(agPageSize)}}
	var qs []Query
	for page := 0; page < agMaxPages; page++ {
		var out struct {
			Data   []agLogItem `json:"data"`
			Oldest string      `json:"oldest"`
		}
		r := g.req(http.MethodGet, "querylog", "read the query log")
		r.query = q
		if err := g.c.getJSON(ctx, r, &out); err != nil {
			return nil, err
		}
		older := false
		for _, l := range out.Data {
			if l.Time.Before(since) {
				older = true
				continue
			}
			if !covers(names, l.Question.Name) {
				continue
			}
			client := l.Client
			if l.ClientInfo != nil && l.ClientInfo.Name != "" {
				client = l.ClientInfo.Name
			}
			qs = append(qs, Query{Time: l.Time, Name: l.Question.Name, Client: client})
		}
		if older || len(out.Data) < agPageSize || out.Oldest == "" {
			break
		}
		q.Set("older_than", out.Oldest)
	}
	return qs, nil
}
