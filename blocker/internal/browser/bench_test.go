package browser

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// BenchmarkApplySixBrowsers times the policy write at a session's start:
// six browsers installed (five Chromium-family directories and Firefox's
// policies.json), 50 profile paths, from nothing written to all written.
func BenchmarkApplySixBrowsers(b *testing.B) {
	var paths []string
	for i := range 50 {
		paths = append(paths, fmt.Sprintf("instagram.com/person.%02d", i))
	}
	for b.Loop() {
		b.StopTimer()
		root := b.TempDir()
		for _, id := range []string{"chromium", "chrome", "brave", "edge", "vivaldi", "firefox"} {
			for _, t := range Targets {
				if t.ID == id {
					p := filepath.Join(root, t.Binaries[0])
					testutil.Must(b, os.MkdirAll(filepath.Dir(p), 0o755))
					testutil.Must(b, os.WriteFile(p, nil, 0o755))
				}
			}
		}
		m, _ := NewManager(root, b.TempDir())
		b.StartTimer()
		if _, _, err := m.Apply(Want{Paths: paths}); err != nil {
			b.Fatal(err)
		}
	}
}
