package main

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// BenchmarkTamperRestoreProcess removes the section from the hosts file of
// nocontactd running as a process of its own, and times until it is back:
// the daemon's restore as a person meets it, on every system (make bench
// runs it here and, for Windows, under Wine, where the daemon cannot be
// reached from its own process). Trials are 1.5 s apart, as in the
// daemon's BenchmarkTamperRestore: closer ones are a fight, which the
// guard answers differently. Target: p95 <= 200 ms.
func BenchmarkTamperRestoreProcess(b *testing.B) {
	p, c := startProc(b)
	if _, err := c.Start(context.Background(), api.StartRequest{Hostnames: []string{"instagram.com"}, Duration: api.Duration(time.Hour)}); err != nil {
		b.Fatal(err)
	}
	blocked := func() bool { h, _ := os.ReadFile(p.hosts); return strings.Contains(string(h), "instagram.com") }
	var took []time.Duration
	for b.Loop() {
		start := time.Now()
		testutil.Must(b, testutil.AsEditor(func() error { return os.WriteFile(p.hosts, []byte(userHosts), 0o644) }))
		for !blocked() {
			time.Sleep(time.Millisecond)
		}
		took = append(took, time.Since(start))
		time.Sleep(1500 * time.Millisecond)
	}
	testutil.ReportPercentiles(b, took, "ms-to-restore")
}
