package daemon

import (
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// BenchmarkTamperRestore removes the section and times until the guard has
// put it back (default 100 ms settle). Target: p95 <= 200 ms. Run with
// -benchtime 50x or more. Trials are 1.5 s apart: five restores within 5 s
// are what the guard treats as a fight with another program (and backs off
// from), which is not what this measures.
func BenchmarkTamperRestore(b *testing.B) {
	e := newEnv(b)
	e.cfg.GuardSettle = 0 // the default settle, as shipped
	e.stop()
	e.start(b)
	e.startSession(&testing.T{}, time.Hour, api.Lock{})
	waitFor(b, "the section", func() bool { return strings.Contains(e.hosts(b), "instagram.com") })
	var took []time.Duration
	for b.Loop() {
		start := time.Now()
		testutil.Must(b, os.WriteFile(e.cfg.HostsFile, []byte(userHosts), 0o644))
		for !strings.Contains(e.hosts(b), "instagram.com") {
			time.Sleep(time.Millisecond)
		}
		took = append(took, time.Since(start))
		time.Sleep(1500 * time.Millisecond)
	}
	testutil.ReportPercentiles(b, took, "ms-to-restore")
}

// BenchmarkStatusRoundTrip times GET /v1/status over the unix socket.
func BenchmarkStatusRoundTrip(b *testing.B) {
	e := newEnv(b)
	var took []time.Duration
	for b.Loop() {
		start := time.Now()
		if _, err := e.client.Status(context.Background()); err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(start))
	}
	testutil.ReportPercentiles(b, took, "ms-status")
}

// BenchmarkHitToEvent times a TLS hello to the sinkhole until its visit
// shows on /v1/events/stream (as a new event or a count update). Target:
// p95 <= 5 ms. Run with -benchtime 200x or more.
func BenchmarkHitToEvent(b *testing.B) {
	e := newSinkholeEnv(b)
	e.startSession(&testing.T{}, time.Hour, api.Lock{})
	events := make(chan api.Event, 1024)
	sctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go e.client.Stream(sctx, 1<<62, func(ev api.Event) { events <- ev })
	time.Sleep(50 * time.Millisecond)
	addr := fmt.Sprintf("127.78.0.1:%d", e.cfg.HTTPSPort)
	var took []time.Duration
	for b.Loop() {
		start := time.Now()
		go sendHello(addr)
		for ev := range events {
			if ev.Kind == api.EventVisit {
				break
			}
		}
		took = append(took, time.Since(start))
	}
	testutil.ReportPercentiles(b, took, "ms-hit-to-event")
}

// BenchmarkHitsPerSecond sends TLS hellos from 8 connections at a time and
// reports the hits the daemon turns into (coalesced) visits per second.
// Client and daemon share this process and its cores.
func BenchmarkHitsPerSecond(b *testing.B) {
	e := newSinkholeEnv(b)
	e.startSession(&testing.T{}, time.Hour, api.Lock{})
	addr := fmt.Sprintf("127.78.0.1:%d", e.cfg.HTTPSPort)
	start := time.Now()
	b.SetParallelism(4)
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			sendHello(addr)
		}
	})
	elapsed := time.Since(start)
	waitFor(b, "every hit counted", func() bool {
		v := e.visits(b, "www.instagram.com", "https")
		n := 0
		for _, ev := range v {
			n += ev.Count
		}
		return n >= b.N
	})
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "hits/s")
}

// helloBytes is a ClientHello for www.instagram.com, captured once.
var helloBytes = sync.OnceValue(func() []byte {
	a, c := net.Pipe()
	go func() { tls.Client(a, &tls.Config{ServerName: "www.instagram.com"}).Handshake(); a.Close() }()
	hdr := make([]byte, 5)
	io.ReadFull(c, hdr)
	body := make([]byte, int(hdr[3])<<8|int(hdr[4]))
	io.ReadFull(c, body)
	c.Close()
	return append(hdr, body...)
})

// sendHello sends the hello and waits for the alert.
func sendHello(addr string) {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		return
	}
	defer c.Close()
	c.Write(helloBytes())
	io.ReadFull(c, make([]byte, 7))
}

// BenchmarkPolicyTamperRestore times a deleted Chromium policy file until
// the guard has written it again (the hosts section's bar: p95 <= 200 ms).
func BenchmarkPolicyTamperRestore(b *testing.B) {
	e := newEnv(b)
	e.cfg.GuardSettle = 0 // the default settle, as shipped
	e.stop()
	root := b.TempDir()
	testutil.Must(b, os.MkdirAll(filepath.Join(root, "usr/bin"), 0o755))
	testutil.Must(b, os.WriteFile(filepath.Join(root, "usr/bin/chromium"), nil, 0o755))
	e.cfg.BrowserRoot = root
	e.start(b)
	if _, err := e.client.Start(ctx, api.StartRequest{Paths: []string{"instagram.com/jane.doe"}, Duration: api.Duration(time.Hour)}); err != nil {
		b.Fatal(err)
	}
	policy := filepath.Join(root, "etc/chromium/policies/managed/nocontact.json")
	var took []time.Duration
	for b.Loop() {
		start := time.Now()
		testutil.Must(b, os.Remove(policy))
		for {
			if _, err := os.Stat(policy); err == nil {
				break
			}
			time.Sleep(time.Millisecond)
		}
		took = append(took, time.Since(start))
		time.Sleep(1500 * time.Millisecond)
	}
	testutil.ReportPercentiles(b, took, "ms-to-restore")
}
