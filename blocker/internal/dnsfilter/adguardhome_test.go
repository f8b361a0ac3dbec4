package dnsfilter_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/internal/dnsfilter"
)

// The real AdGuard Home's login for the test: the password and its
// bcrypt hash (cost 4), as AdGuard Home's configuration holds it.
const (
	aghUser     = "nocontact"
	aghPassword = "nocontact-test-password"
	aghHash     = "$2a$04$ltQ70rxDECRg2/nx6EiEzOAAW.TBUQafLaZjeJIuSH3sRyjTAhqGK"
)

// The user's own custom rules, which must come back byte for byte.
var aghOwnRules = []string{"! the user's own rules", "||own.example^", "", "@@||fine.example^"}

// TestAdGuardHomeReal runs the real AdGuard Home (the binary named by
// $NOCONTACT_ADGUARDHOME; scripts/adguardhome.sh builds one) on a
// loopback address and publishes, reads, logs and lifts against it.
func TestAdGuardHomeReal(t *testing.T) {
	bin := os.Getenv("NOCONTACT_ADGUARDHOME")
	if bin == "" {
		t.Skip("set NOCONTACT_ADGUARDHOME to an AdGuard Home binary to test against the real one: NOCONTACT_ADGUARDHOME=$(scripts/adguardhome.sh)")
	}
	ip := loopbackIP(t)
	web, dns := freePort(t, ip, "tcp"), freePort(t, ip, "udp")
	startAdGuardHome(t, bin, ip, web, dns)
	a := dnsfilter.Account{Kind: dnsfilter.AdGuardHome, URL: fmt.Sprintf("http://%s:%d", ip, web), User: aghUser, Secret: aghPassword}
	f := open(t, a)

	wrong := a
	wrong.Secret = "wrong"
	if err := open(t, wrong).Check(ctx(t)); !errors.Is(err, dnsfilter.ErrUnauthorized) {
		t.Errorf("Check with a wrong password = %v, want ErrUnauthorized", err)
	}
	since := time.Now().Add(-time.Second)
	if err := f.Add(ctx(t), []string{"a.example", "own.example"}); err != nil {
		t.Fatalf("Add: %v", err)
	}
	es, err := f.Denied(ctx(t))
	if err != nil {
		t.Fatalf("Denied: %v", err)
	}
	if want := []dnsfilter.Entry{{Name: "a.example", Ours: true}, {Name: "own.example"}}; !slices.Equal(es, want) {
		t.Errorf("Denied = %+v, want %+v", es, want)
	}
	lookup(t, ip, dns, "www.a.example")
	checkLogged(t, f, since, "www.a.example")
	if err := f.Remove(ctx(t), []string{"a.example", "own.example"}); err != nil {
		t.Fatalf("Remove: %v", err)
	}
	if got := rules(t, a); !slices.Equal(got, aghOwnRules) {
		t.Errorf("rules after Remove:\n%q\nwant the user's own, byte for byte:\n%q", got, aghOwnRules)
	}
}

// loopbackIP returns 127.0.0.2 where it can be listened on (Linux), else
// 127.0.0.1.
func loopbackIP(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		return "127.0.0.1"
	}
	l.Close()
	return "127.0.0.2"
}

// freePort returns a port free on ip for network ("udp" also checks tcp,
// as a DNS server listens on both).
func freePort(t *testing.T, ip, network string) int {
	t.Helper()
	for range 20 {
		var port int
		if network == "udp" {
			c, err := net.ListenPacket("udp", ip+":0")
			if err != nil {
				t.Fatal(err)
			}
			port = c.LocalAddr().(*net.UDPAddr).Port
			c.Close()
		}
		l, err := net.Listen("tcp", fmt.Sprintf("%s:%d", ip, port))
		if err != nil {
			continue
		}
		port = l.Addr().(*net.TCPAddr).Port
		l.Close()
		return port
	}
	t.Fatalf("no free %s port on %s", network, ip)
	return 0
}

func startAdGuardHome(t *testing.T, bin, ip string, web, dns int) {
	t.Helper()
	dir := t.TempDir()
	conf := filepath.Join(dir, "AdGuardHome.yaml")
	if err := os.WriteFile(conf, []byte(aghConfig(ip, web, dns)), 0o600); err != nil {
		t.Fatal(err)
	}
	work := filepath.Join(dir, "work")
	if err := os.Mkdir(work, 0o700); err != nil {
		t.Fatal(err)
	}
	c, cancel := context.WithCancel(context.Background())
	cmd := exec.CommandContext(c, bin, "--no-check-update", "--no-permcheck", "-c", conf, "-w", work)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		cancel()
		t.Fatalf("starting %s: %v", bin, err)
	}
	t.Cleanup(func() {
		cancel()
		cmd.Wait()
		if t.Failed() {
			t.Logf("AdGuard Home's output:\n%s", out.String())
		}
	})
	url := fmt.Sprintf("http://%s:%d/control/status", ip, web)
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		req, _ := http.NewRequest(http.MethodGet, url, nil)
		req.SetBasicAuth(aghUser, aghPassword)
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
	}
	t.Fatalf("AdGuard Home did not answer at %s within 20 s:\n%s", url, out.String())
}

// aghConfig is a configuration with only what the test needs: the API on
// ip:web, DNS on ip:dns with no usable upstream (blocked names are
// answered from the rules), the query log on, nothing fetched from the
// internet.
func aghConfig(ip string, web, dns int) string {
	rules := ""
	for _, r := range aghOwnRules {
		rules += fmt.Sprintf("    - %q\n", r)
	}
	return fmt.Sprintf(`http:
  address: %[1]s:%[2]d
users:
  - name: %[4]s
    password: %[5]s
dns:
  bind_hosts:
    - %[1]s
  port: %[3]d
  upstream_dns:
    - 127.0.0.1:9
  bootstrap_dns:
    - 127.0.0.1:9
  use_private_ptr_resolvers: false
querylog:
  enabled: true
  interval: 24h
statistics:
  enabled: false
filters: []
whitelist_filters: []
user_rules:
%[6]sfiltering:
  filtering_enabled: true
  protection_enabled: true
clients:
  runtime_sources:
    whois: false
    arp: false
    rdns: false
    dhcp: false
    hosts: false
schema_version: 34
`, ip, web, dns, aghUser, aghHash, rules)
}

// lookup asks AdGuard Home's DNS server for name, as a phone would.
func lookup(t *testing.T, ip string, port int, name string) {
	t.Helper()
	r := &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, network, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, network, fmt.Sprintf("%s:%d", ip, port))
	}}
	c, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	addrs, err := r.LookupHost(c, name)
	t.Logf("lookup %s = %v, %v", name, addrs, err)
}

// checkLogged waits for the query to reach the query log.
func checkLogged(t *testing.T, f dnsfilter.Filter, since time.Time, name string) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		qs, err := f.Queries(ctx(t), since, []string{"a.example"})
		if err != nil {
			t.Fatalf("Queries: %v", err)
		}
		if i := slices.IndexFunc(qs, func(q dnsfilter.Query) bool { return q.Name == name }); i >= 0 {
			t.Logf("logged: %+v", qs[i])
			if qs[i].Client == "" || qs[i].Time.Before(since) {
				t.Errorf("logged query = %+v, want a client and a time after %v", qs[i], since)
			}
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("Queries = %+v: %s not logged within 10 s", qs, name)
		}
	}
}

// rules reads the custom rules through AdGuard Home's API.
func rules(t *testing.T, a dnsfilter.Account) []string {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, a.URL+"/control/filtering/status", nil)
	req.SetBasicAuth(a.User, a.Secret)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out struct {
		UserRules []string `json:"user_rules"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	return out.UserRules
}
