package dnsfiltertest

import (
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/internal/dnsfilter"
)

// AdGuardHome returns a fake AdGuard Home that checks every request and
// answer against AdGuard Home's own OpenAPI document (openapi/openapi.yaml
// of AdguardTeam/AdGuardHome at v0.107.79, GPL-3.0; testdata/NOTICE.md):
// basic auth (401 otherwise), GET /control/filtering/status,
// POST /control/filtering/set_rules, GET /control/querylog.
func AdGuardHome(t testing.TB) *Fake {
	t.Helper()
	sp, err := loadSpec("AdGuard Home's openapi.yaml", specFS, "testdata/adguardhome/openapi.yaml", "/control", nil)
	if err != nil {
		t.Fatalf("dnsfiltertest: %v", err)
	}
	b := &agBackend{user: "admin", pass: secret("adguardhome")}
	return newFake(t, dnsfilter.AdGuardHome, b, sp, func(u string) dnsfilter.Account {
		return dnsfilter.Account{Kind: dnsfilter.AdGuardHome, URL: u, User: b.user, Secret: b.pass}
	})
}

// SetRules replaces the custom rules, as typed in the dashboard
// (AdGuard Home only).
func (f *Fake) SetRules(rules []string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.b.(*agBackend).rules = slices.Clone(rules)
}

// Rules returns the custom rules as they are now (AdGuard Home only).
func (f *Fake) Rules() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.b.(*agBackend).rules)
}

type agBackend struct {
	user, pass string
	rules      []string
	log        []logged
}

func (b *agBackend) serve(w http.ResponseWriter, r *http.Request, body []byte) {
	if u, p, ok := r.BasicAuth(); !ok || u != b.user || p != b.pass {
		http.Error(w, "Unauthorized", http.StatusUnauthorized)
		return
	}
	switch r.Method + " " + r.URL.Path {
	case "GET /control/filtering/status":
		writeJSON(w, http.StatusOK, map[string]any{"enabled": true, "interval": 24,
			"filters": []any{}, "whitelist_filters": []any{}, "user_rules": nonNil(b.rules)})
	case "POST /control/filtering/set_rules":
		var in struct {
			Rules []string `json:"rules"`
		}
		if err := json.Unmarshal(body, &in); err != nil {
			http.Error(w, "json decode: "+err.Error(), http.StatusBadRequest)
			return
		}
		b.rules = in.Rules
		w.WriteHeader(http.StatusOK)
	case "GET /control/querylog":
		b.queryLog(w, r)
	default:
		http.NotFound(w, r)
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// queryLog answers as AdGuard Home does: newest first, "search" matching
// part of the name or the client, "older_than" paging, "oldest" the time
// of the last entry given.
func (b *agBackend) queryLog(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	limit := 500
	if l, err := strconv.Atoi(q.Get("limit")); err == nil && l > 0 {
		limit = l
	}
	var older time.Time
	if s := q.Get("older_than"); s != "" {
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			http.Error(w, "older_than: "+err.Error(), http.StatusBadRequest)
			return
		}
		older = t
	}
	search := strings.ToLower(q.Get("search"))
	var data []map[string]any
	oldest := ""
	for i := len(b.log) - 1; i >= 0 && len(data) < limit; i-- {
		l := b.log[i]
		addr, name := l.clientAddr()
		if !older.IsZero() && !l.at.Before(older) {
			continue
		}
		if !agStatusMatches(q.Get("response_status"), l) {
			continue
		}
		if search != "" && !strings.Contains(l.name, search) && !strings.Contains(addr, search) && !strings.Contains(strings.ToLower(name), search) {
			continue
		}
		data = append(data, b.item(l, addr, name))
		oldest = l.at.Format(time.RFC3339Nano)
	}
	writeJSON(w, http.StatusOK, map[string]any{"data": nonNilMaps(data), "oldest": oldest})
}

// agStatusMatches applies the log's response_status filter as AdGuard
// Home does for the statuses a user rule can give.
func agStatusMatches(status string, l logged) bool {
	switch status {
	case "", "all":
		return true
	case "filtered", "blocked":
		return l.blocked
	case "processed":
		return !l.blocked
	}
	return false
}

func (b *agBackend) item(l logged, addr, name string) map[string]any {
	reason, rules := "NotFilteredNotFound", []any{}
	if l.blocked {
		reason = "FilteredBlackList"
		rules = []any{map[string]any{"filter_list_id": 0, "text": "||" + l.name + "^"}}
	}
	return map[string]any{
		"answer":       []any{},
		"cached":       false,
		"client":       addr,
		"client_proto": "",
		"client_info":  map[string]any{"disallowed": false, "disallowed_rule": "", "name": name, "whois": map[string]any{}},
		"elapsedMs":    "0.25",
		"question":     map[string]any{"class": "IN", "name": l.name, "type": "A"},
		"reason":       reason,
		"rules":        rules,
		"status":       "NOERROR",
		"time":         l.at.Format(time.RFC3339Nano),
		"upstream":     "",
	}
}

func nonNilMaps(s []map[string]any) []map[string]any {
	if s == nil {
		return []map[string]any{}
	}
	return s
}

// denied returns every name a "||name^" line denies, in or out of our block.
func (b *agBackend) denied() []string {
	var out []string
	for _, l := range b.rules {
		if n, ok := agName(l); ok {
			out = append(out, n)
		}
	}
	return out
}

func (b *agBackend) ours() []string {
	var out []string
	in := false
	for _, l := range b.rules {
		switch {
		case l == "! BEGIN NO CONTACT":
			in = true
		case l == "! END NO CONTACT":
			in = false
		case in:
			if n, ok := agName(l); ok {
				out = append(out, n)
			}
		}
	}
	return out
}

func agName(line string) (string, bool) {
	if !strings.HasPrefix(line, "||") || !strings.HasSuffix(line, "^") || len(line) < 4 {
		return "", false
	}
	return line[2 : len(line)-1], true
}

// addOwn appends the rule at the end, where the dashboard's editor puts
// a new line.
func (b *agBackend) addOwn(name string) { b.rules = append(b.rules, "||"+name+"^") }

func (b *agBackend) removeByHand(name string) {
	b.rules = slices.DeleteFunc(b.rules, func(l string) bool { return l == "||"+name+"^" })
}

// query logs a query, blocked as a "||name^" rule blocks: the name and
// its subdomains.
func (b *agBackend) query(name, client string, at time.Time) {
	blocked := slices.ContainsFunc(b.denied(), func(n string) bool { return name == n || strings.HasSuffix(name, "."+n) })
	b.log = append(b.log, logged{at: at, name: name, client: client, blocked: blocked})
	slices.SortStableFunc(b.log, func(x, y logged) int { return x.at.Compare(y.at) })
}
