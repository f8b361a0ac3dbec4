package api

import (
	"encoding/json"
	"testing"
	"time"
)

func TestParseDuration(t *testing.T) {
	good := map[string]time.Duration{
		"30d": 30 * Day, "1d12h": Day + 12*time.Hour, "90m": 90 * time.Minute, "1h30m": 90 * time.Minute,
		"365d": 365 * Day, "0d1m": time.Minute, " 2d ": 2 * Day, "45s": 45 * time.Second,
	}
	for in, want := range good {
		if got, err := ParseDuration(in); err != nil || got != want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "d", "-1d", "1.5d", "xd", "1d-2h", "-5m", "10", "1w", "99999999999d", "1dd"} {
		if got, err := ParseDuration(in); err == nil {
			t.Errorf("ParseDuration(%q) = %v, want an error", in, got)
		}
	}
}

func TestFormatDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		30 * Day: "30d", 17*Day + 4*time.Hour: "17d4h", 90 * time.Minute: "1h30m", 0: "0s", -time.Second: "0s",
		45 * time.Second: "45s", time.Millisecond: "0s",
	} {
		if got := FormatDuration(d); got != want {
			t.Errorf("FormatDuration(%v) = %q, want %q", d, got, want)
		}
		if d >= time.Second {
			if back, err := ParseDuration(FormatDuration(d)); err != nil || back != d.Truncate(time.Second) {
				t.Errorf("round trip of %v: %v %v", d, back, err)
			}
		}
	}
}

func TestDurationJSON(t *testing.T) {
	var v struct{ D Duration }
	if err := json.Unmarshal([]byte(`{"D":"1d12h"}`), &v); err != nil || time.Duration(v.D) != 36*time.Hour {
		t.Errorf("unmarshal: %v %v", v.D, err)
	}
	if err := json.Unmarshal([]byte(`{"D":3600}`), &v); err == nil {
		t.Error("a number was accepted")
	}
	b, _ := json.Marshal(v)
	if string(b) != `{"D":"1d12h"}` {
		t.Errorf("marshal: %s", b)
	}
}

func TestHumanDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{
		18*Day + 4*time.Hour + 5*time.Minute: "18 d 5 h", 24 * time.Hour: "1 d", 23*time.Hour + 59*time.Minute + 30*time.Second: "1 d",
		23*time.Hour + 58*time.Minute + 30*time.Second: "23 h 59 min", 2*Day - time.Second: "2 d",
		45 * time.Minute: "45 min", 90 * time.Second: "1 min 30 s", 10*time.Minute + time.Second: "11 min", 5 * time.Minute: "5 min", 59*time.Minute + 1*time.Second: "1 h", 30 * time.Second: "30 s", 1500 * time.Millisecond: "2 s", 0: "0 s", -time.Hour: "0 s",
	} {
		if got := HumanDuration(d); got != want {
			t.Errorf("HumanDuration(%v) = %q, want %q", d, got, want)
		}
	}
}
