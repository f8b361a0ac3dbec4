package browser

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
)

// On Windows the Chromium family reads its policies from the registry, not
// from files: a scalar policy is a value of the browser's key
// (HKLM\SOFTWARE\Policies\Google\Chrome, DnsOverHttpsMode = "off"), a list
// a subkey of numbered string values (...\Chrome\URLBlocklist, 1 = "…",
// 2 = "…"). That key is shared: an employer's or another program's values
// live there too. So ours are merged in value by value, and each value
// set is recorded (with the value it replaced) before it is written:
// Lift, after a crash too, removes what was added, puts back what was
// replaced and removes the keys made when they are empty. The policies
// themselves come from chromiumPolicies, as for a file.

// Registry value types this package writes (winnt.h).
const (
	regSZ    = 1 // REG_SZ
	regDWORD = 4 // REG_DWORD
)

// regValue is a registry value as RegQueryValueEx gives it and
// RegSetValueEx takes it: its type and its bytes. A value another
// program set is kept this way, whatever its type, to be put back exactly.
type regValue struct {
	Type uint32 `json:"type"`
	Data []byte `json:"data,omitempty"`
}

// regString is s as a REG_SZ: UTF-16LE, NUL-terminated.
func regString(s string) regValue {
	u := utf16.Encode([]rune(s + "\x00"))
	b := make([]byte, 2*len(u))
	for i, c := range u {
		binary.LittleEndian.PutUint16(b[2*i:], c)
	}
	return regValue{Type: regSZ, Data: b}
}

// regNumber is n as a REG_DWORD.
func regNumber(n uint32) regValue {
	return regValue{Type: regDWORD, Data: binary.LittleEndian.AppendUint32(nil, n)}
}

// String is the value as a person reads it: a string's text, a number in
// decimal, else its type and bytes.
func (v regValue) String() string {
	switch {
	case v.Type == regSZ || v.Type == 2: // REG_EXPAND_SZ
		u := make([]uint16, len(v.Data)/2)
		for i := range u {
			u[i] = binary.LittleEndian.Uint16(v.Data[2*i:])
		}
		if i := slices.Index(u, 0); i >= 0 {
			u = u[:i]
		}
		return string(utf16.Decode(u))
	case v.Type == regDWORD && len(v.Data) == 4:
		return strconv.FormatUint(uint64(binary.LittleEndian.Uint32(v.Data)), 10)
	}
	return fmt.Sprintf("type %d %x", v.Type, v.Data)
}

// same reports whether v and o say the same: a string compared as text
// (another tool may write it without the final NUL), any other by bytes.
func (v regValue) same(o regValue) bool {
	if v.Type != o.Type {
		return false
	}
	if v.Type == regSZ {
		return v.String() == o.String()
	}
	return bytes.Equal(v.Data, o.Data)
}

// regEntry is one value this package set, or removed: where, what it
// wrote (nil: it removed another program's value, to be put back), and
// the value it replaced (nil: none; the value is removed at the end).
type regEntry struct {
	Browser string    `json:"browser"`
	Key     string    `json:"key"`
	Name    string    `json:"name"`
	Wrote   *regValue `json:"wrote"`
	Before  *regValue `json:"before,omitempty"`
}

// holds reports whether v (nil: no value), as found, is what e wrote.
func (e regEntry) holds(v *regValue) bool {
	if e.Wrote == nil || v == nil {
		return e.Wrote == nil && v == nil
	}
	return e.Wrote.same(*v)
}

// id is how the state file indexes e: its key and name, as the registry
// editor shows them (HKLM\SOFTWARE\Policies\Google\Chrome\URLBlocklist\3).
func (e regEntry) id() string { return e.Key + `\` + e.Name }

// regStore is the registry as this package uses it, every key named in
// full from its hive (HKLM\SOFTWARE\Policies\Google\Chrome): the Windows
// registry (registry_windows.go), or a map in the tests of the merge.
type regStore interface {
	// exists reports whether key exists.
	exists(key string) bool
	// values returns key's values by name; none when it does not exist.
	values(key string) (map[string]regValue, error)
	// names returns the names of key's values in the registry's own order
	// (the order they were added in), which Firefox reads lists by.
	names(key string) ([]string, error)
	// set sets values in key, making it and its missing parents.
	set(key string, vals map[string]regValue) error
	// remove removes the named values from key; one gone already, or
	// the key, is no error.
	remove(key string, names []string) error
	// removeKey removes key if it holds no value and no subkey.
	removeKey(key string) error
}

// byNumber orders value names as numbers where they are (2 before 10),
// before any other name.
func byNumber(a, b string) int {
	na, ea := strconv.Atoi(a)
	nb, eb := strconv.Atoi(b)
	switch {
	case ea == nil && eb == nil:
		return na - nb
	case ea == nil:
		return -1
	case eb == nil:
		return 1
	}
	return strings.Compare(a, b)
}

// recordKeysMade adds key and its parents that do not exist yet to the
// keys made, to be removed at the end when empty: before they are made,
// so that a crash between the two still removes them.
func (m *Manager) recordKeysMade(key string) {
	for k := key; strings.Contains(k, `\`) && !m.reg.exists(k); k = k[:strings.LastIndex(k, `\`)] {
		if !slices.Contains(m.st.CreatedKeys, k) {
			m.st.CreatedKeys = append(m.st.CreatedKeys, k)
		}
	}
}

// found is the value name has in vals, nil when it has none. The
// registry matches names in any case: another program's DNSOverHttpsMode
// is the value ours replaces.
func found(vals map[string]regValue, name string) *regValue {
	if v, ok := vals[name]; ok {
		return &v
	}
	for n, v := range vals {
		if strings.EqualFold(n, name) {
			return &v
		}
	}
	return nil
}

// liftRegistry undoes every value set or removed: one that is still as
// this package left it is removed, or given back the value it replaced;
// one another program changed since is its now, and left. Then the keys made are
// removed, deepest first, when empty. A value that cannot be undone stays
// recorded, for the next Lift.
func (m *Manager) liftRegistry() error {
	if len(m.st.Registry) == 0 && len(m.st.CreatedKeys) == 0 {
		return nil
	}
	if m.reg == nil {
		return errors.New("browser: the state lists registry policies, and this system has no registry")
	}
	byKey := map[string][]regEntry{}
	for _, e := range m.st.Registry {
		byKey[e.Key] = append(byKey[e.Key], e)
	}
	var errs []error
	for key, entries := range byKey {
		if err := m.liftKey(key, entries); err != nil {
			errs = append(errs, fmt.Errorf("%s's policy in %s: %w", entries[0].Browser, key, err))
		}
	}
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	keys := slices.Clone(m.st.CreatedKeys)
	slices.SortFunc(keys, func(a, b string) int { return len(b) - len(a) }) // a subkey before its parent
	for _, k := range keys {
		if err := m.reg.removeKey(k); err != nil {
			errs = append(errs, fmt.Errorf("remove %s: %w", k, err))
		}
	}
	m.st.CreatedKeys = nil
	return errors.Join(errs...) // a key that cannot go is said once, and left: it is empty
}

// liftKey undoes the entries of one key, forgetting each undone.
func (m *Manager) liftKey(key string, entries []regEntry) error {
	cur, err := m.reg.values(key)
	if err != nil {
		return err
	}
	put := map[string]regValue{}
	var drop []string
	for _, e := range entries {
		switch {
		case !e.holds(found(cur, e.Name)): // another program's now
		case e.Before != nil:
			put[e.Name] = *e.Before
		case e.Wrote != nil:
			drop = append(drop, e.Name)
		}
	}
	if len(put) > 0 {
		if err := m.reg.set(key, put); err != nil {
			return err
		}
	}
	if err := m.reg.remove(key, drop); err != nil {
		return err
	}
	for _, e := range entries {
		delete(m.st.Registry, e.id())
	}
	return nil
}
