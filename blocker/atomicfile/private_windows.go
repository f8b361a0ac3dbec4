package atomicfile

import (
	"os"
	"regexp"

	"golang.org/x/sys/windows"
)

// privateSDDL lets SYSTEM and the Administrators, and no one else, at a
// directory and everything made in it; "P" shuts out what ProgramData
// would pass down (there, every user may read).
const privateSDDL = "D:P(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)"

// MkdirPrivate makes dir, and its parents, for data only the daemon may
// read: its access list names SYSTEM and the Administrators alone, and
// what is made inside inherits it.
func MkdirPrivate(dir string) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	sd, err := windows.SecurityDescriptorFromString(privateSDDL)
	if err != nil {
		return err
	}
	dacl, _, err := sd.DACL()
	if err != nil {
		return err
	}
	return windows.SetNamedSecurityInfo(dir, windows.SE_FILE_OBJECT,
		windows.DACL_SECURITY_INFORMATION|windows.PROTECTED_DACL_SECURITY_INFORMATION, nil, nil, dacl, nil)
}

// aceTrustee is the trustee, the last field, of each entry of an SDDL
// access list.
var aceTrustee = regexp.MustCompile(`\([^()]*;([^;()]*)\)`)

// Private reports whether only SYSTEM and the Administrators may reach
// path: its access list is protected or inherited, and names no one else.
func Private(path string) (bool, error) {
	sd, err := windows.GetNamedSecurityInfo(path, windows.SE_FILE_OBJECT, windows.DACL_SECURITY_INFORMATION)
	if err != nil {
		return false, err
	}
	dacl, _, err := sd.DACL()
	if err != nil || dacl == nil {
		return false, err // no list at all: everyone may
	}
	return privateSDDLString(sd.String()), nil
}

// privateSDDLString reports whether an access list in SDDL names no one
// but SYSTEM and the Administrators.
func privateSDDLString(sddl string) bool {
	aces := aceTrustee.FindAllStringSubmatch(sddl, -1)
	for _, m := range aces {
		if m[1] != "SY" && m[1] != "BA" {
			return false
		}
	}
	return len(aces) > 0
}
