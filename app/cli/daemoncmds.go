package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"github.com/spf13/pflag"
	"strings"
	"time"

	"github.com/nocontact-app/nocontact/app/words"
	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/client"
	"github.com/nocontact-app/nocontact/content"
	"github.com/nocontact-app/nocontact/content/profile"
)

// hostList is a repeatable --host flag.
type hostList []string

func (h *hostList) String() string     { return strings.Join(*h, ",") }
func (h *hostList) Set(v string) error { *h = append(*h, v); return nil }
func (h *hostList) Type() string       { return "NAME" }

// durationFlag is a flag in the form api.ParseDuration reads.
type durationFlag time.Duration

func (d *durationFlag) String() string {
	if *d == 0 {
		return "" // no default to show
	}
	return api.FormatDuration(time.Duration(*d))
}
func (d *durationFlag) Type() string { return "DURATION" }
func (d *durationFlag) Set(v string) error {
	p, err := api.ParseDuration(spelledDuration(v))
	*d = durationFlag(p)
	return err
}

// daemonFlags adds --socket and --json to fs.
func daemonFlags(fs *pflag.FlagSet) (connect func() *client.Client, asJSON *bool) {
	sock := fs.String("socket", "", "the daemon's socket `PATH` (default $NOCONTACT_SOCKET or "+api.DefaultSocket+")")
	asJSON = fs.Bool("json", false, "print JSON")
	return func() *client.Client { return &client.Client{Socket: *sock} }, asJSON
}

func printJSON(env Env, v any) error {
	enc := json.NewEncoder(env.Stdout)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

func statusCommand(fs *pflag.FlagSet) runFunc {
	connect, asJSON := daemonFlags(fs)
	return func(_ []string, env Env) error {
		st, err := connect().Status(context.Background())
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(env, st)
		}
		fmt.Fprint(env.Stdout, statusText(st, time.Now()))
		return nil
	}
}

func startCommand(fs *pflag.FlagSet) runFunc {
	connect, asJSON := daemonFlags(fs)
	var hosts hostList
	var dur forFlag
	var cooldown durationFlag
	fs.Var(&hosts, "host", "a site to block, such as instagram.com (repeat for more)")
	fs.Var(&dur, "for", "how long: 24h, 7d, 30d, 1d12h, or in words: \"30 days\"")
	fs.Var(&cooldown, "cooldown", "cool-down before an early end (15m to 24h; cooldown lock)")
	lock := fs.String("lock", string(api.LockCooldown), "how an early end works: `MODE` cooldown, friend or strict")
	allowPrivate := fs.Bool("allow-private", false, "keep private (incognito) windows open during the block; by default they are closed, since they show no passage and count no attempt")
	yes := fs.Bool("yes", false, "start a strict block, or one of 7 days or more, without the question asked at a terminal")
	return func(rest []string, env Env) error {
		if err := dur.withUnit(rest); err != nil {
			return err
		}
		req := api.StartRequest{Hostnames: hosts, AllowPrivate: *allowPrivate, Duration: api.Duration(dur.durationFlag),
			Lock: api.Lock{Mode: api.LockMode(*lock), Cooldown: api.Duration(cooldown)}}
		if err := checkStart(req); err != nil {
			return err
		}
		if err := askFirst(env, req, *yes); err != nil {
			return err
		}
		var saved string
		if len(hosts) == 0 {
			names, ps, text, err := savedBlocks()
			if err != nil {
				return err
			}
			req.Hostnames, req.Paths, saved = names, ps, text
		}
		resp, err := connect().Start(context.Background(), req)
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(env, resp)
		}
		fmt.Fprint(env.Stdout, saved)
		fmt.Fprintf(env.Stdout, "Block started. %s\n", words.Session(resp.Session))
		if resp.FriendCode != "" {
			fmt.Fprintf(env.Stdout, "\n%s\n", words.FriendCode(resp.FriendCode))
		}
		fmt.Fprintln(env.Stdout, "\n"+words.ReloadTabs)
		return nil
	}
}

func extendCommand(fs *pflag.FlagSet) runFunc {
	connect, asJSON := daemonFlags(fs)
	var by durationFlag
	fs.Var(&by, "by", "how much longer: 24h, 7d...")
	return func(_ []string, env Env) error {
		if by == 0 {
			return usagef("extend: say how much longer with --by, e.g. --by 24h")
		}
		s, err := connect().Extend(context.Background(), time.Duration(by))
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(env, s)
		}
		fmt.Fprintln(env.Stdout, "Extended. "+words.Session(s))
		return nil
	}
}

func addCommand(fs *pflag.FlagSet) runFunc {
	connect, asJSON := daemonFlags(fs)
	var hosts hostList
	fs.Var(&hosts, "host", "a site to add, such as instagram.com (repeat for more)")
	return func(rest []string, env Env) error {
		hosts = append(hosts, rest...)
		if len(hosts) == 0 {
			return usagef("add: name what to add with --host NAME")
		}
		s, err := connect().Add(context.Background(), hosts, nil)
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(env, s)
		}
		fmt.Fprintln(env.Stdout, "Added. "+words.Session(s))
		return nil
	}
}

func eventsCommand(fs *pflag.FlagSet) runFunc {
	connect, asJSON := daemonFlags(fs)
	follow := fs.Bool("follow", false, "keep printing new events")
	after := fs.Uint64("after", 0, "only events after this sequence number")
	return func(_ []string, env Env) error {
		show := func(e api.Event) {
			if *asJSON {
				b, _ := json.Marshal(e)
				fmt.Fprintln(env.Stdout, string(b))
				return
			}
			fmt.Fprintln(env.Stdout, eventLine(e))
		}
		c := connect()
		if !*follow {
			events, err := c.Events(context.Background(), *after)
			for _, e := range events {
				show(e)
			}
			return err
		}
		_, err := c.Stream(context.Background(), *after, show)
		return err
	}
}

// savedBlocks returns the hostnames and the browser paths the saved
// profiles block, and a text saying so, each profile with its reach, to
// print once the block has started (never before a refusal).
func savedBlocks() (names, paths []string, text string, err error) {
	d, err := loadVault()
	if err != nil {
		return nil, nil, "", err
	}
	if len(d.Profiles) == 0 {
		return nil, nil, "", usagef("start: no saved profiles; add one (nocontact profiles add LINK) or name hosts with --host NAME")
	}
	block, err := profile.BlockOf(d.Profiles)
	if err != nil {
		return nil, nil, "", err
	}
	var b strings.Builder
	b.WriteString("Blocking the saved profiles:\n")
	for _, p := range d.Profiles {
		fmt.Fprintf(&b, "  %s\n", p.Describe())
	}
	names, paths = block.Names, block.Paths
	if len(names) > 0 {
		b.WriteString(words.Names(names) + "\n")
	}
	if len(paths) > 0 {
		b.WriteString(words.Pages(paths) + "\n")
	}
	b.WriteString("\n")
	return names, paths, b.String(), nil
}

// unlockExcerpt is the passage shown when an early end is requested.
func unlockExcerpt(env Env) {
	a, err := content.Load()
	if err != nil {
		return
	}
	e := a.Pick(content.Moment{Trigger: content.UnlockRequested, Time: time.Now(), Seq: uint64(time.Now().Unix() / 60)})
	w := textWidth(0, env)
	fmt.Fprintf(env.Stdout, "\n%s\n\n%s\n", e.Title, indent(content.Wrap(e.Text, w-4), "    "))
}
