package browser

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"time"
)

// Firefox reads one policies.json, at its start only. Firefox ESR also
// takes No Contact's extension through it: the ExtensionSettings policy
// forces it in from the sinkhole, and the Preferences policy turns off
// the requirement that extensions be signed by Mozilla, which the
// extension is not. Release Firefox cannot: Policies.sys.mjs lets the
// Preferences policy set xpinstall.signatures.required only in a build
// without MOZ_REQUIRE_SIGNING (ESR, Developer Edition, Nightly; Debian's
// firefox-esr), and AddonSettings.sys.mjs makes signing a constant in the
// others. Because Firefox reads the file only at its start, the
// extension's two entries stay in it between blocks while the daemon runs
// (Between): a Firefox started since has the extension, which asks the
// daemon for each block's rules, so a block applies there at once.

// FirefoxExtension is the extension Firefox ESR is made to install: its
// ID (its manifest's gecko id) and the URL of its XPI.
type FirefoxExtension struct{ ID, URL string }

// signaturesRequired is the preference with which Firefox refuses an
// extension Mozilla has not signed.
const signaturesRequired = "xpinstall.signatures.required"

// extensionPolicies are the policies that install ext in Firefox ESR
// (none for nil): the extension forced in from its URL (the user can
// neither disable nor remove it), and the signature requirement off and
// locked.
func extensionPolicies(ext *FirefoxExtension) map[string]any {
	if ext == nil {
		return nil
	}
	return map[string]any{
		"ExtensionSettings": map[string]any{ext.ID: map[string]any{"installation_mode": "force_installed", "install_url": ext.URL}},
		"Preferences":       map[string]any{signaturesRequired: map[string]any{"Value": false, "Status": "locked"}},
	}
}

// firefoxExtension is the extension t's policies.json installs: m.Firefox
// where Firefox ESR is installed (its channel-prefs.js, beside the binary
// in defaults/pref, names the esr channel), else nil.
func (m *Manager) firefoxExtension(t Target) *FirefoxExtension {
	if m.Firefox == nil || t.Kind != Firefox || t.PolicyKey != "" {
		return nil
	}
	for _, b := range t.Binaries {
		ch, err := os.ReadFile(filepath.Join(m.root, filepath.Dir(b), "defaults", "pref", "channel-prefs.js"))
		if err == nil && bytes.Contains(ch, []byte(`"app.update.channel", "esr"`)) {
			return m.Firefox
		}
	}
	return nil
}

// applyFirefox merges into the policies.json Firefox reads the block's
// policies (none when w is nil, between blocks) and, in Firefox ESR, the
// extension's.
func (m *Manager) applyFirefox(t Target, w *Want) (file string, changes []Change, notes []string, err error) {
	file = m.firefoxFile(t)
	full := filepath.Join(m.root, file)
	rec, known := m.st.Files[full]
	if !known {
		cur, rerr := os.ReadFile(full)
		if rerr != nil && !errors.Is(rerr, fs.ErrNotExist) {
			return file, nil, nil, fmt.Errorf("%s cannot be read: %w", file, rerr)
		}
		rec = record{Browser: t.Name, Kind: Firefox, Existed: rerr == nil, Original: cur}
	}
	ext := m.firefoxExtension(t)
	want, notes, merr := firefoxMerge(rec.Original, func(have int) (map[string]any, []string, error) {
		p := map[string]any{}
		var notes []string
		if w != nil {
			var err error
			if p, notes, err = firefoxPolicies(*w, have, ext == nil); err != nil {
				return nil, nil, err
			}
		}
		maps.Copy(p, extensionPolicies(ext))
		return p, notes, nil
	})
	if merr != nil {
		return file, nil, nil, fmt.Errorf("%s: %w", file, merr)
	}
	switch {
	case ext == nil:
		rec.ExtSince = time.Time{}
	case rec.ExtSince.IsZero():
		rec.ExtSince = time.Now()
	}
	if known {
		m.st.Files[full] = rec // ensure keeps a known file's record
	}
	changes, err = m.ensure(t, full, want, rec)
	return file, changes, notes, err
}

// firefoxFile is the file Firefox reads: the system-wide one when it
// exists (or when no installation ships one), else the installation's.
func (m *Manager) firefoxFile(t Target) string {
	if exists(filepath.Join(m.root, t.SystemFile)) {
		return t.SystemFile
	}
	for _, f := range t.DistributionFiles {
		if exists(filepath.Join(m.root, f)) {
			return f
		}
	}
	return t.SystemFile
}

// Between makes the policies what they are between blocks while the
// daemon runs: every change undone, as Lift does, except that Firefox
// ESR's file keeps the extension's entries beside its own content, so
// that a Firefox started now takes the next block at once. It returns
// what lifting failed on (to be tried again), and, apart, what was found
// or could not be kept: another program's change to the kept file
// (written again), or a file that cannot hold the extension (then lifted
// as any other).
func (m *Manager) Between() (notes []string, err error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	keep := map[string]Target{}
	found, _ := Installed(m.root)
	for _, t := range found {
		if m.firefoxExtension(t) != nil {
			keep[filepath.Join(m.root, m.firefoxFile(t))] = t
		}
	}
	if err := m.lift(keep); err != nil {
		return nil, err
	}
	for path, t := range keep {
		_, changes, _, err := m.applyFirefox(t, nil)
		for _, c := range changes {
			notes = append(notes, c.Line())
		}
		if err == nil {
			continue
		}
		notes = append(notes, fmt.Sprintf("%s cannot keep No Contact's extension between blocks: %v", t.Name, err))
		if rec, ok := m.st.Files[path]; ok {
			if err := liftFile(path, rec); err != nil {
				return notes, err
			}
			delete(m.st.Files, path)
			if err := m.save(); err != nil {
				return notes, err
			}
		}
	}
	return notes, nil
}

// firefoxNotes say, for the status during a block, when Firefox applies
// it (file is the policies.json written) and what a blocked visit shows
// there.
func (m *Manager) firefoxNotes(t Target, file string) []string {
	switch {
	case m.Firefox == nil:
		return []string{firefoxNote(file)}
	case m.firefoxExtension(t) == nil:
		return []string{firefoxNote(file), "this Firefox installs only extensions Mozilla signed (Firefox ESR takes No Contact's), " +
			"so a blocked site or profile shows Firefox's own page there, not the passage, and a profile opened inside a feed loads until the page is reloaded"}
	case startedBefore(firefoxNames, m.st.Files[file].ExtSince):
		return []string{"Firefox was open before No Contact gave it its extension: restart Firefox once, and from then on every block applies there at once"}
	}
	return []string{"No Contact's extension applies the block in Firefox at once: a blocked site or profile, one opened inside a feed too, shows the passage; " +
		"Firefox's own list of profile pages adds to it from its next start"}
}
