package cli

import (
	"encoding/json"
	"fmt"
	"time"

	"github.com/spf13/pflag"

	"github.com/nocontact-app/nocontact/app/single"
	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/content"
)

// excerptJSON is what excerpt --print --json prints.
type excerptJSON struct {
	Title  string `json:"title"`
	Kind   string `json:"kind"`
	Number int    `json:"number"`
	Text   string `json:"text"`
	Reason string `json:"reason"`
}

// excerptOpts are the flags of `nocontact excerpt`.
type excerptOpts struct {
	print, asJSON  *bool
	host, at, kind *string
	attempts       *int
	seq, event     *uint64
}

func excerptFlags(fs *pflag.FlagSet) excerptOpts {
	return excerptOpts{
		print:    fs.Bool("print", false, "print the excerpt instead of showing the pop-up"),
		host:     fs.String("host", "", "the blocked host that was opened"),
		at:       fs.String("at", "", "local time HH:MM (default now)"),
		kind:     fs.String("kind", string(content.Visit), "visit, tamper, unlock_requested or session_started"),
		attempts: fs.Int("attempts", 1, "attempts in the last hour, this one included"),
		seq:      fs.Uint64("seq", 0, "event sequence number (rotates the passages)"),
		asJSON:   fs.Bool("json", false, "print JSON"),
		event:    fs.Uint64("event", 0, "the daemon event to show in the pop-up"),
	}
}

func excerptCommand(fs *pflag.FlagSet) runFunc {
	o := excerptFlags(fs)
	print, host, at, kind, attempts, seq, asJSON := o.print, o.host, o.at, o.kind, o.attempts, o.seq, o.asJSON
	event := o.event
	return func(_ []string, env Env) error {
		if !*print && *event != 0 {
			return openWindow(env, single.Request{Open: "popup", Event: *event})
		}
		if !*print {
			return usagef("excerpt: give --event SEQ for the pop-up, or --print")
		}
		m, err := moment(*kind, *host, *at, *attempts, *seq)
		if err != nil {
			return err
		}
		a, err := content.Load()
		if err != nil {
			return err
		}
		e := a.Pick(m)
		if *asJSON {
			enc := json.NewEncoder(env.Stdout)
			enc.SetIndent("", "  ")
			return enc.Encode(excerptJSON{e.Title, e.Section.Kind.String(), e.Section.Number, e.Text, e.Reason})
		}
		w := textWidth(0, env)
		_, err = fmt.Fprintf(env.Stdout, "%s\n\nFrom “%s”:\n\n%s\n", content.Wrap(e.Reason, w), e.Title, indent(content.Wrap(e.Text, w-4), "    "))
		return err
	}
}

// moment validates the flags into a content.Moment.
func moment(kind, host, at string, attempts int, seq uint64) (content.Moment, error) {
	m := content.Moment{Trigger: content.Trigger(kind), AttemptsHour: attempts, AttemptsToday: attempts, Seq: seq, Time: time.Now()}
	switch m.Trigger {
	case content.Visit, content.Tamper, content.UnlockRequested, content.SessionStarted:
	default:
		return m, usagef("excerpt: --kind %q: want visit, tamper, unlock_requested or session_started", kind)
	}
	if m.Trigger == content.Visit {
		if host == "" {
			return m, usagef("excerpt: --host is needed for a visit")
		}
		h, err := api.NormalizeHostname(host)
		if err != nil {
			return m, usageError{fmt.Errorf("excerpt: --host: %w", err)}
		}
		m.Host = h
	}
	if attempts < 1 || attempts > 100000 {
		return m, usagef("excerpt: --attempts %d: want 1 or more", attempts)
	}
	if at != "" {
		t, err := time.ParseInLocation("15:04", at, time.Local)
		if err != nil {
			return m, usagef("excerpt: --at %q: want HH:MM", at)
		}
		now := time.Now()
		m.Time = time.Date(now.Year(), now.Month(), now.Day(), t.Hour(), t.Minute(), 0, 0, time.Local)
	}
	return m, nil
}
