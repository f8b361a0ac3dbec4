package cli

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// checkStart refuses a start request the daemon would refuse for its
// form, before anything is printed or sent: these are usage mistakes (exit
// status 2), and the hint says what to write instead.
func checkStart(req api.StartRequest) error {
	d := time.Duration(req.Duration)
	switch {
	case d == 0:
		return usagef("start: say how long with --for, e.g. --for 7d")
	case d < api.MinSessionDuration || d > api.MaxSessionDuration:
		return usagef("start: --for %s: a block lasts from 1 minute to 365 days (--for 30d, --for 24h)", api.FormatDuration(d))
	}
	lock := req.Lock
	if err := lock.Normalize(); err != nil {
		return usagef("start: %v (--lock cooldown, --lock friend or --lock strict)", err)
	}
	for _, h := range req.Hostnames {
		if strings.Contains(h, "/") || strings.Contains(h, "@") {
			return usagef("start: --host takes a site such as instagram.com, not %q; to block a profile from its link, "+
				"save it first (nocontact profiles add %q) and run nocontact start without --host", h, h)
		}
		if _, err := api.NormalizeHostname(h); err != nil {
			return usagef("start: --host %v", err)
		}
	}
	return nil
}

// spellings of duration units a person may type out ("30 days", "2 weeks").
var spellings = map[string]string{
	"minute": "m", "minutes": "m", "min": "m", "mins": "m",
	"hour": "h", "hours": "h", "hr": "h", "hrs": "h",
	"day": "d", "days": "d",
}

// spelledDuration turns "30 days", "1 day 12 hours" or "2 weeks" into the
// short form api.ParseDuration reads ("30d", "1d12h", "14d"); anything
// else is returned as it is, for ParseDuration to judge.
func spelledDuration(s string) string {
	fields := strings.Fields(strings.ToLower(s))
	if len(fields) < 2 || len(fields)%2 != 0 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(fields); i += 2 {
		n, err := strconv.Atoi(fields[i])
		if err != nil || n < 0 {
			return s
		}
		unit := fields[i+1]
		if unit == "week" || unit == "weeks" {
			n, unit = 7*n, "d"
		} else if unit = spellings[unit]; unit == "" {
			return s
		}
		fmt.Fprintf(&b, "%d%s", n, unit)
	}
	return b.String()
}
