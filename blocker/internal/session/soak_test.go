package session

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/atomicfile"
	"github.com/nocontact-app/nocontact/blocker/internal/fakeclock"
)

var (
	soakSteps = flag.Int("soak.steps", 3000, "steps of each simulated month (make soak: 200000)")
	soakSeeds = flag.Int("soak.seeds", 4, "how many seeded months")
)

// TestSoakMonth runs 30-day strict sessions through a simulated month of a
// laptop's life: ticks, suspends, reboots (honest off time, or a wall clock
// set back), the wall clock set forward and back by hours and days (which
// the daemon notices at once, see clockwatch), daemon kills and restarts,
// and state writes failing with a full disk. Seeded and reproducible. It
// checks that the block is never lifted before 30 days have really passed,
// never credits more time than has passed, is lifted within one tick once
// 30 days are credited, and is never lost across a restart.
func TestSoakMonth(t *testing.T) {
	for seed := range uint64(*soakSeeds) {
		t.Run("seed", func(t *testing.T) { soak(t, seed, *soakSteps) })
	}
}

func soak(t *testing.T, seed uint64, steps int) {
	rng := rand.New(rand.NewPCG(seed, 0x50a4))
	dir := t.TempDir()
	clock := fakeclock.New()
	store, _ := NewStore(dir)
	m, _ := NewManager(store, clock)
	if _, _, err := m.Start(api.StartRequest{Hostnames: []string{"x.com"}, Duration: api.Duration(30 * api.Day), Lock: api.Lock{Mode: api.LockStrict}}); err != nil {
		t.Fatal(err)
	}
	var real time.Duration // time that has really gone by
	failing := 0           // state writes still to fail
	full := func(path string, _ []byte, _ os.FileMode) error {
		return &os.PathError{Op: "write", Path: path, Err: syscall.ENOSPC}
	}
	restart := func() {
		store, _ = NewStore(dir)
		m, _ = NewManager(store, clock)
		if m.Snapshot().Broken != nil {
			t.Fatalf("seed %d: the state could not be read after a restart: %v", seed, m.Snapshot().Broken)
		}
	}
	var hist []string
	defer func() {
		if t.Failed() {
			t.Logf("last steps: %v", hist[max(0, len(hist)-8):])
		}
	}()
	i := 0
	for ; i < steps && m.Snapshot().Active; i++ {
		writeFails := failing > 0
		if writeFails {
			store.write = full
			failing--
		} else {
			store.write = atomicfile.Write
		}
		r := rng.IntN(100)
		hist = append(hist, fmt.Sprintf("%d:r%d/f%d", i, r, failing))
		switch {
		case r < 60: // the daemon's tick
			d := time.Duration(rng.Int64N(int64(30 * time.Second)))
			clock.Pass(d)
			real += d
		case r < 75: // a suspend
			d := time.Duration(rng.Int64N(int64(8 * time.Hour)))
			clock.Pass(d)
			real += d
		case r < 83 && failing == 0 && !writeFails: // the wall clock set by hours or days, either way
			// (while the state can be written: a jump the daemon cannot
			// record, followed by a reboot, is credited; see README, Limits)
			clock.SetWall(time.Duration(rng.Int64N(int64(10*api.Day))) - 5*api.Day)
		case r < 90: // a reboot: off for a while, or the clock set back meanwhile
			off := time.Duration(rng.Int64N(int64(4 * time.Hour)))
			real += off
			if rng.IntN(4) == 0 {
				clock.Reboot(-off) // a wall clock earlier than before
			} else {
				clock.Reboot(off)
			}
			restart()
		case r < 95: // kill -9 and a restart
			restart()
		default: // the disk fills up for a few writes
			failing = 1 + rng.IntN(5)
		}
		credited := before(t, m, seed, i, real)
		if credited >= 30*api.Day {
			if _, err := m.Tick(); err != nil && m.Snapshot().Active {
				t.Fatalf("seed %d step %d: 30 days credited and the block is not lifted at the next tick", seed, i)
			}
		}
	}
	if m.Snapshot().Active {
		t.Logf("seed %d: after %d steps, %s really passed, the block still runs (fine: time set back is not credited)", seed, steps, api.FormatDuration(real))
		return
	}
	if real < 30*api.Day {
		t.Fatalf("seed %d: lifted after only %s", seed, api.FormatDuration(real))
	}
	t.Logf("seed %d: lifted at step %d, %s after the start (time set back is not credited)", seed, i, api.FormatDuration(real))
}

// before ticks and checks the invariants; it returns the credited time.
func before(t *testing.T, m *Manager, seed uint64, step int, real time.Duration) time.Duration {
	t.Helper()
	m.Tick()
	v := m.View()
	if v == nil {
		if real < 30*api.Day {
			t.Fatalf("seed %d step %d: the block ended after only %s really passed", seed, step, api.FormatDuration(real))
		}
		return 30 * api.Day
	}
	if credited := time.Duration(v.Credited); credited > real {
		t.Fatalf("seed %d step %d: %s credited but only %s really passed", seed, step, api.FormatDuration(credited), api.FormatDuration(real))
	}
	return time.Duration(v.Credited)
}
