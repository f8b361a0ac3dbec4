package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/nocontact-app/nocontact/app/single"
	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/client"
)

// runFunc runs a command with its positional arguments, its flags parsed.
type runFunc func(args []string, env Env) error

// command is one entry of the command table, from which the command line,
// its help, its shell completions and its man pages are all made.
type command struct {
	use, short, long string
	args             cobra.PositionalArgs
	flags            func(fs *pflag.FlagSet) runFunc // declares the flags, returns the run
	run              runFunc                         // a command without flags of its own
	subs             []command
	complete         func(env Env) []string // the values a positional argument can take
}

// commands is the table of the nocontact command line.
func commands() []command {
	return []command{
		{use: "status", short: "The block at a glance", args: noArgs, flags: statusCommand},
		{use: "start", short: "Start a block of your saved profiles, or of the hosts you name with --host",
			long: "Start a block for --for DURATION (24h, 7d, 30d, 1d12h, 90m). Without --host it blocks your saved profiles: " +
				"a profile's pages in your browsers, or all of its platform, as each profile's reach says.",
			args: startArgs, flags: startCommand},
		{use: "extend", short: "Make the running block longer", args: noArgs, flags: extendCommand},
		{use: "add [NAME...]", short: "Block more sites in the running block (a block only gets stronger)",
			args: cobra.ArbitraryArgs, flags: addCommand},
		{use: "end", short: "End early as the lock allows: request, wait out the cool-down, confirm", args: noArgs, flags: endCommand},
		{use: "events", short: "What happened: attempts, edits, starts and ends", args: noArgs, flags: eventsCommand},
		{use: "schedule", short: "Blocks that start themselves: nights, weekends (without a command: list them)", args: noArgs, flags: scheduleList, subs: []command{
			{use: "list", short: "The schedules and their next start", args: noArgs, flags: scheduleList},
			{use: "add", short: "Block every --days from --from to --to (local time), your saved profiles or --host names", args: noArgs, flags: scheduleAdd},
			{use: "remove ID", short: "Remove a schedule (it applies after 24 hours)", args: cobra.ExactArgs(1), flags: scheduleRemove},
			{use: "keep ID", short: "Keep a schedule whose removal was asked for (at once)", args: cobra.ExactArgs(1), flags: scheduleKeep},
		}},
		{use: "profiles", short: "The profiles to block (without a command: list them)", args: noArgs, flags: profilesList, subs: []command{
			{use: "list", short: "The saved profiles and their reach", args: noArgs, flags: profilesList},
			{use: "add [LINK]", short: "Save a profile from its link, or --platform and --handle", args: cobra.MaximumNArgs(1), flags: profilesAdd},
			{use: "remove ID", short: "Forget a saved profile", args: cobra.ExactArgs(1), run: profilesRemove, complete: profileIDs},
			{use: "reach ID profile|platform", short: "Block their profile in your browsers, or all of the platform", args: cobra.ExactArgs(2), run: profilesReach, complete: profileIDs},
			{use: "viewers ID [on | off | add SITE]", short: "The sites that show them without an account: list them, block them (on, the default) or not, add one",
				args: cobra.RangeArgs(1, 3), run: profilesViewers, complete: profileIDs},
			{use: "resolve LINK...", short: "What links would block, saving nothing", args: cobra.MinimumNArgs(1), flags: profilesResolve},
		}},
		{use: "phone", short: "Your phone: the block on the DNS filter it uses (without a command: show it)", args: noArgs, flags: phoneShow, subs: []command{
			{use: "connect nextdns|controld|pihole|adguardhome", short: "Connect the phone's DNS filter; its key is read from standard input or a prompt",
				long: "Connect the DNS filter your phone uses, so each block is put there too and taken away at its end, and the phone's attempts are counted. " +
					"The key or password is read from a prompt that does not show it, or from standard input (never from an argument).",
				args: cobra.ExactArgs(1), flags: phoneConnect, complete: phoneKinds},
			{use: "disconnect", short: "Take No Contact's entries off the filter and forget it (not during a block)", args: noArgs, flags: phoneDisconnect},
		}},
		{use: "journal", short: "The urge journal (without a command: list it)", args: noArgs, flags: journalList, subs: []command{
			{use: "list", short: "The journal, oldest first", args: noArgs, flags: journalList},
			{use: "add WHAT...", short: "Log an urge: what happened, and why with --motive", args: cobra.MinimumNArgs(1), flags: journalAdd},
		}},
		{use: "contact", short: "The day counter: show it, or set the day of your last contact", args: noArgs, flags: contactCommand},
		{use: "export FILE", short: "Write your data to FILE, readable and unencrypted, on request only", args: cobra.ExactArgs(1), run: exportCommand},
		{use: "import FILE", short: "Replace your data with an export", args: cobra.ExactArgs(1), run: importCommand},
		{use: "vault", short: "Where your data is kept; opt in to a file without a keyring", args: noArgs, flags: vaultCommand},
		{use: "setup", short: "Install the blocking service (asks for your password), the tray's autostart and the launcher", args: noArgs, flags: setupCommand},
		{use: "cleanup", short: "End any block whatever its lock and remove the hosts section and browser policies (root; logged)", args: noArgs, flags: cleanupCommand},
		{use: "read [N | TITLE...]", short: "The article, offline: all of it, one section, the list, or a search", args: cobra.ArbitraryArgs, flags: readCommand},
		{use: "excerpt", short: "What the pop-up shows for an attempt (--print), or the pop-up for an event (--event SEQ)", args: noArgs, flags: excerptCommand},
		{use: "open [TAB]", short: "Open the window at a tab: " + strings.Join(single.Tabs, ", ") + "; " + EndEarlyArg + " opens the pause before ending a block early", args: tabArg, run: openCommand,
			complete: func(Env) []string { return single.Tabs }},
		{use: "version", short: "The version", args: noArgs, run: versionCommand},
	}
}

// tabArg accepts no argument or the name of a tab.
func tabArg(_ *cobra.Command, args []string) error {
	switch {
	case len(args) > 1:
		return fmt.Errorf("open takes one tab")
	case len(args) == 1 && !slices.Contains(single.Tabs, args[0]) && args[0] != EndEarlyArg:
		return fmt.Errorf("open: there is no tab %q; the tabs are %s", args[0], strings.Join(single.Tabs, ", "))
	}
	return nil
}

// profileIDs are the saved profiles' IDs, for completion.
func profileIDs(Env) []string {
	d, err := loadVault()
	if err != nil {
		return nil
	}
	var ids []string
	for _, p := range d.Profiles {
		ids = append(ids, p.ID())
	}
	return ids
}

// runError marks an error of a command's own work (not of its usage).
type runError struct{ error }

func (e runError) Unwrap() error { return e.error }

// Root builds the command line on env; Run executes it, and the man page
// generator documents it.
func Root(env Env) *cobra.Command {
	root := &cobra.Command{
		Use:   "nocontact",
		Short: "No Contact: block an ex's profiles, and read why the pull comes back",
		Long: "Without a command, nocontact opens the window. Every command that talks to the daemon takes --socket PATH.\n\n" +
			"Exit status: 0 success, 1 failure, 2 bad usage or input, 3 the daemon is not running.",
		Version:      api.Version,
		SilenceUsage: true, SilenceErrors: true,
	}
	root.RunE = func(_ *cobra.Command, args []string) error { return openWindow(env, single.Request{Open: "main"}) }
	root.Args = cobra.NoArgs
	root.SetVersionTemplate("nocontact {{.Version}}\n")
	root.SetOut(env.Stdout)
	root.SetErr(env.Stderr)
	for _, c := range commands() {
		root.AddCommand(build(c, env))
	}
	return root
}

// build turns a table entry into a cobra command.
func build(c command, env Env) *cobra.Command {
	cc := &cobra.Command{Use: c.use, Short: c.short, Long: c.long, Args: c.args}
	run := c.run
	if c.flags != nil {
		run = c.flags(cc.Flags())
	}
	if run != nil {
		cc.RunE = func(_ *cobra.Command, args []string) error {
			if err := run(args, env); err != nil && !errors.As(err, new(usageError)) {
				return runError{err}
			} else if err != nil {
				return err
			}
			return nil
		}
	}
	if c.complete != nil {
		cc.ValidArgsFunction = func(_ *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return c.complete(env), cobra.ShellCompDirectiveNoFileComp
		}
	}
	if cc.Flags().Lookup("host") != nil {
		// It fails only for a flag that does not exist, and the flag was just looked up.
		_ = cc.RegisterFlagCompletionFunc("host", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return runningHostnames(), cobra.ShellCompDirectiveNoFileComp
		})
	}
	for _, s := range c.subs {
		cc.AddCommand(build(s, env))
	}
	return cc
}

// runningHostnames are the running block's names, for completing --host.
func runningHostnames() []string {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	st, err := (&client.Client{}).Status(ctx)
	if err != nil || st.Session == nil {
		return nil
	}
	return st.Session.Hostnames
}

// Run runs one command line and returns the exit status: 0 success, 1 a
// failure, 2 bad usage (a one-line hint follows), 3 no daemon.
func Run(args []string, env Env) int {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	root := Root(env)
	root.SetArgs(args)
	err := root.Execute()
	var re runError
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, client.ErrNotRunning):
		fmt.Fprintf(env.Stderr, "nocontact: %v\nBlocking needs the daemon: run `nocontact setup` (or start it by hand: sudo nocontactd run).\n", err)
		return ExitNoDaemon
	case errors.As(err, &re):
		fmt.Fprintf(env.Stderr, "nocontact: %v\n", re.error)
		return ExitFailed
	}
	if errors.As(err, new(usageError)) {
		fmt.Fprintf(env.Stderr, "nocontact: %v\n", err) // it says what to do
	} else {
		fmt.Fprintf(env.Stderr, "nocontact: %v (see %s --help)\n", err, helpFor(root, args))
	}
	return ExitUsage
}

// helpFor names the command whose help fits the arguments.
func helpFor(root *cobra.Command, args []string) string {
	if c, _, err := root.Find(args); err == nil {
		return c.CommandPath()
	}
	return "nocontact"
}

// noArgs refuses positional arguments, naming the first.
func noArgs(c *cobra.Command, args []string) error {
	if len(args) > 0 {
		return fmt.Errorf("%s takes no arguments, and %q is one", c.Name(), args[0])
	}
	return nil
}

// startArgs refuses a name given without --host, rather than ignore it.
func startArgs(_ *cobra.Command, args []string) error {
	if len(args) == 1 && isUnit(args[0]) {
		return nil // the unit of --for: --for 2 weeks
	}
	if len(args) > 0 {
		return fmt.Errorf("start takes names only with --host: to block %s, say --host %s", args[0], args[0])
	}
	return nil
}
