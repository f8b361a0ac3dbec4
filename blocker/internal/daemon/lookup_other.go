//go:build !linux

package daemon

// lookupFindingPrefix begins every finding of a lookup as the owner.
const lookupFindingPrefix = "a lookup of a blocked name as your user"

// lookupAnswer is what a lookup as the owner found.
type lookupAnswer int

const (
	lookupBlocked lookupAnswer = iota
	lookupBypassed
	lookupUnknown
)

// lookupAsOwner is a Linux check (glibc's getent as another uid).
func lookupAsOwner(uid int, name, sinkhole string) (lookupAnswer, string) {
	return lookupUnknown, ""
}
