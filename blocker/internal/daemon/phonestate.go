package daemon

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/atomicfile"
	"github.com/nocontact-app/nocontact/blocker/internal/dnsfilter"
	"github.com/nocontact-app/nocontact/blocker/internal/session"
)

// phoneFile is where the connection to the phone's filter is kept, in the
// state directory only the daemon can read: the secret must be there for a
// scheduled block at 22:00 with no window open.
const phoneFile = "phone.json"

// phoneState is the connection and the ledger of what is ours on the
// filter. Ours is written before the filter is changed (an intent): a
// name there that the filter lacks is harmless, one on the filter that
// Ours lacks would be left behind.
type phoneState struct {
	Account  dnsfilter.Account `json:"account"`
	Choice   api.PhoneChoice   `json:"choice"`
	Ours     []string          `json:"ours,omitempty"`
	LogSince time.Time         `json:"log_since,omitzero"`
	// Setup is the phone's set-up where the service had to be asked for
	// it (Control D's endpoint), found at connect.
	Setup *dnsfilter.PhoneSetup `json:"setup,omitempty"`
}

func (s *phoneState) connected() bool { return s.Account.Kind != "" }

// loadPhone reads the connection; a missing file is no connection.
func loadPhone(path string) (phoneState, error) {
	var st phoneState
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return st, nil
	}
	if err != nil {
		return st, err
	}
	if err := json.Unmarshal(b, &st); err != nil {
		return phoneState{}, fmt.Errorf("the phone's connection (%s) could not be read: %w; connect the filter again", path, err)
	}
	return st, nil
}

// savePhone writes the connection atomically, readable by root only; a
// state without a connection or anything of ours removes the file.
func savePhone(path string, st phoneState) error {
	if !st.connected() && len(st.Ours) == 0 {
		if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		return nil
	}
	b, err := json.Marshal(st)
	if err != nil {
		return err
	}
	return atomicfile.Write(path, b, 0o600)
}

// phoneNames are the names the phone's filter should deny for a block:
// every name the block denies whole, and the names of each platform the
// person chose to block whole on the phone when the block holds a profile
// on it. Without a block, none.
func phoneNames(snap session.Snapshot, choice api.PhoneChoice) []string {
	if !snap.Active {
		return nil
	}
	out := slices.Clone(snap.Hostnames)
	for _, site := range choice.Whole {
		if holdsProfileOn(snap.Paths, site.Names) {
			out = append(out, site.Names...)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// holdsProfileOn reports whether one of paths is on one of names.
func holdsProfileOn(paths, names []string) bool {
	for _, p := range paths {
		host, _, _ := api.SplitPath(p)
		if slices.Contains(names, host) {
			return true
		}
	}
	return false
}

// union is a ∪ b, sorted, without repeats.
func union(a, b []string) []string {
	out := append(slices.Clone(a), b...)
	slices.Sort(out)
	return slices.Compact(out)
}

// minus is a without the names in b, in a's order.
func minus(a, b []string) []string {
	return slices.DeleteFunc(slices.Clone(a), func(n string) bool { return slices.Contains(b, n) })
}
