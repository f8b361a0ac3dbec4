package hosts

import (
	"fmt"
	"sync"

	"golang.org/x/sys/windows"
)

// aclParts are the parts of a file's security descriptor that decide who
// may read and replace it: its owner and its access list.
const aclParts = windows.OWNER_SECURITY_INFORMATION | windows.DACL_SECURITY_INFORMATION

// Permissions is the owner and access list of path, as an SDDL string
// ("O:SYD:PAI(A;;FA;;;SY)…"): an entry that denies the DNS Client reading
// the hosts file makes every lookup skip it, one that denies the service
// writing it stops every restore.
func Permissions(path string) (string, error) {
	sd, err := windows.GetNamedSecurityInfo(path, windows.SE_FILE_OBJECT, aclParts)
	if err != nil {
		return "", fmt.Errorf("hosts: reading the permissions of %s: %w", path, err)
	}
	return sd.String(), nil
}

// SetPermissions gives path the owner and access list of sddl (as read by
// Permissions), inherited entries from its folder included unless sddl
// protects the list. It first enables the privileges that SYSTEM holds to
// take ownership and to name any owner: a service shut out by a new owner
// and an entry denying it takes the file back.
func SetPermissions(path, sddl string) error {
	sd, err := windows.SecurityDescriptorFromString(sddl)
	if err != nil {
		return fmt.Errorf("hosts: permissions %q: %w", sddl, err)
	}
	owner, _, err := sd.Owner()
	if err != nil {
		return fmt.Errorf("hosts: permissions %q: %w", sddl, err)
	}
	dacl, _, err := sd.DACL()
	if err != nil {
		return fmt.Errorf("hosts: permissions %q: %w", sddl, err)
	}
	control, _, _ := sd.Control()
	info := windows.SECURITY_INFORMATION(aclParts | windows.UNPROTECTED_DACL_SECURITY_INFORMATION)
	if control&windows.SE_DACL_PROTECTED != 0 {
		info = aclParts | windows.PROTECTED_DACL_SECURITY_INFORMATION
	}
	set := func() error {
		return windows.SetNamedSecurityInfo(path, windows.SE_FILE_OBJECT, info, owner, nil, dacl, nil)
	}
	_ = ownerPrivileges() // without them, a change of owner is refused below
	if err := set(); err != nil {
		return fmt.Errorf("hosts: setting the permissions of %s: %w", path, err)
	}
	return nil
}

var (
	privilegesOnce sync.Once
	privilegesErr  error
)

// ownerPrivileges enables, once, the privileges to take ownership of a file
// and to name any owner for it, which SYSTEM holds but has not enabled.
func ownerPrivileges() error {
	privilegesOnce.Do(func() {
		var token windows.Token
		if privilegesErr = windows.OpenProcessToken(windows.CurrentProcess(), windows.TOKEN_ADJUST_PRIVILEGES|windows.TOKEN_QUERY, &token); privilegesErr != nil {
			return
		}
		defer token.Close()
		for _, name := range []string{"SeTakeOwnershipPrivilege", "SeRestorePrivilege"} {
			var p windows.Tokenprivileges
			p.PrivilegeCount = 1
			p.Privileges[0].Attributes = windows.SE_PRIVILEGE_ENABLED
			if privilegesErr = windows.LookupPrivilegeValue(nil, windows.StringToUTF16Ptr(name), &p.Privileges[0].Luid); privilegesErr != nil {
				return
			}
			if privilegesErr = windows.AdjustTokenPrivileges(token, false, &p, 0, nil, nil); privilegesErr != nil {
				return
			}
		}
	})
	return privilegesErr
}
