package main

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// BenchmarkIdleDaemon runs nocontactd as a process with a session running
// and measures, over NOCONTACT_IDLE_SECONDS (default 60), its resident
// memory and its CPU use. Targets: <= 20 MiB, <= 0.1 % CPU.
func BenchmarkIdleDaemon(b *testing.B) {
	secs := 60
	if s, err := strconv.Atoi(os.Getenv("NOCONTACT_IDLE_SECONDS")); err == nil && s > 0 {
		secs = s
	}
	p, c := startProc(b)
	if _, err := c.Start(context.Background(), api.StartRequest{Hostnames: []string{"instagram.com"}, Duration: api.Duration(24 * time.Hour)}); err != nil {
		b.Fatal(err)
	}
	pid := p.cmd.Process.Pid
	time.Sleep(time.Second)
	cpu0, t0 := cpuTicks(b, pid), time.Now()
	for b.Loop() {
		time.Sleep(time.Duration(secs) * time.Second)
	}
	cpu1, t1 := cpuTicks(b, pid), time.Now()
	const ticksPerSecond = 100 // USER_HZ on Linux
	cpuPct := float64(cpu1-cpu0) / ticksPerSecond / t1.Sub(t0).Seconds() * 100
	b.ReportMetric(rssMiB(b, pid), "RSS-MiB")
	b.ReportMetric(cpuPct, "CPU-%")
	b.ReportMetric(0, "ns/op")
}

// cpuTicks returns utime+stime of pid from /proc/PID/stat.
func cpuTicks(b *testing.B, pid int) int64 {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		b.Skipf("no /proc: %v", err)
	}
	f := strings.Fields(string(raw[strings.LastIndexByte(string(raw), ')')+2:]))
	ut, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	return ut + st
}

func rssMiB(b *testing.B, pid int) float64 {
	raw, _ := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	for _, line := range strings.Split(string(raw), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
			return kb / 1024
		}
	}
	b.Skip("no VmRSS")
	return 0
}
