package cli

import (
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"golang.org/x/sys/windows"
)

// setupElsewhere is setup on Windows, where the installer sets No Contact
// up. When the service is gone (removed by hand), it installs it again
// from nocontactd.exe beside this program, for this user: Windows asks
// for an administrator at its prompt, and setup waits for the service to
// answer. A removal goes through Apps & Features.
func setupElsewhere(env Env, binDir string, remove bool) (bool, error) {
	if remove {
		return true, errors.New("on Windows No Contact is removed in Settings, Apps & Features (its uninstaller stops the service and lifts the block's traces)")
	}
	u, err := windows.GetCurrentProcessToken().GetTokenUser()
	if err != nil {
		return true, fmt.Errorf("setup: who you are: %w", err)
	}
	daemon := filepath.Join(binDir, "nocontactd.exe")
	args := "install --owner-sid " + u.User.Sid.String()
	fmt.Fprintln(env.Stdout, "Installing the blocking service: Windows asks for an administrator's permission.")
	verb, file, params := windows.StringToUTF16Ptr("runas"), windows.StringToUTF16Ptr(daemon), windows.StringToUTF16Ptr(args)
	if err := windows.ShellExecute(0, verb, file, params, nil, windows.SW_HIDE); err != nil {
		if errors.Is(err, windows.ERROR_CANCELLED) {
			return true, errors.New("setup: permission was not given at Windows' prompt, so the blocking service is not installed; try again, or reinstall No Contact")
		}
		return true, fmt.Errorf("setup: starting %s as an administrator: %w", daemon, err)
	}
	time.Sleep(time.Second) // the prompt comes first; waitForDaemon then polls
	waitForDaemon(env)
	return true, nil
}
