package atomicfile

import (
	"path/filepath"
	"testing"

	"golang.org/x/sys/windows"

	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// The descriptor MkdirPrivate puts on the state directory, and the check
// Private makes, tested as descriptors: Wine 8.0 keeps no access list on
// files (it shows the owner's and Everyone's whatever was set), so that
// the list is applied on disk waits for a real Windows machine.
func TestPrivateDescriptor(t *testing.T) {
	sd, err := windows.SecurityDescriptorFromString(privateSDDL)
	if err != nil {
		t.Fatal(err)
	}
	if ctl, _, err := sd.Control(); err != nil || ctl&windows.SE_DACL_PROTECTED == 0 {
		t.Errorf("the access list is not protected from what ProgramData passes down: %v %v", ctl, err)
	}
	for sddl, want := range map[string]bool{
		privateSDDL: true,
		"D:PAI(A;OICIID;FA;;;SY)(A;OICIID;FA;;;BA)":                                 true,  // a file inside, inheriting
		"D:(A;OICI;FA;;;SY)(A;OICI;FA;;;S-1-5-21-0-0-0-1000)(A;OICI;0x1200a9;;;WD)": false, // Wine's default: Everyone reads
		"D:AI(A;OICIID;FA;;;SY)(A;OICIID;FA;;;BA)(A;OICIID;0x1200a9;;;BU)":          false, // ProgramData's: the Users read
		"D:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;FA;;;S-1-5-21-1-2-3-1001)":      false,
		"D:P": false, // an empty list: nobody, not even the daemon
	} {
		if got := privateSDDLString(sddl); got != want {
			t.Errorf("privateSDDLString(%s) = %v, want %v", sddl, got, want)
		}
	}
	testutil.Must(t, MkdirPrivate(filepath.Join(t.TempDir(), "state", "deep")))
}
