package daemon

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"os"
	"os/exec"
	"os/user"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// lookupFindingPrefix begins every finding of a lookup as the owner.
const lookupFindingPrefix = "a lookup of a blocked name as your user"

// lookupAnswer is what a lookup as the owner found.
type lookupAnswer int

const (
	lookupBlocked  lookupAnswer = iota // every address the sinkhole's or unspecified
	lookupBypassed                     // another address, or none: a finding
	lookupUnknown                      // not asked, or no answer in time: keep what was known
)

// lookupAsOwner asks the system's resolver (glibc, through getent) for
// name as uid would, in a process of that uid with its groups, and says
// in words when the answer is not the block's: a way around it that
// reading the resolver's files did not show (an nsswitch.conf the user
// cannot read, a cache, a module). It knows nothing when it cannot ask
// (not root, no getent, the owner is root or unknown) or gets no answer
// in time.
func lookupAsOwner(uid int, name, sinkhole string) (lookupAnswer, string) {
	if uid <= 0 || os.Geteuid() != 0 {
		return lookupUnknown, ""
	}
	getent, err := exec.LookPath("getent")
	if err != nil {
		return lookupUnknown, ""
	}
	cred, err := credentialOf(uid)
	if err != nil {
		return lookupUnknown, ""
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, getent, "ahosts", name)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	cmd.Dir = "/"
	out, err := cmd.Output()
	var exit *exec.ExitError
	switch {
	case ctx.Err() != nil:
		return lookupUnknown, "" // a slow DNS: no answer is not an answer
	case err == nil && blockedAnswer(string(out), sinkhole):
		return lookupBlocked, ""
	case err == nil:
		return lookupBypassed, fmt.Sprintf(lookupFindingPrefix+" (uid %d) gets another address, not the block's: your programs get around the block", uid)
	case errors.As(err, &exit) && exit.ExitCode() == 2: // getent: not found
		return lookupBypassed, fmt.Sprintf(lookupFindingPrefix+" (uid %d) finds no address, not the block's: your programs get around the block", uid)
	}
	return lookupUnknown, "" // getent could not run as the owner: nothing learnt
}

// credentialOf is uid's identity for a child process: its primary group
// and its other groups, from the user database.
func credentialOf(uid int) (*syscall.Credential, error) {
	u, err := user.LookupId(strconv.Itoa(uid))
	if err != nil {
		return nil, err
	}
	gid, err := strconv.Atoi(u.Gid)
	if err != nil {
		return nil, err
	}
	cred := &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
	if ids, err := u.GroupIds(); err == nil {
		for _, g := range ids {
			if n, err := strconv.Atoi(g); err == nil {
				cred.Groups = append(cred.Groups, uint32(n))
			}
		}
	}
	return cred, nil
}

// blockedAnswer reports whether every address getent gave is the
// sinkhole's or an unspecified one (the section maps names to both).
func blockedAnswer(out, sinkhole string) bool {
	seen := false
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		if len(f) == 0 {
			continue
		}
		addr, err := netip.ParseAddr(f[0])
		if err != nil || (f[0] != sinkhole && !addr.IsUnspecified()) {
			return false
		}
		seen = true
	}
	return seen
}
