package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/nocontact-app/nocontact/app/words"
	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/client"
	"github.com/nocontact-app/nocontact/content/profile"
)

// phoneKinds are the filters as the command line names them.
func phoneKinds(Env) []string {
	var out []string
	for _, k := range api.FilterKinds() {
		out = append(out, string(k))
	}
	return out
}

func phoneShow(fs *pflag.FlagSet) runFunc {
	connect, asJSON := daemonFlags(fs)
	return func(_ []string, env Env) error {
		st, err := connect().Phone(context.Background())
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(env, st)
		}
		printPhone(env, st)
		return nil
	}
}

// printPhone says the connection, what is on the filter, the phone's own
// set-up and the limits.
func printPhone(env Env, st *api.PhoneStatus) {
	fmt.Fprintln(env.Stdout, words.Phone(st))
	if !st.Connected {
		fmt.Fprintln(env.Stdout, words.PhoneIntro)
		fmt.Fprintln(env.Stdout, "Connect it with: nocontact phone connect "+strings.Join(phoneKinds(env), "|"))
		return
	}
	if len(st.Published) > 0 {
		fmt.Fprintln(env.Stdout, "  On it: "+strings.Join(st.Published, ", "))
	}
	if c := words.PhoneChoice(st.Choice); c != "" {
		fmt.Fprintln(env.Stdout, c)
	}
	if !st.QueryLog {
		fmt.Fprintln(env.Stdout, st.Kind.Title()+"'s log of the phone's attempts cannot be read, so they are not counted here.")
	}
	fmt.Fprintln(env.Stdout, "Set up the phone:")
	for _, l := range words.PhoneSetupLines(st.Setup) {
		fmt.Fprintln(env.Stdout, "  "+l)
	}
	fmt.Fprintln(env.Stdout, "Limits:")
	for _, l := range words.PhoneLimits {
		fmt.Fprintln(env.Stdout, "  - "+l)
	}
}

func phoneConnect(fs *pflag.FlagSet) runFunc {
	connect, asJSON := daemonFlags(fs)
	url := fs.String("url", "", "the filter's address, for a Pi-hole or AdGuard Home (http://192.168.1.2)")
	prof := fs.String("profile", "", "the NextDNS or Control D profile `ID`")
	user := fs.String("user", "", "AdGuard Home's user `NAME`")
	whole := fs.StringSlice("whole", nil, "platforms to block whole on the phone for people you block by profile (Instagram,TikTok)")
	nothing := fs.StringSlice("nothing", nil, "platforms to leave open on the phone for people you block by profile")
	return func(args []string, env Env) error {
		kind := api.FilterKind(args[0])
		if !slices.Contains(api.FilterKinds(), kind) {
			return usagef("phone connect: there is no filter %q; the filters are %s", args[0], strings.Join(phoneKinds(env), ", "))
		}
		secret, err := readSecret(env, kind)
		if err != nil {
			return err
		}
		c := connect()
		st, err := c.ConnectPhone(context.Background(), api.PhoneConnect{Kind: kind, URL: *url, Profile: *prof, User: *user, Secret: secret})
		if err != nil {
			return err
		}
		if st, err = askPhoneChoice(env, c, st, *whole, *nothing); err != nil {
			return err
		}
		if *asJSON {
			return printJSON(env, st)
		}
		printPhone(env, st)
		return nil
	}
}

// readSecret reads the credential from a prompt that does not echo, or
// from standard input when it is not a terminal: never from an argument,
// which every user's ps can show.
func readSecret(env Env, k api.FilterKind) (string, error) {
	if env.Secret == nil {
		return "", usagef("phone connect: the %s %s must come from standard input", k.Title(), words.PhoneSecret(k))
	}
	s, err := env.Secret(k.Title() + " " + words.PhoneSecret(k) + ": ")
	s = strings.TrimSpace(s)
	if err != nil && !errors.Is(err, io.EOF) || s == "" {
		return "", usagef("phone connect: no %s was given; type it at the prompt or pipe it in: nocontact phone connect %s < key.txt", words.PhoneSecret(k), k)
	}
	return s, nil
}

// askPhoneChoice asks, for each platform of a person blocked by profile
// not answered yet, whether the phone blocks all of it or nothing; the
// flags answer without a terminal.
func askPhoneChoice(env Env, c *client.Client, st *api.PhoneStatus, whole, nothing []string) (*api.PhoneStatus, error) {
	d, err := loadVault()
	if err != nil {
		return st, nil // no saved profiles to ask about
	}
	choice := st.Choice
	asked := false
	for _, pl := range profile.ProfileOnly(d.Profiles) {
		if profile.PhoneAnswered(choice, pl) && !named(pl.Name, whole, nothing) {
			continue // asked once
		}
		all, ok := phoneAnswer(env, pl.Name, whole, nothing)
		if !ok {
			continue
		}
		choice = profile.PhoneChoose(choice, pl, all)
		asked = true
	}
	if !asked {
		return st, nil
	}
	return c.ChoosePhone(context.Background(), choice)
}

// phoneAnswer is the answer for platform: from the flags, else asked at
// the terminal; ok is false when there is neither.
func phoneAnswer(env Env, platform string, whole, nothing []string) (all, ok bool) {
	if named(platform, whole, nil) {
		return true, true
	}
	if named(platform, nil, nothing) {
		return false, true
	}
	if env.Stdin == nil {
		fmt.Fprintf(env.Stderr, "%s Answer with --whole %s or --nothing %s.\n", words.PhoneAsk(platform), platform, platform)
		return false, false
	}
	fmt.Fprintf(env.Stderr, "%s [all/nothing] ", words.PhoneAsk(platform))
	answer, _ := bufio.NewReader(env.Stdin).ReadString('\n')
	switch strings.ToLower(strings.TrimSpace(answer)) {
	case "all", "a":
		return true, true
	case "nothing", "n":
		return false, true
	}
	return false, false
}

func named(platform string, lists ...[]string) bool {
	for _, l := range lists {
		if slices.ContainsFunc(l, func(s string) bool { return strings.EqualFold(s, platform) }) {
			return true
		}
	}
	return false
}

func phoneDisconnect(fs *pflag.FlagSet) runFunc {
	connect, _ := daemonFlags(fs)
	return func(_ []string, env Env) error {
		if _, err := connect().DisconnectPhone(context.Background()); err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, "Disconnected: No Contact's entries are off the filter, and its key is forgotten.")
		return nil
	}
}
