package cli

import (
	"fmt"
	"slices"
	"strings"

	"github.com/nocontact-app/nocontact/app/vault"
	"github.com/nocontact-app/nocontact/app/words"
	"github.com/nocontact-app/nocontact/content/profile"
)

// profilesViewers shows a saved profile's viewer sites (the sites that
// show them without an account), turns their block on or off, or adds
// another site where the person watches them.
func profilesViewers(args []string, env Env) error {
	const use = "profiles viewers ID [on | off | add SITE] (see nocontact profiles list)"
	if len(args) < 1 || len(args) > 3 || (len(args) == 3) != (len(args) > 1 && args[1] == "add") {
		return usagef(use)
	}
	change, said, err := viewersChange(args[1:])
	if err != nil {
		return err
	}
	var pr profile.Profile
	err = updateVault(func(d *vault.Data) error {
		i := slices.IndexFunc(d.Profiles, func(p profile.Profile) bool { return p.ID() == args[0] })
		if i < 0 {
			return usagef("no saved profile %q (see nocontact profiles list)", args[0])
		}
		if !d.Profiles[i].HasViewers() && change != nil && len(args) != 3 {
			return usagef("%s has no sites that show them without an account; add one with: profiles viewers %s add SITE", d.Profiles[i].Who(), args[0])
		}
		if change != nil {
			change(&d.Profiles[i])
		}
		pr = d.Profiles[i]
		return nil
	})
	if err != nil {
		return err
	}
	printViewers(env, pr)
	if said != "" {
		fmt.Fprintln(env.Stdout, said)
	}
	return nil
}

// viewersChange reads on, off or add SITE into a change of the profile
// and what to say after it; no arguments change nothing.
func viewersChange(args []string) (func(*profile.Profile), string, error) {
	switch {
	case len(args) == 0:
		return nil, "", nil
	case args[0] == "on":
		return func(p *profile.Profile) { p.ViewersOff = false }, "Blocked from your next block; `nocontact add` adds them to a running one.", nil
	case args[0] == "off":
		return func(p *profile.Profile) { p.ViewersOff = true }, words.ViewersOffKeeps, nil
	case args[0] == "add":
		host, err := profile.NormalizeViewer(args[1])
		if err != nil {
			return nil, "", usageError{err}
		}
		return func(p *profile.Profile) {
			if !slices.Contains(p.Watch, host) {
				p.Watch = append(p.Watch, host)
			}
		}, "Added " + host + ": blocked from your next block; `nocontact add` adds it to a running one.", nil
	}
	return nil, "", usagef("profiles viewers ID [on | off | add SITE]")
}

func printViewers(env Env, pr profile.Profile) {
	state := "blocked during a block"
	if pr.ViewersOff {
		state = "left open (the switch is off)"
	}
	fmt.Fprintf(env.Stdout, "%s, for %s: %s\n", words.ViewersTitle, pr.Who(), state)
	var sites []string
	for _, v := range pr.ViewerList() {
		sites = append(sites, v.String())
	}
	fmt.Fprintf(env.Stdout, "  %s\n", strings.Join(sites, ", "))
	fmt.Fprintf(env.Stdout, "The list was last checked on %s, from:\n", profile.CatalogueChecked)
	for _, s := range profile.ViewerSources() {
		fmt.Fprintf(env.Stdout, "  %s (%s; licence: %s)\n", s.Where, s.Date, s.Licence)
	}
}
