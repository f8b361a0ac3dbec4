//go:build !windows

package browser

import (
	"maps"
	"strings"
	"testing"
)

// mapRegistry is a registry in memory, for the merge's tests where there
// is no registry: keys by full name, each with its values.
type mapRegistry map[string]map[string]regValue

func (r mapRegistry) exists(key string) bool {
	_, ok := r[key]
	return ok
}

func (r mapRegistry) values(key string) (map[string]regValue, error) {
	return maps.Clone(r[key]), nil
}

func (r mapRegistry) set(key string, vals map[string]regValue) error {
	for k := key; strings.Contains(k, `\`); k = k[:strings.LastIndex(k, `\`)] {
		if r[k] == nil {
			r[k] = map[string]regValue{}
		}
	}
	maps.Copy(r[key], vals)
	return nil
}

func (r mapRegistry) remove(key string, names []string) error {
	for _, n := range names {
		delete(r[key], n)
	}
	return nil
}

func (r mapRegistry) removeKey(key string) error {
	for k := range r {
		if strings.HasPrefix(k, key+`\`) {
			return nil
		}
	}
	if len(r[key]) == 0 {
		delete(r, key)
	}
	return nil
}

func testRegistry(t *testing.T) (regStore, string) {
	return mapRegistry{`HKCU\Software`: {}}, `HKCU\Software\NoContactTest\` + t.Name()
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
	}
}
