package dnsfilter

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// nextDNS follows the NextDNS API (https://nextdns.github.io/api/): the
// key in X-Api-Key; the denylist at /profiles/ID/denylist, one POST per
// name ({"id","active"}), DELETE /profiles/ID/denylist/NAME; the log at
// /profiles/ID/logs. A denylist entry blocks the name and its subdomains
// and has no field for a mark.
type nextDNS struct {
	c       *conn
	profile string
	key     string
}

// Bounds on reading the NextDNS log: one page holds at most 1000 entries
// (the API's own limit).
const (
	nextDNSPageSize = 1000
	nextDNSMaxPages = 5
)

func (n *nextDNS) req(method, path, op string) request {
	return request{method: method, path: "profiles/" + n.profile + "/" + path, op: op,
		header: http.Header{"X-Api-Key": {n.key}}}
}

type nextDNSEntry struct {
	ID     string `json:"id"`
	Active bool   `json:"active"`
}

// errors reports a NextDNS "errors" array, which it sends with 200 OK for
// a user error.
type nextDNSErrors struct {
	Errors []struct {
		Code string `json:"code"`
	} `json:"errors"`
}

func (n *nextDNS) Check(ctx context.Context) error {
	_, err := n.list(ctx)
	return err
}

func (n *nextDNS) list(ctx context.Context) ([]nextDNSEntry, error) {
	r := n.req(http.MethodGet, "denylist", "read the denylist")
	a, err := n.c.do(ctx, r, http.StatusNotFound)
	if err != nil {
		return nil, err
	}
	if a.status == http.StatusNotFound {
		return nil, fmt.Errorf("dnsfilter: NextDNS has no profile %s for this API key: check the profile ID (%s)", n.profile, profileHint(NextDNS))
	}
	var out struct {
		Data []nextDNSEntry `json:"data"`
	}
	if err := n.c.decode(r.op, a, &out); err != nil {
		return nil, err
	}
	return out.Data, nil
}

func (n *nextDNS) Denied(ctx context.Context) ([]Entry, error) {
	list, err := n.list(ctx)
	if err != nil {
		return nil, err
	}
	var es []Entry
	for _, e := range list {
		if e.Active {
			es = append(es, Entry{Name: e.ID})
		}
	}
	return sortEntries(es), nil
}

func (n *nextDNS) Add(ctx context.Context, names []string) error {
	if err := checkNames(names); err != nil {
		return err
	}
	list, err := n.list(ctx)
	if err != nil {
		return err
	}
	have := make(map[string]bool, len(list))
	for _, e := range list {
		have[e.ID] = true // an inactive entry is the user's choice too: left alone
	}
	for _, name := range names {
		if have[name] {
			continue
		}
		r := n.req(http.MethodPost, "denylist", "add "+name+" to the denylist")
		r.body, r.ctype = jsonBody(nextDNSEntry{ID: name, Active: true}), "application/json"
		a, err := n.c.do(ctx, r)
		if err != nil {
			return err
		}
		var e nextDNSErrors
		if n.c.decode(r.op, a, &e) == nil && len(e.Errors) > 0 && e.Errors[0].Code != "duplicate" {
			return fmt.Errorf("dnsfilter: NextDNS refused to add %s to the denylist (%s)", name, e.Errors[0].Code)
		}
		have[name] = true
	}
	return nil
}

func (n *nextDNS) Remove(ctx context.Context, names []string) error {
	if err := checkNames(names); err != nil {
		return err
	}
	for _, name := range names {
		r := n.req(http.MethodDelete, "denylist/"+name, "remove "+name+" from the denylist")
		if _, err := n.c.do(ctx, r, http.StatusNotFound); err != nil {
			return err
		}
	}
	return nil
}

// nextDNSLog is one entry of /profiles/ID/logs.
type nextDNSLog struct {
	Timestamp time.Time `json:"timestamp"`
	Domain    string    `json:"domain"`
	ClientIP  string    `json:"clientIp"`
	Device    *struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	} `json:"device"`
}

func (n *nextDNS) Queries(ctx context.Context, since time.Time, names []string) ([]Query, error) {
	return blockedQueries(ctx, since, names, n.queries)
}

// queries reads the blocked entries of the log (status=blocked), newest
// first as every service here gives them, so that past the page limit (an
// outage, a home's ad blocking) it is the oldest that are left unread,
// and keeps those for names.
func (n *nextDNS) queries(ctx context.Context, since time.Time, names []string) ([]Query, error) {
	q := url.Values{"from": {since.UTC().Format(time.RFC3339Nano)}, "status": {"blocked"},
		"limit": {strconv.Itoa(nextDNSPageSize)}}
	var qs []Query
	for page := 0; page < nextDNSMaxPages; page++ {
		var out struct {
			Data []nextDNSLog `json:"data"`
			Meta struct {
				Pagination struct {
					Cursor *string `json:"cursor"`
				} `json:"pagination"`
			} `json:"meta"`
		}
		r := n.req("", "logs", "read the query log")
		r.query = q
		if err := n.c.getJSON(ctx, r, &out); err != nil {
			return nil, err
		}
		for _, l := range out.Data {
			if !covers(names, l.Domain) || l.Timestamp.Before(since) {
				continue
			}
			client := l.ClientIP
			if l.Device != nil && l.Device.Name != "" {
				client = l.Device.Name
			}
			qs = append(qs, Query{Time: l.Timestamp, Name: l.Domain, Client: client})
		}
		c := out.Meta.Pagination.Cursor
		if c == nil || *c == "" {
			break
		}
		q.Set("cursor", *c)
	}
	return qs, nil
}
