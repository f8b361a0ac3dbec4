package daemon

import (
	"strings"
	"testing"

	"golang.org/x/sys/windows"
)

// The pipe's descriptor admits SYSTEM, the Administrators and the owner,
// and nobody else; that another user's open is refused is the
// descriptor's work, checked here as a descriptor (Wine runs every
// program as one user, so no other user can be tried). That the caller
// is named from its token is played end to end by cmd/nocontactd's
// TestBlockOnWindows: its cleanup, which only root may ask, is granted
// to an elevated administrator at the other end of the pipe.
func TestPipeDescriptor(t *testing.T) {
	const owner = "S-1-5-21-1-2-3-1001"
	for ownerSID, want := range map[string][]string{"": {"SY", "BA"}, owner: {"SY", "BA", owner}} {
		sd, err := windows.SecurityDescriptorFromString(pipeSDDL(ownerSID))
		if err != nil {
			t.Fatal(err)
		}
		if ctl, _, _ := sd.Control(); ctl&windows.SE_DACL_PROTECTED == 0 {
			t.Error("the pipe's access list inherits")
		}
		got := sd.String()
		for _, w := range want {
			if !strings.Contains(got, ";;;"+w+")") {
				t.Errorf("%s does not admit %s", got, w)
			}
		}
		if n := strings.Count(got, "(A;"); n != len(want) {
			t.Errorf("%s admits %d, want %d", got, n, len(want))
		}
		if strings.Contains(got, ";WD)") || strings.Contains(got, ";BU)") || strings.Contains(got, ";AU)") {
			t.Errorf("%s admits everyone", got)
		}
	}
}
