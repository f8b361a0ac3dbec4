package hosts

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkApplyWrite applies 50 names to generated hosts files of 20,000
// and 200,000 lines (read, edit, atomic write with fsync) and, in the same
// loop, makes a plain read-and-write copy of the same file, with and without
// fsync. It reports both times and their ratio, and the growth from 20k to
// 200k lines. Targets: apply <= 1.5x the plain copy at 200k lines, growth
// <= 12x.
func BenchmarkApplyWrite(b *testing.B) {
	perLine := map[int]float64{}
	for _, n := range []int{20_000, 200_000} {
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			perLine[n] = benchApply(b, n)
		})
	}
	if perLine[20_000] > 0 && perLine[200_000] > 0 {
		b.Logf("growth 200k/20k lines: %.1fx (target <= 12x)", perLine[200_000]/perLine[20_000])
	}
}

func benchApply(b *testing.B, lines int) (applyMs float64) {
	dir := b.TempDir()
	path, copyPath := filepath.Join(dir, "hosts"), filepath.Join(dir, "copy")
	if err := os.WriteFile(path, bigHosts(lines), 0o644); err != nil {
		b.Fatal(err)
	}
	e := editor(b)
	sets := [2][]string{names(50, "a"), names(50, "b")}
	var apply, plain, plainSync time.Duration
	i := 0
	for b.Loop() {
		t0 := time.Now()
		applyOnce(b, e, path, sets[i%2])
		t1 := time.Now()
		plainCopy(b, path, copyPath, false)
		t2 := time.Now()
		plainCopy(b, path, copyPath, true)
		t3 := time.Now()
		apply, plain, plainSync = apply+t1.Sub(t0), plain+t2.Sub(t1), plainSync+t3.Sub(t2)
		i++
	}
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 / float64(i) }
	b.ReportMetric(ms(apply), "apply-ms")
	b.ReportMetric(ms(plain), "copy-ms")
	b.ReportMetric(ms(plainSync), "copy+fsync-ms")
	b.ReportMetric(ms(apply)/ms(plain), "apply/copy")
	b.ReportMetric(ms(apply)/ms(plainSync), "apply/copy+fsync")
	return ms(apply)
}

func applyOnce(b *testing.B, e *Editor, path string, set []string) {
	prev, err := ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	next, changed, err := e.Apply(prev, set)
	if err != nil || !changed {
		b.Fatalf("Apply: changed %v, %v", changed, err)
	}
	if _, err := WriteFile(path, next); err != nil {
		b.Fatal(err)
	}
}

func plainCopy(b *testing.B, src, dst string, sync bool) {
	data, err := os.ReadFile(src)
	if err != nil {
		b.Fatal(err)
	}
	f, err := os.Create(dst)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if _, err := f.Write(data); err != nil {
		b.Fatal(err)
	}
	if sync {
		if err := f.Sync(); err != nil {
			b.Fatal(err)
		}
	}
}

func names(n int, prefix string) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = fmt.Sprintf("%s%d.profile-%d.example.com", prefix, i, i)
	}
	return out
}
