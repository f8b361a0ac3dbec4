package blocker

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
