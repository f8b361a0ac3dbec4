// Package dnsfiltertest holds fake DNS filters for tests: one
// httptest.Server per service, holding its state and answering as the
// service's published API describes. The AdGuard Home fake checks every
// request (and its own answers) against AdGuard Home's OpenAPI document in
// testdata/, the Pi-hole fake against FTL's where PiHoleSpecDir finds it;
// the NextDNS and Control D fakes follow their documentation pages, cited
// on each.
//
// It is imported by tests only.
package dnsfiltertest

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/internal/dnsfilter"
)

// Fake is one fake filter. Its methods are safe for concurrent use.
type Fake struct {
	URL     string
	Account dnsfilter.Account // ready to use, with URL and the secret

	kind dnsfilter.Kind
	srv  *httptest.Server
	spec *spec // nil where the service publishes no OpenAPI document

	mu       sync.Mutex
	b        backend
	down     bool
	requests int
	reportf  func(format string, args ...any)
}

// backend is one service's state and answers; called with Fake.mu held.
type backend interface {
	serve(w http.ResponseWriter, r *http.Request, body []byte)
	denied() []string
	ours() []string
	addOwn(name string)
	removeByHand(name string)
	query(name, client string, at time.Time)
}

func newFake(t testing.TB, kind dnsfilter.Kind, b backend, sp *spec, account func(url string) dnsfilter.Account) *Fake {
	t.Helper()
	f := &Fake{kind: kind, b: b, spec: sp, reportf: t.Errorf}
	f.srv = httptest.NewServer(f)
	t.Cleanup(f.srv.Close)
	f.URL = f.srv.URL
	f.Account = account(f.URL)
	return f
}

// All returns one fake of each service.
func All(t testing.TB) []*Fake {
	return []*Fake{NextDNS(t), ControlD(t), PiHole(t), AdGuardHome(t)}
}

// ServeHTTP answers one request: 503 while down, 400 (and a test error)
// for a request the service's API description does not allow.
func (f *Fake) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.requests++
	if f.down {
		http.Error(w, "service unavailable", http.StatusServiceUnavailable)
		return
	}
	body, _ := io.ReadAll(io.LimitReader(r.Body, 8<<20))
	r.Body = io.NopCloser(bytes.NewReader(body))
	if f.spec == nil {
		f.b.serve(w, r, body)
		return
	}
	in, err := f.spec.checkRequest(r, body)
	if err != nil {
		f.reportf("%s fake: %s %s does not follow %s: %v", f.kind.Title(), r.Method, r.URL.RequestURI(), f.spec.name, err)
		http.Error(w, "request does not follow the API description", http.StatusBadRequest)
		return
	}
	rec := httptest.NewRecorder()
	f.b.serve(rec, r, body)
	if err := f.spec.checkResponse(in, rec); err != nil {
		f.reportf("%s fake: its own answer to %s %s does not follow %s: %v", f.kind.Title(), r.Method, r.URL.RequestURI(), f.spec.name, err)
	}
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.WriteHeader(rec.Code)
	w.Write(rec.Body.Bytes())
}

// Checked reports whether the fake checks requests against the service's
// OpenAPI document (AdGuard Home always; Pi-hole when PiHoleSpecDir finds
// FTL's).
func (f *Fake) Checked() bool { return f.spec != nil }

// Kind returns the service the fake stands for.
func (f *Fake) Kind() dnsfilter.Kind { return f.kind }

// Denied returns the names the fake denies now, sorted.
func (f *Fake) Denied() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return sorted(f.b.denied())
}

// Ours returns, of Denied, those carrying our mark where the service
// can carry one (none for NextDNS), sorted.
func (f *Fake) Ours() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return sorted(f.b.ours())
}

// AddOwn denies name as the user's own entry, as through the dashboard.
func (f *Fake) AddOwn(name string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.b.addOwn(name)
}

// RemoveByHand deletes the entry for name, as in the dashboard.
func (f *Fake) RemoveByHand(name string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.b.removeByHand(name)
}

// Query logs a phone's query for name from client (a name, or an address
// when it has none) at the time at. Control D's fake logs nothing: its
// API has no query log.
func (f *Fake) Query(name, client string, at time.Time) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.b.query(name, client, at)
}

// SetDown makes every request answer 503 (an outage) while down.
func (f *Fake) SetDown(down bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.down = down
}

// Requests returns how many requests the fake has received.
func (f *Fake) Requests() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.requests
}

// secret returns a fresh credential, distinctive enough that a test can
// look for it in any output.
func secret(prefix string) string {
	b := make([]byte, 12)
	rand.Read(b)
	return prefix + "-secret-" + hex.EncodeToString(b)
}

func sorted(names []string) []string {
	out := slices.Clone(names)
	slices.Sort(out)
	return slices.Compact(out)
}

// writeJSON answers v as JSON with status.
func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	w.Write(b)
}

// logged is one query in a fake's log.
type logged struct {
	at     time.Time
	name   string
	client string // a name, or an address
	// blocked reports whether the filter blocked the query when it was
	// asked, by the service's own rule for its entries.
	blocked bool
}

// clientAddr returns the address and the name of a logged client: the
// address is made up when the client was logged by name.
func (l logged) clientAddr() (addr, name string) {
	if isAddr(l.client) {
		return l.client, ""
	}
	return "192.168.1.23", l.client
}

func isAddr(s string) bool {
	for _, c := range s {
		if !(c >= '0' && c <= '9' || c == '.' || c == ':' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return s != ""
}
