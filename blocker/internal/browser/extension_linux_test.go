package browser

import (
	"strings"
	"testing"
)

// Where the extension is forced in, the names blocked whole are left to
// it and to the hosts file: listed, the browser would refuse them before
// the extension's redirect, and the passage would come only after its
// error page (issue 34.4). Without the extension they are listed. Profile
// pages are listed either way: nothing else holds them without it.
func TestNamesAreLeftToTheExtensionWhereItRuns(t *testing.T) {
	for _, forced := range []bool{false, true} {
		root := machine(t, "chromium")
		m := newManager(t, root)
		if forced {
			m.Forcelist = []string{"abcdefghijklmnopabcdefghijklmnop;http://127.78.0.1/nocontact/updates.xml"}
		}
		if _, _, err := m.Apply(Want{Paths: []string{"example.net/jane.doe"}, Hosts: []string{"x.com"}}); err != nil {
			t.Fatal(err)
		}
		got, _ := read(root, chromiumFile)
		if listed := strings.Contains(got, `".x.com"`); listed == forced {
			t.Errorf("extension forced in %v: x.com listed %v:\n%s", forced, listed, got)
		}
		if !strings.Contains(got, `"example.net/jane.doe"`) {
			t.Errorf("extension forced in %v: the profile page is not listed:\n%s", forced, got)
		}
	}
}
