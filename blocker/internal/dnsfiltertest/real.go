package dnsfiltertest

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
	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// The real AdGuard Home's login for the test: the password and its
// bcrypt hash (cost 4), as AdGuard Home's configuration holds it.
const (
	aghUser     = "nocontact"
	aghPassword = "nocontact-test-password"
	aghHash     = "$2a$04$ltQ70rxDECRg2/nx6EiEzOAAW.TBUQafLaZjeJIuSH3sRyjTAhqGK"
)

// OwnRules are the user's own custom rules the real AdGuard Home starts
// with, which must come back byte for byte.
var OwnRules = []string{"! the user's own rules", "||own.example^", "", "@@||fine.example^"}

// Real is the real AdGuard Home, run as a separate program on a loopback
// address for a test.
type Real struct {
	Account dnsfilter.Account // ready to connect
	IP      string
	DNS     int // its DNS port
}

// RealAdGuardHome runs the AdGuard Home binary named by
// $NOCONTACT_ADGUARDHOME (scripts/adguardhome.sh builds one) until the
// test ends; without it the test is skipped, or fails in CI.
func RealAdGuardHome(t testing.TB) *Real {
	t.Helper()
	bin := os.Getenv("NOCONTACT_ADGUARDHOME")
	if bin == "" {
		testutil.Missing(t, "set NOCONTACT_ADGUARDHOME to an AdGuard Home binary to test against the real one: NOCONTACT_ADGUARDHOME=$(scripts/adguardhome.sh)")
	}
	ip := loopbackIP()
	web, dns := freePort(t, ip, "tcp"), freePort(t, ip, "udp")
	startAdGuardHome(t, bin, ip, web, dns)
	return &Real{IP: ip, DNS: dns, Account: dnsfilter.Account{Kind: dnsfilter.AdGuardHome, URL: fmt.Sprintf("http://%s:%d", ip, web), User: aghUser, Secret: aghPassword}}
}

// loopbackIP returns 127.0.0.2 where it can be listened on (Linux), else
// 127.0.0.1.
func loopbackIP() string {
	l, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		return "127.0.0.1"
	}
	l.Close()
	return "127.0.0.2"
}

// freePort returns a port free on ip for network ("udp" also checks tcp,
// as a DNS server listens on both).
func freePort(t testing.TB, ip, network string) int {
	t.Helper()
	for range 20 {
		var port int
		if network == "udp" {
			c, err := net.ListenPacket("udp", ip+":0")
			if err != nil {
				t.Fatal(err)
			}
			port = c.LocalAddr().(*net.UDPAddr).Port
			_ = c.Close() // only its port was wanted
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

func startAdGuardHome(t testing.TB, bin, ip string, web, dns int) {
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
	// AdGuard Home answers /control/status as soon as its web server is up,
	// but registers the filtering API and starts its DNS server a moment
	// later, in another goroutine: it is ready when all three answer.
	base := fmt.Sprintf("http://%s:%d/control/", ip, web)
	deadline := time.Now().Add(20 * time.Second)
	for _, path := range []string{"status", "filtering/status", "querylog"} {
		testutil.WaitFor(t, "AdGuard Home answers GET /control/"+path, time.Until(deadline), func() bool { return aghAnswers(base + path) })
	}
	testutil.WaitFor(t, fmt.Sprintf("AdGuard Home answers DNS on %s:%d", ip, dns), time.Until(deadline), func() bool { return dnsAnswers(ip, dns, "own.example") })
}

// aghClient asks AdGuard Home's API while the test waits for it.
var aghClient = &http.Client{Timeout: 2 * time.Second}

// aghAnswers reports whether AdGuard Home's API answers url with 200.
func aghAnswers(url string) bool {
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	req.SetBasicAuth(aghUser, aghPassword)
	resp, err := aghClient.Do(req)
	if err != nil {
		return false
	}
	resp.Body.Close()
	return resp.StatusCode == http.StatusOK
}

// dnsAnswers reports whether the DNS server on ip:port answers a lookup
// of name (one of OwnRules, answered from the rules, not upstream).
func dnsAnswers(ip string, port int, name string) bool {
	c, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	_, err := resolver(ip, port).LookupHost(c, name)
	var de *net.DNSError
	return err == nil || errors.As(err, &de) && de.IsNotFound
}

// resolver asks only the DNS server on ip:port.
func resolver(ip string, port int) *net.Resolver {
	return &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, network, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, network, fmt.Sprintf("%s:%d", ip, port))
	}}
}

// aghConfig is a configuration with only what the test needs: the API on
// ip:web, DNS on ip:dns with no usable upstream (blocked names are
// answered from the rules), the query log on, nothing fetched from the
// internet.
func aghConfig(ip string, web, dns int) string {
	rules := ""
	for _, r := range OwnRules {
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

// Lookup asks AdGuard Home's DNS server for name, a blocked one, as a
// phone would, again until AdGuard Home answers it as blocked (0.0.0.0 or
// ::): it applies new rules a moment after set_rules returns, and a query
// it let through is not an attempt.
func (r *Real) Lookup(t testing.TB, name string) {
	t.Helper()
	res := resolver(r.IP, r.DNS)
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		c, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		addrs, err := res.LookupHost(c, name)
		cancel()
		if slices.ContainsFunc(addrs, func(a string) bool { return a == "0.0.0.0" || a == "::" }) {
			t.Logf("lookup %s = %v: blocked", name, addrs)
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("AdGuard Home did not block %s within 10 s: %v, %v", name, addrs, err)
		}
	}
}

// Rules reads the custom rules through AdGuard Home's API.
func (r *Real) Rules(t testing.TB) []string {
	a := r.Account
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
