package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/spf13/pflag"

	"github.com/nocontact-app/nocontact/app/words"
	"github.com/nocontact-app/nocontact/blocker/api"
)

// The schedule commands: recurring blocks the daemon keeps and starts.

func scheduleAdd(fs *pflag.FlagSet) runFunc {
	connect, asJSON := daemonFlags(fs)
	days := fs.String("days", "", "which days: mon-fri, sat,sun, daily, weekdays, weekends")
	from := fs.String("from", "", "when each window starts, local time: 22:00")
	to := fs.String("to", "", "when it ends: 07:00 (before --from: the next morning)")
	var hosts hostList
	fs.Var(&hosts, "host", "a site to block, such as instagram.com (repeat for more; default: your saved profiles)")
	lock := fs.String("lock", string(api.LockCooldown), "how each block may end early: `MODE` cooldown or strict")
	allowPrivate := fs.Bool("allow-private", false, "keep private windows open during its blocks")
	return func(_ []string, env Env) error {
		if *days == "" || *from == "" || *to == "" {
			return usagef("schedule add: say when with --days, --from and --to, e.g. --days mon-fri --from 22:00 --to 07:00")
		}
		req := api.ScheduleRequest{Days: *days, From: *from, To: *to, Hostnames: hosts, AllowPrivate: *allowPrivate, Lock: api.Lock{Mode: api.LockMode(*lock)}}
		if err := checkSchedule(req); err != nil {
			return err
		}
		if len(hosts) == 0 {
			names, paths, _, err := savedBlocks()
			if err != nil {
				return err
			}
			req.Hostnames, req.Paths = names, paths
		}
		s, err := connect().AddSchedule(context.Background(), req)
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(env, s)
		}
		fmt.Fprintf(env.Stdout, "Schedule %s added: %s, lock %s.\n", s.ID, s.Text(), words.Lock(s.Lock))
		if s.Next != nil {
			fmt.Fprintf(env.Stdout, "%s.\n", words.NextScheduled(*s.Next, time.Now()))
		}
		fmt.Fprintln(env.Stdout, words.ScheduleWaits)
		return nil
	}
}

// checkSchedule refuses usage mistakes before anything is asked of the
// daemon.
func checkSchedule(req api.ScheduleRequest) error {
	if _, err := api.ParseDays(req.Days); err != nil {
		return usagef("schedule add: %v", err)
	}
	for _, t := range []string{req.From, req.To} {
		if _, err := api.ParseClock(t); err != nil {
			return usagef("schedule add: %v", err)
		}
	}
	if req.Lock.Mode != api.LockCooldown && req.Lock.Mode != api.LockStrict {
		return usagef("schedule add: --lock %q: choose cooldown or strict", req.Lock.Mode)
	}
	return nil
}

func scheduleList(fs *pflag.FlagSet) runFunc {
	connect, asJSON := daemonFlags(fs)
	return func(_ []string, env Env) error {
		list, err := connect().Schedules(context.Background())
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(env, list)
		}
		if len(list) == 0 {
			fmt.Fprintln(env.Stdout, "No schedules. Add one: nocontact schedule add --days mon-fri --from 22:00 --to 07:00")
			return nil
		}
		now := time.Now()
		for _, s := range list {
			fmt.Fprintf(env.Stdout, "%s  %s, lock %s, %d names, %d profile pages", s.ID, s.Text(), words.Lock(s.Lock), len(s.Hostnames), len(s.Paths))
			if s.Next != nil {
				fmt.Fprintf(env.Stdout, "; next %s", words.When(*s.Next, now))
			}
			if s.RemoveAt != nil {
				fmt.Fprintf(env.Stdout, "; removed %s", words.When(*s.RemoveAt, now))
			}
			fmt.Fprintln(env.Stdout)
		}
		return nil
	}
}

func scheduleKeep(fs *pflag.FlagSet) runFunc {
	connect, asJSON := daemonFlags(fs)
	return func(args []string, env Env) error {
		s, err := connect().KeepSchedule(context.Background(), args[0])
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(env, s)
		}
		fmt.Fprintf(env.Stdout, "Schedule %s (%s) is kept.\n", s.ID, s.Text())
		return nil
	}
}

func scheduleRemove(fs *pflag.FlagSet) runFunc {
	connect, asJSON := daemonFlags(fs)
	return func(args []string, env Env) error {
		s, err := connect().RemoveSchedule(context.Background(), args[0])
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(env, s)
		}
		fmt.Fprintf(env.Stdout, "Schedule %s (%s) will be removed %s. %s\n", s.ID, s.Text(), words.When(*s.RemoveAt, time.Now()), words.ScheduleStays)
		return nil
	}
}
