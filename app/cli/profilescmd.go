package cli

import (
	"github.com/spf13/pflag"

	"errors"
	"fmt"

	"github.com/nocontact-app/nocontact/app/vault"
	"github.com/nocontact-app/nocontact/app/words"
	"github.com/nocontact-app/nocontact/content/profile"
)

// readProfile parses a link, or --platform and --handle.
func readProfile(rest []string, platform, handle string) (profile.Profile, error) {
	if platform != "" || handle != "" {
		if platform == "" || handle == "" || len(rest) > 0 {
			return profile.Profile{}, usagef("give a link, or both --platform and --handle")
		}
		return profile.FromHandle(platform, handle)
	}
	if len(rest) != 1 {
		return profile.Profile{}, usagef("give one link, such as https://www.instagram.com/NAME/")
	}
	return profile.Parse(rest[0])
}

func profilesAdd(fs *pflag.FlagSet) runFunc {
	platform := fs.String("platform", "", "platform ID (instagram, x, tiktok, ...)")
	handle := fs.String("handle", "", "the name on that platform")
	reach := fs.String("reach", "", "profile: just their profile, in your browsers (the default where a platform allows it); platform: all of the platform, everywhere on this computer")
	asTyped := fs.Bool("as-typed", false, "save a site whose name looks like a known platform's as it was typed")
	return func(rest []string, env Env) error {
		p, err := readProfile(rest, *platform, *handle)
		if err != nil {
			return asUsage(err)
		}
		if l, ok := p.LookAlike(); ok && !*asTyped {
			return didYouMean(p, l)
		}
		if *reach != "" {
			if p, err = withReach(p, *reach); err != nil {
				return err
			}
		}
		err = updateVault(func(d *vault.Data) error { return d.AddProfile(p) })
		if err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "Saved %s\n  %s\n  blocks: %s\n", p.ID(), p.Describe(), p.Blocks())
		fmt.Fprintln(env.Stdout, "A running block is not changed: add these with `nocontact add`, or they are used by the next `nocontact start`.")
		return nil
	}
}

func profilesList(fs *pflag.FlagSet) runFunc {
	asJSON := fs.Bool("json", false, "print JSON")
	return func(_ []string, env Env) error {
		d, err := loadVault()
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(env, d.Profiles)
		}
		if len(d.Profiles) == 0 {
			fmt.Fprintln(env.Stdout, "No saved profiles. Add one: nocontact profiles add https://www.instagram.com/NAME/")
			return nil
		}
		for _, p := range d.Profiles {
			fmt.Fprintf(env.Stdout, "%-32s %s\n", p.ID(), p.Describe())
		}
		return nil
	}
}

// withReach sets a profile's reach, refusing one it cannot have.
func withReach(p profile.Profile, s string) (profile.Profile, error) {
	r, err := profile.ParseReach(s)
	if err != nil {
		return p, usageError{err}
	}
	if p.Scope == profile.ScopeExact {
		return p, usagef("%s has a site of its own: it is always blocked alone, everywhere", p.ID())
	}
	if r == profile.ReachProfile && !p.CanBlockPath() {
		return p, usagef("%s: its pages cannot be told apart from the rest of %s, so only the whole platform can be blocked", p.ID(), profile.Lookup(p.Platform).Name)
	}
	p.Reach = r
	return p, nil
}

// profilesReach changes a saved profile's reach.
func profilesReach(args []string, env Env) error {
	if len(args) != 2 {
		return usagef("profiles reach ID profile|platform (see nocontact profiles list)")
	}
	var changed profile.Profile
	err := updateVault(func(d *vault.Data) error {
		for i, p := range d.Profiles {
			if p.ID() == args[0] {
				q, err := withReach(p, args[1])
				d.Profiles[i], changed = q, q
				return err
			}
		}
		return usagef("no saved profile %q (see nocontact profiles list)", args[0])
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "%s\n  blocks: %s\nA running block is not changed: it only gets stronger, so a wider reach applies with `nocontact add` or at the next start.\n", changed.Describe(), changed.Blocks())
	return nil
}

func profilesRemove(args []string, env Env) error {
	if len(args) != 1 {
		return usagef("profiles remove ID (see nocontact profiles list)")
	}
	id := args[0]
	err := updateVault(func(d *vault.Data) error {
		if !d.RemoveProfile(id) {
			return usagef("no saved profile %q (see nocontact profiles list)", id)
		}
		return nil
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Removed %s. %s\n", id, words.RemovedKeeps)
	return nil
}

// profilesResolve shows what links would block, saving nothing.
func profilesResolve(fs *pflag.FlagSet) runFunc {
	asJSON := fs.Bool("json", false, "print JSON")
	return func(rest []string, env Env) error {
		if len(rest) == 0 {
			return usagef("profiles resolve LINK...")
		}
		var ps []profile.Profile
		for _, in := range rest {
			p, err := profile.Parse(in)
			if err != nil {
				return asUsage(err)
			}
			ps = append(ps, p)
		}
		if *asJSON {
			type resolved struct {
				profile.Profile
				ID        string   `json:"id"`
				Hostnames []string `json:"hostnames"`
				Paths     []string `json:"paths,omitempty"`
			}
			var out []resolved
			for _, p := range ps {
				r := resolved{p, p.ID(), p.Hostnames(), nil}
				if p.EffectiveReach() == profile.ReachProfile {
					r.Paths = p.Paths()
				}
				out = append(out, r)
			}
			return printJSON(env, out)
		}
		for _, p := range ps {
			fmt.Fprintf(env.Stdout, "%s\n  %s\n  reach: %s\n  blocks: %s\n", p.ID(), p.Describe(), p.ReachWords(), p.Blocks())
		}
		return nil
	}
}

// asUsage marks a profile parse error as the caller's input.
func asUsage(err error) error {
	if errors.Is(err, profile.ErrNotUnderstood) {
		return usageError{err}
	}
	return err
}

// didYouMean refuses a site that looks like a typo of a platform's
// domain, saying what to paste instead.
func didYouMean(p profile.Profile, l profile.LookAlike) error {
	if fixed := l.Fix(p.Input); fixed != p.Input {
		if q, err := profile.Parse(fixed); err == nil && q.Platform == l.Platform.ID {
			return usagef("Did you mean %s? Paste %s instead, or add --as-typed to block %s itself.", l.Platform.Name, fixed, l.Typed)
		}
	}
	return usagef("Did you mean %s? Paste the address of their %s profile instead, or add --as-typed to block %s itself.", l.Platform.Name, l.Platform.Name, l.Typed)
}
