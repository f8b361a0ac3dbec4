package dnsfiltertest

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/internal/dnsfilter"
)

// ControlD returns a fake Control D following its API reference,
// https://docs.controld.com/reference (Authentication: a bearer token;
// Response Conventions: {"body", "success"} and {"success": false,
// "error": {"message", "code"}}; Profiles: Rule Folders - List/Create,
// Custom Rules - List/Create/Delete; Devices: List All Devices), and
// https://docs.controld.com/docs/custom-rules (rules grouped in
// folders). A rule is created by a form POST with do, status, group,
// hostnames[] and an optional ttl. Its API has no query log, so Query
// logs nothing.
func ControlD(t testing.TB) *Fake {
	t.Helper()
	b := &cdBackend{token: secret("controld"), profile: "12345abcdef", rules: map[string]cdRule{}}
	return newFake(t, dnsfilter.ControlD, b, nil, func(u string) dnsfilter.Account {
		return dnsfilter.Account{Kind: dnsfilter.ControlD, URL: u, Profile: b.profile, Secret: b.token}
	})
}

type cdAction struct {
	Do     int `json:"do"`
	Status int `json:"status"`
}

type cdRule struct {
	PK     string   `json:"PK"`
	Order  int      `json:"order"`
	Group  int      `json:"group"`
	Action cdAction `json:"action"`
	TTL    int64    `json:"-"`
}

type cdFolder struct {
	PK     int      `json:"PK"`
	Name   string   `json:"group"`
	Action cdAction `json:"action"`
	Count  int      `json:"count"`
}

type cdBackend struct {
	token, profile string
	folders        []cdFolder
	rules          map[string]cdRule
	order, nextPK  int
}

func cdOK(w http.ResponseWriter, body any) {
	writeJSON(w, http.StatusOK, map[string]any{"body": body, "success": true})
}

func cdError(w http.ResponseWriter, status, code int, msg string) {
	writeJSON(w, status, map[string]any{"body": []any{}, "success": false, "error": map[string]any{"message": msg, "code": code}})
}

func (b *cdBackend) serve(w http.ResponseWriter, r *http.Request, body []byte) {
	if r.Header.Get("Authorization") != "Bearer "+b.token {
		cdError(w, http.StatusUnauthorized, 40101, "Invalid or expired API token")
		return
	}
	if r.Method == http.MethodGet && r.URL.Path == "/devices" {
		cdOK(w, map[string]any{"devices": []any{map[string]any{"PK": "dev1", "name": "Phone", "profile": map[string]any{"PK": b.profile},
			"resolvers": map[string]any{"uid": "a1b2c3d4", "dot": "a1b2c3d4.dns.controld.com", "doh": "https://dns.controld.com/a1b2c3d4"}}}})
		return
	}
	rest, ok := strings.CutPrefix(r.URL.Path, "/profiles/"+b.profile+"/")
	if !ok {
		cdError(w, http.StatusNotFound, 40401, "Profile not found")
		return
	}
	switch {
	case r.Method == http.MethodGet && rest == "groups":
		cdOK(w, map[string]any{"groups": b.folderList()})
	case r.Method == http.MethodPost && rest == "groups":
		b.addFolder(w, r, body)
	case r.Method == http.MethodGet && (rest == "rules" || strings.HasPrefix(rest, "rules/")):
		b.list(w, strings.TrimPrefix(strings.TrimPrefix(rest, "rules"), "/"))
	case r.Method == http.MethodPost && rest == "rules":
		b.addRules(w, r, body)
	case r.Method == http.MethodDelete && strings.HasPrefix(rest, "rules/"):
		b.delete(w, strings.TrimPrefix(rest, "rules/"))
	default:
		cdError(w, http.StatusNotFound, 40400, "Not found")
	}
}

func (b *cdBackend) folderList() []cdFolder {
	out := []cdFolder{}
	for _, f := range b.folders {
		for _, r := range b.rules {
			if r.Group == f.PK {
				f.Count++
			}
		}
		out = append(out, f)
	}
	return out
}

// form reads a form body, refusing any other kind and unknown fields.
func cdForm(r *http.Request, body []byte, allowed ...string) (url.Values, bool) {
	if !strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
		return nil, false
	}
	f, err := url.ParseQuery(string(body))
	if err != nil {
		return nil, false
	}
	for k := range f {
		if !slices.Contains(allowed, k) {
			return nil, false
		}
	}
	return f, true
}

func (b *cdBackend) addFolder(w http.ResponseWriter, r *http.Request, body []byte) {
	f, ok := cdForm(r, body, "name", "do", "status", "via")
	if !ok || f.Get("name") == "" {
		cdError(w, http.StatusBadRequest, 40000, "Invalid request")
		return
	}
	b.nextPK++
	do, _ := strconv.Atoi(f.Get("do"))
	st, _ := strconv.Atoi(f.Get("status"))
	folder := cdFolder{PK: 1000 + b.nextPK, Name: f.Get("name"), Action: cdAction{Do: do, Status: st}}
	b.folders = append(b.folders, folder)
	cdOK(w, map[string]any{"groups": []cdFolder{folder}})
}

// list answers the rules of one folder ("" for the profile's root).
func (b *cdBackend) list(w http.ResponseWriter, folder string) {
	pk := 0
	if folder != "" {
		n, err := strconv.Atoi(folder)
		if err != nil || !slices.ContainsFunc(b.folders, func(f cdFolder) bool { return f.PK == n }) {
			cdError(w, http.StatusNotFound, 40402, "Folder not found")
			return
		}
		pk = n
	}
	out := []cdRule{}
	for _, r := range b.rules {
		if r.Group == pk {
			out = append(out, r)
		}
	}
	slices.SortFunc(out, func(x, y cdRule) int { return x.Order - y.Order })
	cdOK(w, map[string]any{"rules": out})
}

func (b *cdBackend) addRules(w http.ResponseWriter, r *http.Request, body []byte) {
	f, ok := cdForm(r, body, "do", "status", "via", "via_v6", "group", "ttl", "hostnames[]")
	if !ok || len(f["hostnames[]"]) == 0 || !f.Has("do") || !f.Has("status") {
		cdError(w, http.StatusBadRequest, 40000, "Invalid request: do, status and hostnames[] are required")
		return
	}
	group, _ := strconv.Atoi(f.Get("group"))
	if group != 0 && !slices.ContainsFunc(b.folders, func(x cdFolder) bool { return x.PK == group }) {
		cdError(w, http.StatusBadRequest, 40003, "Folder not found")
		return
	}
	for _, h := range f["hostnames[]"] {
		if _, dup := b.rules[h]; dup {
			cdError(w, http.StatusBadRequest, 40004, "Rule already exists: "+h)
			return
		}
	}
	do, _ := strconv.Atoi(f.Get("do"))
	st, _ := strconv.Atoi(f.Get("status"))
	ttl, _ := strconv.ParseInt(f.Get("ttl"), 10, 64)
	for _, h := range f["hostnames[]"] {
		b.order++
		b.rules[h] = cdRule{PK: h, Order: b.order, Group: group, Action: cdAction{Do: do, Status: st}, TTL: ttl}
	}
	cdOK(w, map[string]any{"rules": []any{map[string]any{"do": do, "status": st, "group": group, "order": b.order}}})
}

func (b *cdBackend) delete(w http.ResponseWriter, name string) {
	if _, ok := b.rules[name]; !ok {
		cdError(w, http.StatusNotFound, 40403, "Rule not found")
		return
	}
	delete(b.rules, name)
	cdOK(w, []any{})
}

func (b *cdBackend) denied() []string {
	var out []string
	for _, r := range b.rules {
		if r.Action.Do == 0 && r.Action.Status == 1 {
			out = append(out, r.PK)
		}
	}
	return out
}

func (b *cdBackend) ours() []string {
	i := slices.IndexFunc(b.folders, func(f cdFolder) bool { return f.Name == dnsfilter.Mark })
	if i < 0 {
		return nil
	}
	var out []string
	for _, r := range b.rules {
		if r.Group == b.folders[i].PK && r.Action.Do == 0 && r.Action.Status == 1 {
			out = append(out, r.PK)
		}
	}
	return out
}

func (b *cdBackend) addOwn(name string) {
	b.order++
	b.rules[name] = cdRule{PK: name, Order: b.order, Action: cdAction{Do: 0, Status: 1}}
}

func (b *cdBackend) removeByHand(name string) { delete(b.rules, name) }

// query logs nothing: Control D's API has no query log to read.
func (b *cdBackend) query(string, string, time.Time) {}

// TTLs returns the rules that were given an expiry (Control D only).
func (f *Fake) TTLs() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, r := range f.b.(*cdBackend).rules {
		if r.TTL != 0 {
			out = append(out, r.PK)
		}
	}
	return sorted(out)
}
