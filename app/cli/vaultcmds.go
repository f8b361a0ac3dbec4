package cli

import (
	"github.com/spf13/pflag"

	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/nocontact-app/nocontact/app/vault"
	"github.com/nocontact-app/nocontact/app/words"
	"github.com/nocontact-app/nocontact/blocker/atomicfile"
	"github.com/nocontact-app/nocontact/content/profile"
)

// openVault opens the user's vault in its default place.
func openVault() (*vault.Vault, error) {
	dir, err := vault.DefaultDir()
	if err != nil {
		return nil, err
	}
	return vault.Open(dir, vault.Keyring{}), nil
}

func loadVault() (*vault.Data, error) {
	v, err := openVault()
	if err != nil {
		return nil, err
	}
	return v.Load()
}

func updateVault(change func(*vault.Data) error) error {
	v, err := openVault()
	if err != nil {
		return err
	}
	return v.Update(change)
}

// journalList prints the urge journal, as text or (--json) as data.
func journalList(fs *pflag.FlagSet) runFunc {
	asJSON := fs.Bool("json", false, "print JSON")
	return func(_ []string, env Env) error {
		d, err := loadVault()
		if err != nil {
			return err
		}
		if *asJSON {
			return printJSON(env, d.Journal)
		}
		if len(d.Journal) == 0 {
			fmt.Fprintln(env.Stdout, "The journal is empty. Log an urge: nocontact journal add --motive loneliness \"what happened\"")
		}
		for _, e := range d.Journal {
			fmt.Fprintf(env.Stdout, "%s  %-20s %s\n", e.Time.Local().Format("2006-01-02 15:04"), e.Motive, e.What)
		}
		return nil
	}
}

func journalAdd(fs *pflag.FlagSet) runFunc {
	motive := fs.String("motive", "", "why: "+motiveIDs())
	text := fs.String("text", "", "more, if you like")
	return func(rest []string, env Env) error {
		if !vault.ValidMotive(*motive) {
			return usagef("journal add: --motive is one of %s", motiveIDs())
		}
		if len(rest) == 0 {
			return usagef("journal add: say what happened, e.g. journal add --motive nostalgia \"looked at old photos\"")
		}
		e := vault.Entry{Time: time.Now(), What: strings.Join(rest, " "), Motive: *motive, Text: *text}
		if err := updateVault(func(d *vault.Data) error { d.Journal = append(d.Journal, e); return nil }); err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, "Logged. Noticing the urge is part of keeping the distance.")
		return nil
	}
}

func motiveIDs() string {
	var ids []string
	for _, m := range vault.Motives {
		ids = append(ids, m.ID)
	}
	return strings.Join(ids, ", ")
}

// contactCommand sets the day of last contact; an earlier streak is kept.
func contactCommand(fs *pflag.FlagSet) runFunc {
	last := fs.String("last", "", "the day of the last contact: YYYY-MM-DD, today or yesterday")
	asJSON := fs.Bool("json", false, "print the day counter as JSON")
	return func(_ []string, env Env) error {
		if *last == "" {
			d, err := loadVault()
			if err != nil {
				return err
			}
			if *asJSON {
				out := struct {
					LastContact *vault.Date `json:"last_contact"`
					Days        int         `json:"days_without_contact"`
					Best        int         `json:"best_streak"`
				}{LastContact: d.LastContact}
				if d.LastContact != nil {
					out.Days, out.Best = d.DaysWithoutContact(time.Now()), d.BestStreak(time.Now())
				}
				return printJSON(env, out)
			}
			if d.LastContact == nil {
				fmt.Fprintln(env.Stdout, "No date of last contact yet: nocontact contact --last YYYY-MM-DD")
				return nil
			}
			fmt.Fprintf(env.Stdout, "%s (since %s). Best: %d days.\n", words.Day(d.DaysWithoutContact(time.Now())), d.LastContact, d.BestStreak(time.Now()))
			return nil
		}
		day, err := vault.ParseLastContact(*last, time.Now())
		if err != nil {
			return usagef("contact: --last %v", err)
		}
		if err := updateVault(func(d *vault.Data) error { d.SetLastContact(day); return nil }); err != nil {
			return err
		}
		fmt.Fprintf(env.Stdout, "Last contact: %s. %s\n", day, words.StreaksKept)
		return nil
	}
}

// exportCommand writes the vault as readable JSON, on request only.
func exportCommand(args []string, env Env) error {
	if len(args) != 1 {
		return usagef("export FILE")
	}
	d, err := loadVault()
	if err != nil {
		return err
	}
	b, _ := json.MarshalIndent(d, "", "  ")
	if err := atomicfile.Write(args[0], append(b, '\n'), 0o600); err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "Warning: %s holds your profiles and journal unencrypted. Keep it safe, delete it when done.\n", args[0])
	return nil
}

// importCommand replaces the vault's content with an export.
func importCommand(args []string, env Env) error {
	if len(args) != 1 {
		return usagef("import FILE")
	}
	b, err := os.ReadFile(args[0])
	if err != nil {
		return err
	}
	var in vault.Data
	if err := json.Unmarshal(b, &in); err != nil {
		return usagef("import: %s is not a No Contact export: %v", args[0], err)
	}
	for _, p := range in.Profiles {
		if _, err := profile.Hostnames([]profile.Profile{p}); err != nil || profile.Lookup(p.Platform) == nil {
			return usagef("import: profile %q is not valid", p.ID())
		}
	}
	if err := updateVault(func(d *vault.Data) error { *d = in; return nil }); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Imported %d profiles and %d journal entries.\n", len(in.Profiles), len(in.Journal))
	return nil
}

func vaultCommand(fs *pflag.FlagSet) runFunc {
	allow := fs.Bool("allow-unencrypted", false, "keep the data in a file only you can read, without encryption (when there is no keyring)")
	return func(_ []string, env Env) error {
		v, err := openVault()
		if err != nil {
			return err
		}
		if *allow {
			if err := v.AllowUnencrypted(); err != nil {
				return err
			}
			fmt.Fprintln(env.Stdout, "Your data is now kept unencrypted, readable only by you (file mode 0600).")
			return nil
		}
		if _, err := v.Load(); err != nil {
			return err
		}
		dir, _ := vault.DefaultDir()
		fmt.Fprintf(env.Stdout, "Vault: %s (readable)\n", dir)
		return nil
	}
}
