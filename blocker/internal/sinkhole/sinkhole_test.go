package sinkhole

import (
	"bytes"
	"crypto/tls"
	"fmt"
	"github.com/nocontact-app/nocontact/blocker/testutil"
	"io"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"sync"
	"testing"
	"time"
)

func freePort(t testing.TB) int { return testutil.FreePort(t, "127.0.0.1") }

type recorder struct {
	mu   sync.Mutex
	hits []Hit
	ch   chan Hit
}

func (r *recorder) onHit(h Hit) {
	r.mu.Lock()
	r.hits = append(r.hits, h)
	r.mu.Unlock()
	select {
	case r.ch <- h:
	default:
	}
}

func (r *recorder) next(t testing.TB) Hit {
	t.Helper()
	select {
	case h := <-r.ch:
		return h
	case <-time.After(3 * time.Second):
		t.Fatal("no hit")
		return Hit{}
	}
}

func startSinkhole(t testing.TB) (*Sinkhole, *recorder, string, string) {
	t.Helper()
	rec := &recorder{ch: make(chan Hit, 1000)}
	hp, sp := freePort(t), freePort(t)
	s, err := New(Config{Addr: netip.MustParseAddr("127.0.0.1"), HTTPPort: hp, HTTPSPort: sp, OnHit: rec.onHit,
		Page: func(host string) []byte { return []byte("<p>page for " + host + "</p>") }})
	if err != nil {
		t.Fatal(err)
	}
	s.Start()
	t.Cleanup(s.Close)
	if ok, problem := s.Status(); !ok || problem != "" {
		t.Fatalf("status %v %s", ok, problem)
	}
	return s, rec, fmt.Sprintf("127.0.0.1:%d", hp), fmt.Sprintf("127.0.0.1:%d", sp)
}

func TestNewRefusesNonLoopback(t *testing.T) {
	for _, a := range []string{"0.0.0.0", "192.168.1.2", "::"} {
		if _, err := New(Config{Addr: netip.MustParseAddr(a)}); err == nil {
			t.Errorf("listening on %s accepted", a)
		}
	}
}

func TestHTTPSHitGetsAnAlert(t *testing.T) {
	_, rec, _, httpsAddr := startSinkhole(t)
	start := time.Now()
	conn, err := tls.Dial("tcp", httpsAddr, &tls.Config{ServerName: "www.instagram.com"})
	if err == nil {
		conn.Close()
		t.Fatal("the TLS handshake succeeded")
	}
	if time.Since(start) > time.Second {
		t.Errorf("the handshake took %v to fail", time.Since(start))
	}
	if h := rec.next(t); h.Host != "www.instagram.com" || h.Scheme != "https" {
		t.Errorf("hit %+v", h)
	}
}

func TestHTTPHitGetsThePage(t *testing.T) {
	_, rec, httpAddr, _ := startSinkhole(t)
	req, _ := http.NewRequest("GET", "http://"+httpAddr+"/jane.doe?x=<script>", nil)
	req.Host = "Instagram.com"
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || resp.Header.Get("Cache-Control") != "no-store" || string(body) != "<p>page for instagram.com</p>" {
		t.Errorf("%d %v %q", resp.StatusCode, resp.Header, body)
	}
	if h := rec.next(t); h.Host != "instagram.com" || h.Scheme != "http" {
		t.Errorf("hit %+v", h)
	}
	resp, err = http.Get("http://" + httpAddr + "/favicon.ico")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 204 {
		t.Errorf("favicon: %v", resp.Status)
	}
}

func TestGarbageDoesNotKillTheListener(t *testing.T) {
	_, rec, httpAddr, httpsAddr := startSinkhole(t)
	for _, addr := range []string{httpAddr, httpsAddr} {
		for _, junk := range []string{"", "\x00\x01\x02", strings.Repeat("A", 20000), "\x16\x03\x01\xff\xff"} {
			c, err := net.Dial("tcp", addr)
			if err != nil {
				t.Fatal(err)
			}
			c.Write([]byte(junk))
			c.Close()
		}
	}
	if _, err := tls.Dial("tcp", httpsAddr, &tls.Config{ServerName: "x.com"}); err == nil {
		t.Fatal("handshake succeeded")
	}
	for h := rec.next(t); h.Host != "x.com"; h = rec.next(t) {
	}
}

// TestIdleConnectionsDoNotStarveAHit holds 500 connections open (more than
// the 256 allowed: the oldest are closed to make room) and checks that a
// real hit still arrives at once, not after the 5 s deadline.
func TestIdleConnectionsDoNotStarveAHit(t *testing.T) {
	_, rec, _, httpsAddr := startSinkhole(t)
	var idle []net.Conn
	for i := 0; i < 500; i++ {
		c, err := net.Dial("tcp", httpsAddr)
		if err != nil {
			t.Fatal(err)
		}
		idle = append(idle, c)
	}
	defer func() {
		for _, c := range idle {
			c.Close()
		}
	}()
	start := time.Now()
	go tls.Dial("tcp", httpsAddr, &tls.Config{ServerName: "real.example.com"})
	h := rec.next(t)
	took := time.Since(start)
	t.Logf("hit after %v with 500 idle connections", took)
	if h.Host != "real.example.com" || took > time.Second {
		t.Errorf("hit %+v after %v", h, took)
	}
}

// TestTrailingDotIsTheSameHost: the hosts file also sends "instagram.com."
// here; such a visit is a visit to instagram.com, over HTTP and HTTPS.
func TestTrailingDotIsTheSameHost(t *testing.T) {
	_, rec, httpAddr, httpsAddr := startSinkhole(t)
	req, _ := http.NewRequest("GET", "http://"+httpAddr+"/", nil)
	req.Host = "Instagram.com."
	if resp, err := http.DefaultClient.Do(req); err != nil {
		t.Fatal(err)
	} else {
		resp.Body.Close()
	}
	if h := rec.next(t); h.Host != "instagram.com" {
		t.Errorf("HTTP hit %+v", h)
	}
	// Go's client drops the dot from SNI; put it back in place of a
	// letter, so every length in the hello stays right.
	hello := clientHello(t, &tls.Config{ServerName: "instagram.comx"})
	hello = bytes.Replace(hello, []byte("instagram.comx"), []byte("instagram.com."), 1)
	c, err := net.Dial("tcp", httpsAddr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.Write(hello)
	if h := rec.next(t); h.Host != "instagram.com" || h.Scheme != "https" {
		t.Errorf("HTTPS hit %+v", h)
	}
}
