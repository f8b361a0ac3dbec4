package daemon

import (
	"errors"
	"fmt"
	"net"

	"github.com/Microsoft/go-winio"
	"golang.org/x/sys/windows"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// The API on Windows, the other side of the seam of transport_unix.go: a
// named pipe whose security descriptor lets only SYSTEM, the
// Administrators and the owner's SID open it, and each caller named from
// the pipe itself: the process at its other end
// (GetNamedPipeClientProcessId) and that process's token, never a claim in
// the request.

// pipeTransport is the API on a named pipe.
type pipeTransport struct {
	path     string // \\.\pipe\...
	ownerSID string // "" : only SYSTEM and the administrators
	owner    int    // what peer returns for the owner (Config.OwnerUID)
}

func newTransport(cfg *Config) transport {
	return pipeTransport{path: api.PipeName(cfg.Socket), ownerSID: cfg.OwnerSID, owner: cfg.OwnerUID}
}

// pipeSDDL is the pipe's security descriptor: full access for SYSTEM and
// the Administrators, read and write for the owner, nobody else; "P"
// keeps inherited entries out.
func pipeSDDL(ownerSID string) string {
	sd := "D:P(A;;GA;;;SY)(A;;GA;;;BA)"
	if ownerSID != "" {
		sd += "(A;;GRGW;;;" + ownerSID + ")"
	}
	return sd
}

// listen creates the pipe; a pipe of that name that exists already means
// another nocontactd serves (the first instance is ours or nobody's).
func (t pipeTransport) listen() (net.Listener, error) {
	if t.ownerSID != "" {
		if _, err := windows.StringToSid(t.ownerSID); err != nil {
			return nil, fmt.Errorf("daemon: the owner's SID %q: %w", t.ownerSID, err)
		}
	}
	ln, err := winio.ListenPipe(t.path, &winio.PipeConfig{SecurityDescriptor: pipeSDDL(t.ownerSID), InputBufferSize: 64 << 10, OutputBufferSize: 64 << 10})
	if errors.Is(err, windows.ERROR_ACCESS_DENIED) || errors.Is(err, windows.ERROR_PIPE_BUSY) {
		return nil, fmt.Errorf("daemon: another nocontactd is serving %s", t.path)
	}
	if err != nil {
		return nil, fmt.Errorf("daemon: listen on %s: %w", t.path, err)
	}
	return ln, nil
}

// peer names the process at the other end of the pipe by its token: 0
// for SYSTEM or an elevated administrator, the owner's number for the
// owner's SID, -1 for anyone else or when it cannot be told.
func (t pipeTransport) peer(c net.Conn) int {
	h, ok := c.(interface{ Fd() uintptr })
	if !ok {
		return -1
	}
	var pid uint32
	if err := windows.GetNamedPipeClientProcessId(windows.Handle(h.Fd()), &pid); err != nil {
		return -1
	}
	sid, admin, err := processUser(pid)
	if err != nil {
		return -1
	}
	switch {
	case admin:
		return 0
	case t.ownerSID != "" && sid == t.ownerSID:
		return t.owner
	}
	return -1
}

// processUser returns the SID of the user a process runs as, and whether
// it runs as SYSTEM or as an elevated member of the Administrators.
func processUser(pid uint32) (sid string, admin bool, err error) {
	p, err := windows.OpenProcess(windows.PROCESS_QUERY_LIMITED_INFORMATION, false, pid)
	if err != nil {
		return "", false, err
	}
	defer windows.CloseHandle(p)
	var tok windows.Token
	if err := windows.OpenProcessToken(p, windows.TOKEN_QUERY, &tok); err != nil {
		return "", false, err
	}
	defer tok.Close()
	u, err := tok.GetTokenUser()
	if err != nil {
		return "", false, err
	}
	sid = u.User.Sid.String()
	if u.User.Sid.IsWellKnown(windows.WinLocalSystemSid) {
		return sid, true, nil
	}
	admin, err = enabledAdmin(tok)
	return sid, admin && tok.IsElevated(), err
}

// enabledAdmin reports whether a token holds the Administrators group
// enabled: in a filtered token (an administrator not elevated) the group
// is there for deny only. Read from the token's groups, as a process
// token is a primary token, which CheckTokenMembership refuses.
func enabledAdmin(tok windows.Token) (bool, error) {
	groups, err := tok.GetTokenGroups()
	if err != nil {
		return false, err
	}
	for _, g := range groups.AllGroups() {
		if g.Sid.IsWellKnown(windows.WinBuiltinAdministratorsSid) && g.Attributes&windows.SE_GROUP_ENABLED != 0 &&
			g.Attributes&windows.SE_GROUP_USE_FOR_DENY_ONLY == 0 {
			return true, nil
		}
	}
	return false, nil
}
