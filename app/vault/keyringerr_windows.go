package vault

import (
	"errors"
	"fmt"

	"golang.org/x/sys/windows"
)

// platformKeyringError maps Credential Manager's refusals: no logon
// session (a service's or a guest's account has no credential store) and
// access denied.
func platformKeyringError(err error) error {
	switch {
	case errors.Is(err, windows.ERROR_NO_SUCH_LOGON_SESSION):
		return fmt.Errorf("%w: %v", ErrNoKeyring, err)
	case errors.Is(err, windows.ERROR_ACCESS_DENIED):
		return fmt.Errorf("%w: %v", ErrKeyringDeny, err)
	}
	return nil
}
