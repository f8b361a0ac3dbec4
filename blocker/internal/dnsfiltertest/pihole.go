package dnsfiltertest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/internal/dnsfilter"
)

// PiHole returns a fake Pi-hole v6 following FTL's own OpenAPI document
// (src/api/docs/content/specs/ of pi-hole/FTL at v6.4.1, EUPL-1.2): POST
// /api/auth gives a session id, sent back as X-FTL-SID (401 otherwise);
// /api/domains/deny/exact lists, adds (a list, with a comment) and
// deletes; GET /api/queries is the log. When that document is found (see
// PiHoleSpecDir) every request and answer is checked against it.
func PiHole(t testing.TB) *Fake {
	return newPiHole(t, secret("pihole"))
}

// PiHoleNoPassword returns a fake Pi-hole with no password set: it
// gives a session without a session id and needs none.
func PiHoleNoPassword(t testing.TB) *Fake {
	return newPiHole(t, "")
}

func newPiHole(t testing.TB, password string) *Fake {
	t.Helper()
	var sp *spec
	if dir := PiHoleSpecDir(); dir != "" {
		var err error
		sp, err = loadSpec("FTL's OpenAPI document", os.DirFS(dir), "main.yaml", "/api", domainsWithoutName)
		if err != nil {
			t.Fatalf("dnsfiltertest: FTL's OpenAPI document in %s: %v", dir, err)
		}
	}
	b := &phBackend{password: password, sessions: map[string]bool{}}
	return newFake(t, dnsfilter.PiHole, b, sp, func(u string) dnsfilter.Account {
		return dnsfilter.Account{Kind: dnsfilter.PiHole, URL: u, Secret: password}
	})
}

// PiHoleSpecDir returns the folder holding FTL's OpenAPI document
// (main.yaml and its siblings, from src/api/docs/content/specs/ of
// pi-hole/FTL v6.4.1), or "" when there is none. It is kept out of this
// repository: $NOCONTACT_PIHOLE_OPENAPI names it, else
// shared/pihole-ftl-openapi beside the repository's folder.
func PiHoleSpecDir() string {
	dirs := []string{os.Getenv("NOCONTACT_PIHOLE_OPENAPI")}
	if wd, err := os.Getwd(); err == nil {
		for d := wd; filepath.Dir(d) != d; d = filepath.Dir(d) {
			if _, err := os.Stat(filepath.Join(d, "go.mod")); err == nil {
				dirs = append(dirs, filepath.Join(filepath.Dir(d), "shared", "pihole-ftl-openapi"))
				break
			}
		}
	}
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "main.yaml")); d != "" && err == nil {
			return d
		}
	}
	return ""
}

// domainsWithoutName routes GET /api/domains/{type}/{kind} as the GET of
// /api/domains/{type}/{kind}/{domain}: FTL's description of that
// operation says {domain} may be left out ("/api/domains/deny/exact (only
// exactly denied domains)"), which its path template cannot express.
func domainsWithoutName(r *http.Request) *http.Request {
	if r.Method != http.MethodGet || strings.Count(strings.Trim(r.URL.Path, "/"), "/") != 3 ||
		!strings.HasPrefix(r.URL.Path, "/api/domains/") {
		return nil
	}
	alt := r.Clone(r.Context())
	alt.URL.Path += "/any.example"
	alt.URL.RawPath = ""
	return alt
}

// ExpireSessions ends every session, as Pi-hole does after its timeout
// (Pi-hole only).
func (f *Fake) ExpireSessions() {
	f.mu.Lock()
	defer f.mu.Unlock()
	clear(f.b.(*phBackend).sessions)
}

// Logins returns how many sessions were opened (Pi-hole only).
func (f *Fake) Logins() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.b.(*phBackend).logins
}

type phDomain struct {
	Domain  string  `json:"domain"`
	Unicode string  `json:"unicode"`
	Type    string  `json:"type"`
	Kind    string  `json:"kind"`
	Comment *string `json:"comment"`
	Groups  []int   `json:"groups"`
	Enabled bool    `json:"enabled"`
	ID      int     `json:"id"`
	Added   int64   `json:"date_added"`
	Changed int64   `json:"date_modified"`
}

type phBackend struct {
	password string
	sessions map[string]bool
	logins   int
	domains  []phDomain
	nextID   int
	log      []logged
}

const phDenyExact = "/api/domains/deny/exact"

func (b *phBackend) serve(w http.ResponseWriter, r *http.Request, body []byte) {
	if r.Method == http.MethodPost && r.URL.Path == "/api/auth" {
		b.login(w, body)
		return
	}
	if b.password != "" && !b.sessions[r.Header.Get("X-FTL-SID")] {
		writeJSON(w, http.StatusUnauthorized, map[string]any{"error": map[string]any{"key": "unauthorized", "message": "Unauthorized", "hint": nil}, "took": 0.001})
		return
	}
	switch {
	case r.Method == http.MethodGet && r.URL.Path == phDenyExact:
		writeJSON(w, http.StatusOK, map[string]any{"domains": b.nonNil(b.domains), "took": 0.001})
	case r.Method == http.MethodPost && r.URL.Path == phDenyExact:
		b.add(w, body)
	case r.Method == http.MethodDelete && strings.HasPrefix(r.URL.Path, phDenyExact+"/"):
		b.delete(w, path.Base(r.URL.Path))
	case r.Method == http.MethodGet && r.URL.Path == "/api/queries":
		b.queries(w, r.URL.Query())
	default:
		writeJSON(w, http.StatusNotFound, map[string]any{"error": map[string]any{"key": "not_found", "message": "Not found", "hint": r.URL.Path}, "took": 0.001})
	}
}

func (b *phBackend) login(w http.ResponseWriter, body []byte) {
	var in struct {
		Password *string `json:"password"`
	}
	if json.Unmarshal(body, &in) != nil || in.Password == nil {
		writeJSON(w, http.StatusBadRequest, map[string]any{"error": map[string]any{"key": "bad_request", "message": "No password found in JSON payload", "hint": nil}, "took": 0.001})
		return
	}
	session := map[string]any{"valid": false, "totp": false, "sid": nil, "csrf": nil, "validity": -1, "message": "password incorrect"}
	switch {
	case b.password == "":
		session["valid"], session["message"] = true, "no password set"
	case *in.Password == b.password:
		sid := secret("sid")
		b.sessions[sid] = true
		b.logins++
		session = map[string]any{"valid": true, "totp": false, "sid": sid, "csrf": secret("csrf"), "validity": 1800, "message": "password correct"}
	default:
		writeJSON(w, http.StatusUnauthorized, map[string]any{"session": session, "took": 0.001})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"session": session, "took": 0.001})
}

func (b *phBackend) nonNil(ds []phDomain) []phDomain {
	if ds == nil {
		return []phDomain{}
	}
	return ds
}

func (b *phBackend) add(w http.ResponseWriter, body []byte) {
	var in struct {
		Domain  json.RawMessage `json:"domain"`
		Comment *string         `json:"comment"`
		Groups  []int           `json:"groups"`
		Enabled *bool           `json:"enabled"`
	}
	var names []string
	var one string
	switch {
	case json.Unmarshal(body, &in) != nil:
	case json.Unmarshal(in.Domain, &names) == nil:
	case json.Unmarshal(in.Domain, &one) == nil:
		names = []string{one}
	}
	if len(names) == 0 {
		writeJSON(w, http.StatusBadRequest, map[string]any{"error": map[string]any{"key": "bad_request", "message": "Invalid request body data (no valid JSON)", "hint": nil}, "took": 0.001})
		return
	}
	added, success, errs := []phDomain{}, []map[string]string{}, []map[string]string{}
	for _, n := range names {
		if b.find(n) >= 0 {
			errs = append(errs, map[string]string{"item": n, "error": "UNIQUE constraint failed: domainlist.domain, domainlist.type"})
			continue
		}
		d := b.insert(n, in.Comment)
		if in.Enabled != nil {
			d.Enabled = *in.Enabled
		}
		b.domains[len(b.domains)-1] = d
		added = append(added, d)
		success = append(success, map[string]string{"item": n})
	}
	writeJSON(w, http.StatusCreated, map[string]any{"domains": added, "processed": map[string]any{"success": success, "errors": errs}, "took": 0.001})
}

func (b *phBackend) insert(name string, comment *string) phDomain {
	b.nextID++
	now := time.Now().Unix()
	d := phDomain{Domain: name, Unicode: name, Type: "deny", Kind: "exact", Comment: comment,
		Groups: []int{0}, Enabled: true, ID: b.nextID, Added: now, Changed: now}
	b.domains = append(b.domains, d)
	return d
}

func (b *phBackend) find(name string) int {
	return slices.IndexFunc(b.domains, func(d phDomain) bool { return d.Domain == name })
}

func (b *phBackend) delete(w http.ResponseWriter, name string) {
	i := b.find(name)
	if i < 0 {
		writeJSON(w, http.StatusNotFound, map[string]any{"took": 0.001})
		return
	}
	b.domains = slices.Delete(b.domains, i, i+1)
	w.WriteHeader(http.StatusNoContent)
}

func (b *phBackend) denied() []string {
	var out []string
	for _, d := range b.domains {
		if d.Enabled {
			out = append(out, d.Domain)
		}
	}
	return out
}

func (b *phBackend) ours() []string {
	var out []string
	for _, d := range b.domains {
		if d.Enabled && d.Comment != nil && *d.Comment == dnsfilter.Mark {
			out = append(out, d.Domain)
		}
	}
	return out
}

func (b *phBackend) addOwn(name string) {
	c := fmt.Sprintf("added by hand (%s)", name)
	b.insert(name, &c)
}

func (b *phBackend) removeByHand(name string) {
	if i := b.find(name); i >= 0 {
		b.domains = slices.Delete(b.domains, i, i+1)
	}
}

// query logs a query, blocked where an enabled exact deny entry names it.
func (b *phBackend) query(name, client string, at time.Time) {
	i := b.find(name)
	b.log = append(b.log, logged{at: at, name: name, client: client, blocked: i >= 0 && b.domains[i].Enabled})
}
