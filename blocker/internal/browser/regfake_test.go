//go:build !windows

package browser

import (
	"maps"
	"slices"
	"strings"
	"testing"
)

// mapRegistry is a registry in memory, for the merge's tests where there
// is no registry: keys by full name, each with its values and their
// order (the order they were added in, as the registry's).
type mapRegistry struct {
	vals  map[string]map[string]regValue
	order map[string][]string
}

func (r *mapRegistry) exists(key string) bool {
	_, ok := r.vals[key]
	return ok
}

func (r *mapRegistry) values(key string) (map[string]regValue, error) {
	return maps.Clone(r.vals[key]), nil
}

func (r *mapRegistry) names(key string) ([]string, error) {
	return slices.Clone(r.order[key]), nil
}

func (r *mapRegistry) set(key string, vals map[string]regValue) error {
	for k := key; strings.Contains(k, `\`); k = k[:strings.LastIndex(k, `\`)] {
		if r.vals[k] == nil {
			r.vals[k] = map[string]regValue{}
		}
	}
	for _, n := range slices.SortedFunc(maps.Keys(vals), byNumber) {
		if _, ok := r.vals[key][n]; !ok {
			r.order[key] = append(r.order[key], n)
		}
		r.vals[key][n] = vals[n]
	}
	return nil
}

func (r *mapRegistry) remove(key string, names []string) error {
	for _, n := range names {
		delete(r.vals[key], n)
		r.order[key] = slices.DeleteFunc(r.order[key], func(o string) bool { return o == n })
	}
	return nil
}

func (r *mapRegistry) removeKey(key string) error {
	for k := range r.vals {
		if strings.HasPrefix(k, key+`\`) {
			return nil
		}
	}
	if len(r.vals[key]) == 0 {
		delete(r.vals, key)
	}
	return nil
}

func testRegistry(t *testing.T) (regStore, string) {
	r := &mapRegistry{vals: map[string]map[string]regValue{`HKCU\Software`: {}}, order: map[string][]string{}}
	return r, `HKCU\Software\NoContactTest\` + t.Name()
}

// useRegistryTargets makes Targets, for the test, the Windows browsers
// (targets_windows.go), which the tests of the merge need.
func useRegistryTargets(t *testing.T) {
	old := Targets
	t.Cleanup(func() { Targets = old })
	Targets = []Target{
		{ID: "chrome", Name: "Google Chrome", Kind: Chromium, PolicyKey: `Google\Chrome`},
		{ID: "edge", Name: "Microsoft Edge", Kind: Chromium, PolicyKey: `Microsoft\Edge`,
			Names: map[string]string{"IncognitoModeAvailability": "InPrivateModeAvailability"}},
		{ID: "brave", Name: "Brave", Kind: Chromium, PolicyKey: `BraveSoftware\Brave`},
		{ID: "firefox", Name: "Firefox", Kind: Firefox, PolicyKey: `Mozilla\Firefox`},
	}
}
