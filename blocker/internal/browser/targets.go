// Package browser writes, guards and removes the managed browser policies
// that block profile paths (instagram.com/jane.doe) and turn secure DNS
// off during a block session: one file of its own in each Chromium-family
// browser's managed-policy directory, and a merge into Firefox's
// policies.json that is undone byte for byte at the end. On Windows the
// same policies go into each browser's key under HKLM\SOFTWARE\Policies,
// merged value by value beside other programs' and undone value by value.
//
// It knows where each browser reads its policies, finds which browsers
// are installed, and says which it cannot reach (snap, flatpak). Every
// write is atomic, and what it changed is kept in a state file so that a
// killed daemon, a reboot or `nocontactd cleanup` can undo it.
package browser

import (
	"os"
	"path/filepath"
)

// Kind is a policy format.
type Kind string

const (
	Chromium Kind = "chromium"
	Firefox  Kind = "firefox"
)

// Target is one browser: how to tell it is installed and where it reads
// its managed policies. Where each directory comes from is recorded in
// docs/ARCHITECTURE.md ("Browser policies").
type Target struct {
	ID, Name string
	Kind     Kind
	Binaries []string // any of these existing means installed
	// Chromium family: the managed-policy directories it reads.
	PolicyDirs []string
	// Firefox: the system-wide file (which wins when it exists) and the
	// installations' distribution files (read only when it does not).
	SystemFile        string
	DistributionFiles []string
	// Windows: the registry key it reads, below the policy base
	// (Google\Chrome).
	PolicyKey string
	// Names are the policies it names its own way, on every system
	// (Edge: IncognitoModeAvailability is InPrivateModeAvailability).
	Names map[string]string
}

// rename gives the policies in p the names t reads them by.
func (t Target) rename(p map[string]any) map[string]any {
	for from, to := range t.Names {
		if v, ok := p[from]; ok {
			delete(p, from)
			p[to] = v
		}
	}
	return p
}

// Sandboxed are installs these files cannot reach: their policies live
// inside the package. They are listed as not covered.
var Sandboxed = []struct{ Name, Marker string }{
	{"Chromium (Flatpak)", "/var/lib/flatpak/app/org.chromium.Chromium"},
	{"Google Chrome (Flatpak)", "/var/lib/flatpak/app/com.google.Chrome"},
	{"Brave (Flatpak)", "/var/lib/flatpak/app/com.brave.Browser"},
	{"Microsoft Edge (Flatpak)", "/var/lib/flatpak/app/com.microsoft.Edge"},
	{"Firefox (Flatpak)", "/var/lib/flatpak/app/org.mozilla.firefox"},
	{"Opera", "/usr/lib/x86_64-linux-gnu/opera/opera"}, // reads no managed policies on Linux
}

// Installed returns the targets found under root ("" is /), and the names
// of browsers found that policies cannot reach. A target whose policies
// live in the registry counts as installed: its key can be written before
// the browser is, which then obeys from its first start.
func Installed(root string) (found []Target, notCovered []string) {
	for _, t := range Targets {
		if t.PolicyKey != "" {
			found = append(found, t)
			continue
		}
		for _, b := range t.Binaries {
			if exists(filepath.Join(root, b)) {
				found = append(found, t)
				break
			}
		}
	}
	for _, s := range Sandboxed {
		if exists(filepath.Join(root, s.Marker)) {
			notCovered = append(notCovered, s.Name)
		}
	}
	return found, notCovered
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
