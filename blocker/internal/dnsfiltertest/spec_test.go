package dnsfiltertest

import (
	"net/http"
	"strings"
	"testing"
)

// A request the API description does not allow is answered 400 and
// reported as a test failure.
func TestMalformedRequestIsCaught(t *testing.T) {
	fakes := []*Fake{AdGuardHome(t)}
	if p := PiHole(t); p.Checked() {
		fakes = append(fakes, p)
	} else {
		t.Log("Pi-hole not checked: FTL's OpenAPI document was not found (see PiHoleSpecDir)")
	}
	bad := map[string]struct{ path, body string }{
		"adguardhome": {"/control/filtering/set_rules", `{"rules": "||x.example^"}`}, // rules must be an array
		"pihole":      {"/api/domains/deny/exact", `{"domain": 42}`},                 // a string or an array of strings
	}
	for _, f := range fakes {
		var reports []string // appended under f.mu, by the handler
		f.mu.Lock()
		f.reportf = func(format string, args ...any) { reports = append(reports, format) }
		f.mu.Unlock()
		b := bad[string(f.Kind())]
		req, err := http.NewRequest(http.MethodPost, f.URL+b.path, strings.NewReader(b.body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		f.mu.Lock()
		defer f.mu.Unlock()
		if resp.StatusCode != http.StatusBadRequest || len(reports) != 1 {
			t.Errorf("%s: malformed request answered %d with %d reports, want 400 and 1", f.Kind(), resp.StatusCode, len(reports))
		}
	}
}
