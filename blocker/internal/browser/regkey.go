package browser

import (
	"fmt"
	"maps"
	"slices"
	"strings"
)

// A browser's key in the registry: what it is read for, what the policies
// are there, and how they are laid out as values and subkeys.

// regLists are, by kind, the list policies of a browser's key that this
// package writes or weighs: read before each write, so that another
// program's entries there are kept, counted and never renumbered. The
// first is the block list, the second the allow list.
var regLists = map[Kind][]string{
	Chromium: {"URLBlocklist", "URLAllowlist", "ExtensionInstallForcelist"},
	Firefox:  {`WebsiteFilter\Block`, `WebsiteFilter\Exceptions`},
}

// applyKey merges the policies w asks into t's key and reports as
// applyChromium does, the key standing for the file. Another program's
// block-list entries are kept and leave ours less room; an allow entry
// another program adds during the block is set aside (setAside).
func (m *Manager) applyKey(t Target, w Want) (key string, changes []Change, exact bool, notes []string, err error) {
	key = m.regBase + `\` + t.PolicyKey
	lists := regLists[t.Kind]
	ours := m.entriesUnder(key)
	keys := []string{key}
	for _, l := range lists {
		keys = append(keys, key+`\`+l)
	}
	for _, e := range ours {
		keys = append(keys, e.Key)
	}
	cur := map[string]map[string]regValue{}
	if err := m.readKeys(cur, keys); err != nil {
		return key, nil, false, nil, fmt.Errorf("%s cannot be read: %w", key, err)
	}
	pl := &regPlan{browser: t.Name, ours: ours, cur: cur, set: map[string]map[string]regValue{}, remove: map[string][]string{},
		gone: map[string][]string{}, used: map[string]map[string]bool{}, next: map[string]int{}}
	pl.setAside(key+`\`+lists[1], m.firstApply, m.conflicts)
	p, exact, notes, err := m.keyPolicies(t, key, w, pl)
	if err != nil {
		return key, nil, false, nil, err
	}
	scalars, want := map[string]regValue{}, map[string][]string{}
	regLayout(key, p, scalars, want)
	keys = slices.Collect(maps.Keys(want))
	for id := range scalars {
		keys = append(keys, id[:strings.LastIndex(id, `\`)])
	}
	if err := m.readKeys(cur, keys); err != nil { // a subkey of scalars (Firefox's DNSOverHTTPS)
		return key, nil, false, nil, fmt.Errorf("%s cannot be read: %w", key, err)
	}
	pl.plan(scalars, want)
	if t.Kind == Firefox {
		order, err := m.reg.names(key + `\` + lists[0])
		if err != nil {
			return key, nil, false, nil, fmt.Errorf("%s cannot be read: %w", key, err)
		}
		pl.keepFirst(key+`\`+lists[0], order)
	}
	err = m.carryOut(pl)
	if said := pl.said(); len(said) > 0 { // one change for the browser, however many values
		changes = []Change{{Browser: t.Name, Found: "changed in the registry: " + strings.Join(said, "; "), Restored: err == nil, Err: err}}
	}
	return key, changes, exact, append(notes, pl.notes...), err
}

// keyPolicies are the policies for t's key, by the names t reads, given
// what another program holds in its lists (pl, read), and the notes for
// its status.
func (m *Manager) keyPolicies(t Target, key string, w Want, pl *regPlan) (p map[string]any, exact bool, notes []string, err error) {
	lists := regLists[t.Kind]
	block, allow := pl.theirs(key+`\`+lists[0]), pl.theirs(key+`\`+lists[1])
	if t.Kind == Firefox {
		exact = true // its patterns match the profile exactly
		if p, notes, err = firefoxPolicies(w, block, true); err != nil {
			return nil, false, nil, fmt.Errorf("%s: %w", key, err)
		}
		notes = append(notes, firefoxRestart)
	} else {
		p, exact, notes = chromiumPolicies(w, block == 0 && allow == 0, m.Forcelist, true, MaxListEntries-block) // the extension may not run: names listed
	}
	return t.rename(p), exact, append(notes, m.keyNotes(t, key, lists, block, allow)...), nil
}

// keyNotes says, for the status, what another program's entries in t's
// lists mean, and what becomes of our extension there.
func (m *Manager) keyNotes(t Target, key string, lists []string, block, allow int) (notes []string) {
	if block > 0 {
		notes = append(notes, fmt.Sprintf("%s\\%s holds %d entries of another program's: they are kept, ours added beside them", key, lists[0], block))
	}
	if allow > 0 {
		notes = append(notes, fmt.Sprintf("%s\\%s holds %d entries of another program's: one that names a blocked profile opens it", key, lists[1], allow))
	}
	if t.Kind == Chromium && len(m.Forcelist) > 0 {
		notes = append(notes, "its extension is forced in only on a PC an organization manages (Windows browsers refuse one from outside their store otherwise): "+
			"a blocked profile may show the browser's own page")
	}
	return notes
}

// regLayout lays policies out as the registry holds them below key: a
// string, an int or a bool (a DWORD, 0 or 1) is a value of key, a list of
// strings a subkey of numbered values, a map a subkey laid out the same
// way. scalars are by entry id (key\name), lists by their key.
func regLayout(key string, p map[string]any, scalars map[string]regValue, lists map[string][]string) {
	for name, v := range p {
		switch v := v.(type) {
		case string:
			scalars[key+`\`+name] = regString(v)
		case int:
			scalars[key+`\`+name] = regNumber(uint32(v))
		case bool:
			scalars[key+`\`+name] = regNumber(map[bool]uint32{false: 0, true: 1}[v])
		case []string:
			lists[key+`\`+name] = v
		case map[string]any:
			regLayout(key+`\`+name, v, scalars, lists)
		}
	}
}

// entriesUnder returns the recorded entries in key and its subkeys, by id.
func (m *Manager) entriesUnder(key string) map[string]regEntry {
	out := map[string]regEntry{}
	for id, e := range m.st.Registry {
		if e.Key == key || strings.HasPrefix(e.Key, key+`\`) {
			out[id] = e
		}
	}
	return out
}

// readKeys reads into cur each of keys not read yet.
func (m *Manager) readKeys(cur map[string]map[string]regValue, keys []string) error {
	for _, k := range keys {
		if _, done := cur[k]; done {
			continue
		}
		vals, err := m.reg.values(k)
		if err != nil {
			return err
		}
		cur[k] = vals
	}
	return nil
}
