package cli

import (
	"fmt"
	"strings"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// statusText is `nocontact status` for people.
func statusText(st *api.Status, now time.Time) string {
	var b strings.Builder
	b.WriteString(st.Session.Summary() + "\n")
	if s := st.Session; s != nil {
		fmt.Fprintf(&b, "Ends around %s\n", now.Add(time.Duration(s.Remaining)).Local().Format("Mon 2 Jan 15:04"))
		switch s.Unlock.State {
		case api.UnlockWaiting:
			fmt.Fprintf(&b, "Early end requested: cool-down %s left\n", api.HumanDuration(time.Duration(s.Unlock.ReadyIn)))
		case api.UnlockReady:
			fmt.Fprintf(&b, "Early end ready: confirm with `nocontact end` within %s\n", api.HumanDuration(time.Duration(s.Unlock.ExpiresIn)))
		}
		if len(s.Hostnames) > 0 {
			fmt.Fprintf(&b, "Hostnames (everywhere on this computer): %s\n", strings.Join(s.Hostnames, ", "))
		}
		if len(s.Paths) > 0 {
			fmt.Fprintf(&b, "Profile pages (in your browsers): %s\n", strings.Join(s.Paths, ", "))
		}
		b.WriteString(s.PrivateLine() + "\n")
	}
	b.WriteString(st.Hosts.Line(st.Session != nil, now) + "\n")
	if st.NextScheduled != nil {
		b.WriteString("Next scheduled block: " + api.WhenText(*st.NextScheduled, now) + "\n")
	}
	for _, br := range st.Browsers {
		b.WriteString(br.Line(st.Session != nil && len(st.Session.Paths) > 0) + "\n")
	}
	if st.Sinkhole.Error != "" {
		b.WriteString("Attempts: " + st.Sinkhole.Error + "\n")
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
	if e.Detail != "" {
		fmt.Fprintf(&b, " %s", e.Detail)
	}
	return b.String()
}
