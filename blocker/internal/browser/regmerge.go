package browser

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// Merging the session's policies into a browser's registry key (see
// registry.go, regkey.go): one regPlan per key and Apply, worked out from
// what was read, recorded, then carried out.

// regPlan is what one Apply does to one browser's key: the entries to
// record before writing and to forget after, the values to set and
// remove, and what it found that another program had done.
type regPlan struct {
	browser string
	ours    map[string]regEntry            // recorded before this Apply, by id
	cur     map[string]map[string]regValue // the values found, by key
	used    map[string]map[string]bool     // value names taken, by list key
	next    map[string]int                 // where nextFree looks from, by list key

	record          []regEntry
	forget          []string
	set             map[string]map[string]regValue
	remove          map[string][]string
	gone            map[string][]string // values of ours found removed, by key
	tampered, notes []string
}

// said is what another program did, in sentences: the values removed
// from one key are one.
func (pl *regPlan) said() []string {
	out := slices.Clone(pl.tampered)
	for _, key := range slices.Sorted(maps.Keys(pl.gone)) {
		if names := pl.gone[key]; len(names) == 1 {
			out = append(out, names[0]+" was removed from "+key)
		} else {
			out = append(out, fmt.Sprintf("%d of its values were removed from %s", len(names), key))
		}
	}
	return out
}

func (pl *regPlan) write(key, name string, v regValue) {
	if pl.set[key] == nil {
		pl.set[key] = map[string]regValue{}
	}
	pl.set[key][name] = v
}

// theirs counts the values in key that are not ours.
func (pl *regPlan) theirs(key string) int {
	n := 0
	for name := range pl.cur[key] {
		if _, mine := pl.ours[key+`\`+name]; !mine {
			n++
		}
	}
	return n
}

// setAside removes another program's entries in key (URLAllowlist) that
// were not there at the first Apply of this run: an allow entry that
// names a blocked profile opens it. Each is recorded, to be put back at
// the end, as a file moved aside is on Linux; seen are the entries found
// at the first Apply (an employer's), left alone.
func (pl *regPlan) setAside(key string, first bool, seen map[string]bool) {
	for _, name := range slices.Sorted(maps.Keys(pl.cur[key])) {
		id := key + `\` + name
		if _, mine := pl.ours[id]; mine || seen[id] || first {
			seen[id] = true
			continue
		}
		v := pl.cur[key][name]
		e := regEntry{Browser: pl.browser, Key: key, Name: name, Before: &v}
		pl.record = append(pl.record, e)
		pl.remove[key] = append(pl.remove[key], name)
		pl.ours[id] = e // its name stays taken, for it to come back
		delete(pl.cur[key], name)
		pl.tampered = append(pl.tampered, fmt.Sprintf("%q was added to %s; it is set aside until the block ends", v.String(), key))
	}
}

// plan works out the writes: each recorded entry is checked (one another
// program removed or altered is written again, and said), kept while the
// policies still want it, undone when they no longer do; each wanted
// value not recorded yet is added, a list entry under the lowest number
// no value in its key holds.
func (pl *regPlan) plan(scalars map[string]regValue, lists map[string][]string) {
	wanted := map[string]bool{} // list key + "\x00" + entry
	for key, l := range lists {
		for _, s := range l {
			wanted[key+"\x00"+s] = true
		}
	}
	held := map[string]bool{} // the same, held by a recorded value
	for _, id := range slices.Sorted(maps.Keys(pl.ours)) {
		e := pl.ours[id]
		v := found(pl.cur[e.Key], e.Name)
		want, isScalar := scalars[id]
		var entry string
		if e.Wrote != nil {
			entry = e.Wrote.String()
		}
		switch {
		case e.Wrote == nil: // set aside: it stays away
			if v != nil {
				pl.tampered = append(pl.tampered, fmt.Sprintf("%s, set aside, was added again; it is set aside again", id))
				pl.remove[e.Key] = append(pl.remove[e.Key], e.Name)
			}
		case isScalar:
			delete(scalars, id)
			pl.keep(e, v, want)
		case wanted[e.Key+"\x00"+entry] && !held[e.Key+"\x00"+entry]:
			held[e.Key+"\x00"+entry] = true
			pl.keep(e, v, *e.Wrote)
		default: // no longer wanted
			if e.holds(v) && e.Before != nil {
				pl.write(e.Key, e.Name, *e.Before)
			} else if e.holds(v) {
				pl.remove[e.Key] = append(pl.remove[e.Key], e.Name)
			}
			pl.forget = append(pl.forget, id)
		}
	}
	for _, id := range slices.Sorted(maps.Keys(scalars)) {
		i := strings.LastIndex(id, `\`)
		v := scalars[id]
		e := regEntry{Browser: pl.browser, Key: id[:i], Name: id[i+1:], Wrote: &v, Before: found(pl.cur[id[:i]], id[i+1:])}
		if e.Before == nil || !e.Before.same(v) {
			pl.write(e.Key, e.Name, v)
		}
		pl.record = append(pl.record, e)
		pl.noteReplaced(e)
	}
	for _, key := range slices.Sorted(maps.Keys(lists)) {
		for _, s := range lists[key] {
			if held[key+"\x00"+s] {
				continue
			}
			held[key+"\x00"+s] = true
			v := regString(s)
			e := regEntry{Browser: pl.browser, Key: key, Name: pl.nextFree(key), Wrote: &v}
			pl.write(key, e.Name, v)
			pl.record = append(pl.record, e)
		}
	}
}

// keep makes the recorded e hold want, found as v: written again when
// another program removed or altered it (and said), or when the policy
// changed.
func (pl *regPlan) keep(e regEntry, v *regValue, want regValue) {
	switch {
	case v == nil:
		pl.gone[e.Key] = append(pl.gone[e.Key], e.Name)
	case !e.holds(v):
		pl.tampered = append(pl.tampered, fmt.Sprintf("%s in %s was set to %q", e.Name, e.Key, v.String()))
	case e.Wrote.same(want):
		pl.noteReplaced(e)
		return
	}
	e.Wrote = &want
	pl.write(e.Key, e.Name, want)
	pl.record = append(pl.record, e)
	pl.noteReplaced(e)
}

// noteReplaced says, for the status, that e replaced another program's
// value for the block.
func (pl *regPlan) noteReplaced(e regEntry) {
	if e.Before != nil && e.Wrote != nil && !e.Before.same(*e.Wrote) {
		pl.notes = append(pl.notes, fmt.Sprintf("%s in %s was %q (another program's or an employer's): it is %q during the block and put back at its end",
			e.Name, e.Key, e.Before.String(), e.Wrote.String()))
	}
}

// keepFirst keeps the value named 1 first in key, in the order given
// (the registry's): Firefox reads a key as a list only so. A 1 written
// again after another program removed it comes last; when every value
// there is ours they are all written again, in order. Otherwise the
// status says Firefox may not read the list.
func (pl *regPlan) keepFirst(key string, order []string) {
	after := slices.DeleteFunc(slices.Clone(order), func(n string) bool { return slices.Contains(pl.remove[key], n) })
	for _, n := range slices.SortedFunc(maps.Keys(pl.set[key]), byNumber) {
		if !slices.Contains(after, n) {
			after = append(after, n)
		}
	}
	if len(after) == 0 || after[0] == "1" {
		return
	}
	for _, n := range after {
		_, mine := pl.ours[key+`\`+n]
		if _, planned := pl.set[key][n]; !mine && !planned {
			pl.notes = append(pl.notes, fmt.Sprintf("Firefox reads %s as a list only when its first value is named 1, and another program's values there come first: Firefox may ignore it", key))
			return
		}
	}
	for _, n := range after {
		v, planned := pl.set[key][n]
		if !planned {
			v = pl.cur[key][n]
		}
		pl.remove[key] = append(pl.remove[key], n)
		pl.write(key, n, v)
	}
}

// nextFree returns the lowest number no value in key is named, and takes
// it: values found, recorded and planned alike.
func (pl *regPlan) nextFree(key string) string {
	used := pl.used[key]
	if used == nil {
		used = map[string]bool{}
		for name := range pl.cur[key] {
			used[name] = true
		}
		for _, e := range pl.ours {
			if e.Key == key {
				used[e.Name] = true
			}
		}
		pl.used[key] = used
	}
	n := max(pl.next[key], 1) // names only get taken within a plan: none below the last is free
	for used[strconv.Itoa(n)] {
		n++
	}
	used[strconv.Itoa(n)] = true
	pl.next[key] = n + 1
	return strconv.Itoa(n)
}

// carryOut records pl's entries (and the keys it will make), then writes,
// then forgets the entries undone: a crash at any point leaves a state
// that Lift still undoes exactly. Nothing is written when nothing changed.
func (m *Manager) carryOut(pl *regPlan) error {
	if len(pl.record) == 0 && len(pl.forget) == 0 && len(pl.remove) == 0 {
		return nil
	}
	for _, e := range pl.record {
		m.st.Registry[e.id()] = e
	}
	for _, key := range slices.Sorted(maps.Keys(pl.set)) {
		m.recordKeysMade(key)
	}
	if err := m.save(); err != nil {
		return err
	}
	var errs []error
	for key, names := range pl.remove { // first: keepFirst removes values to set them again
		errs = append(errs, m.reg.remove(key, names))
	}
	for key, vals := range pl.set {
		errs = append(errs, m.reg.set(key, vals))
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("%s's policy cannot be written: %w", pl.browser, err)
	}
	if len(pl.forget) == 0 {
		return nil
	}
	for _, id := range pl.forget {
		delete(m.st.Registry, id)
	}
	return m.save()
}
