package cli

import (
	"bufio"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/nocontact-app/nocontact/app/words"
	"github.com/nocontact-app/nocontact/blocker/api"
)

// askFirst asks once before a strict block, or one of a week or more,
// starts: it says what the block means and waits for y at a terminal.
// Without a terminal (a script, the tray) it refuses unless --yes was
// given, so no long lock starts unread.
func askFirst(env Env, req api.StartRequest, yes bool) error {
	d := time.Duration(req.Duration)
	if yes || !words.AsksFirst(req.Lock.Mode, d) {
		return nil
	}
	lock := req.Lock
	_ = lock.Normalize() // checkStart has refused a lock that does not normalise
	text := words.Weight(lock, time.Now().Add(d))
	if env.Stdin == nil {
		return usagef("start: %s A block this long asks once before it starts: run this at a terminal, or add --yes.", text)
	}
	fmt.Fprintf(env.Stderr, "%s\nStart it? [y/N] ", text)
	answer, _ := bufio.NewReader(env.Stdin).ReadString('\n')
	switch strings.ToLower(strings.TrimSpace(answer)) {
	case "y", "yes":
		return nil
	}
	return usagef("not started: nothing has changed")
}

// forFlag is --for: a duration, or a number whose unit is the next
// argument, as a person types it unquoted: --for 2 weeks.
type forFlag struct {
	durationFlag
	bare string // a number given without its unit
}

func (f *forFlag) Set(v string) error {
	f.bare = ""
	if n, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && n > 0 {
		f.bare, f.durationFlag = strings.TrimSpace(v), 0
		return nil
	}
	return f.durationFlag.Set(v)
}

// withUnit completes a bare number with the unit in rest, the command's
// arguments: "--for 2 weeks" reads as "--for '2 weeks'".
func (f *forFlag) withUnit(rest []string) error {
	if f.bare == "" {
		return nil
	}
	if len(rest) != 1 || !isUnit(rest[0]) {
		return usagef("start: --for %s: say the unit too, such as --for %sd or --for \"%s days\"", f.bare, f.bare, f.bare)
	}
	v := f.bare + " " + rest[0]
	if len(rest[0]) == 1 {
		v = f.bare + rest[0]
	}
	if err := f.durationFlag.Set(v); err != nil {
		return usagef("start: --for %s: %v", v, err)
	}
	return nil
}

// isUnit reports whether s is a unit of time as a person writes one
// after a number: "weeks", "days", "h".
func isUnit(s string) bool {
	s = strings.ToLower(s)
	return spellings[s] != "" || s == "week" || s == "weeks" || s == "m" || s == "h" || s == "d"
}
