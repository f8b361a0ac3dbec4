package words

import (
	"fmt"
	"strings"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// What the window and the tray say when the daemon cannot be asked.
const (
	NotSetUp = "Blocking is not set up"
	NoAnswer = "The daemon did not answer"
)

// Hosts says in one sentence whether the block holds: "The block is in
// place and guarded", "The block was changed 2 min ago and put back"
// (within the hour), "The block has a problem: ...". active says whether
// a block runs.
func Hosts(h api.HostsStatus, active bool, now time.Time) string {
	switch {
	case h.Error != "":
		return "The block has a problem: " + h.Error
	case active && len(h.Bypasses) > 0:
		return "The block can be got around: " + strings.Join(h.Bypasses, "; ") + ". Only root can undo this change."
	case h.LiftPending:
		return "The block is being lifted"
	case !active:
		return "Nothing is blocked now"
	case !h.Intact:
		return "The block was changed and is being put back"
	case h.LastTamper != nil && now.Sub(*h.LastTamper) < time.Hour:
		return fmt.Sprintf("The block was changed %s ago and put back", api.HumanDuration(now.Sub(*h.LastTamper)))
	}
	return "The block is in place and guarded"
}

// Browser says in a sentence what the block does in one browser; paths
// tells whether the block has profile pages.
func Browser(b api.BrowserStatus, paths bool) string {
	switch {
	case !b.Covered:
		return fmt.Sprintf("%s: not covered: %s", b.Name, b.Problem)
	case b.Problem != "":
		return fmt.Sprintf("%s: problem: %s", b.Name, b.Problem)
	}
	what := "secure DNS off"
	if paths {
		what = "profile pages blocked, secure DNS off"
		if !b.Exact {
			what = "profile pages blocked (and names that begin with them), secure DNS off"
		}
	}
	line := b.Name + ": " + what
	for _, n := range b.Notes {
		line += "; " + n
	}
	return line
}

// Sinkhole says why attempts are not being noticed, or "" when they are.
func Sinkhole(s api.SinkholeStatus) string {
	if s.Error == "" {
		return ""
	}
	return "Attempts: " + s.Error
}

// Names lists the hostnames a block writes, which hold for every program:
// "2 sites, everywhere on this computer: instagram.com, x.com".
func Names(names []string) string {
	return count(len(names), "site") + ", everywhere on this computer: " + strings.Join(names, ", ")
}

// Pages lists the profile pages a block closes in the browsers: "1
// profile page, in your browsers: instagram.com/jane.doe".
func Pages(paths []string) string {
	return count(len(paths), "profile page") + ", in your browsers: " + strings.Join(paths, ", ")
}
