package proc

import (
	"os"
	"runtime"
	"strings"
	"testing"
	"time"
)

func TestFindsItself(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc")
	}
	b, err := os.ReadFile("/proc/self/comm")
	if err != nil {
		t.Fatal(err)
	}
	comm := strings.TrimSpace(string(b))
	for _, p := range Find("/proc", comm, "no-such-process") {
		if p.PID == os.Getpid() {
			if p.Comm != comm || p.Started.IsZero() || p.Started.After(time.Now()) {
				t.Errorf("%+v", p)
			}
			return
		}
	}
	t.Fatalf("process %d (%s) not found", os.Getpid(), comm)
}
