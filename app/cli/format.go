package cli

import (
	"fmt"
	"strings"
	"time"

	"github.com/nocontact-app/nocontact/app/words"
	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/content/attempt"
)

// statusText is `nocontact status` for people.
func statusText(st *api.Status, now time.Time) string {
	var b strings.Builder
	b.WriteString(words.Session(st.Session) + "\n")
	if s := st.Session; s != nil {
		fmt.Fprintf(&b, "Ends around %s\n", words.Moment(now.Add(time.Duration(s.Remaining))))
		switch s.Unlock.State {
		case api.UnlockWaiting:
			fmt.Fprintf(&b, "Early end requested. %s\n", words.CooldownLeft(time.Duration(s.Unlock.ReadyIn)))
		case api.UnlockReady:
			fmt.Fprintf(&b, "Early end ready: confirm with `nocontact end` within %s\n", api.HumanDuration(time.Duration(s.Unlock.ExpiresIn)))
		}
		if len(s.Hostnames) > 0 {
			b.WriteString(words.Names(s.Hostnames) + "\n")
		}
		if len(s.Paths) > 0 {
			b.WriteString(words.Pages(s.Paths) + "\n")
		}
		b.WriteString(words.Private(s) + "\n")
	}
	b.WriteString(words.Hosts(st.Hosts, st.Session != nil, now) + "\n")
	if st.NextScheduled != nil {
		b.WriteString(words.NextScheduled(*st.NextScheduled, now) + "\n")
	}
	for _, br := range st.Browsers {
		b.WriteString(words.Browser(br, st.Session != nil && len(st.Session.Paths) > 0) + "\n")
	}
	if st.Phone != nil {
		b.WriteString(words.Phone(st.Phone) + "\n")
	}
	if l := words.Sinkhole(st.Sinkhole); l != "" {
		b.WriteString(l + "\n")
	}
	if st.Daemon.Problem != "" {
		b.WriteString("Problem: " + st.Daemon.Problem + "\n")
	}
	return b.String()
}

// eventLine is one event for `nocontact events`.
func eventLine(e api.Event) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%5d  %s  %-17s", e.Seq, e.Time.Local().Format("2006-01-02 15:04:05"), e.Kind)
	if e.Host != "" {
		fmt.Fprintf(&b, " %s", e.Host)
		if e.Scheme != "" {
			fmt.Fprintf(&b, " (%s)", e.Scheme)
		}
	}
	if e.Count > 1 {
		fmt.Fprintf(&b, " ×%d", e.Count)
	}
	if e.FromPhone() {
		fmt.Fprintf(&b, " %s", attempt.OnPhone(e.Device))
	}
	if e.Detail != "" {
		fmt.Fprintf(&b, " %s", e.Detail)
	}
	return b.String()
}
