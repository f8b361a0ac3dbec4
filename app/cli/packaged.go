package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"time"

	"github.com/spf13/pflag"

	"github.com/nocontact-app/nocontact/blocker/client"
)

// Where the distribution packages (make package) put the daemon and its
// unit; `nocontactd install` uses /usr/local/libexec and /etc instead.
const (
	packagedDaemon = "/usr/libexec/nocontact/nocontactd"
	packagedUnit   = "/usr/lib/systemd/system/nocontactd.service"
)

// underRoot is path inside root.
func underRoot(root, path string) string {
	if root == "/" || root == "" {
		return path
	}
	return filepath.Join(root, path)
}

// packagedInstall reports whether a package installed No Contact under
// root: then setup installs no second copy.
func packagedInstall(root string) bool {
	for _, p := range []string{packagedDaemon, packagedUnit} {
		if _, err := os.Stat(underRoot(root, p)); err != nil {
			return false
		}
	}
	return true
}

// setupPackaged is setup where a package installed everything for every
// user: the service (running, with no owner it could know), the launcher,
// the tray's autostart and the icons. What is left is to record who may
// use the daemon, as root (pkexec), unless the daemon answers this user.
func setupPackaged(env Env, root string, remove bool) error {
	if remove {
		return errors.New("setup --remove: No Contact is installed from a package here: remove it with your package manager (sudo apt remove nocontact, or sudo dnf remove nocontact); your data is kept")
	}
	fmt.Fprintln(env.Stdout, "No Contact is installed from a package: the blocking service, the launcher and the tray's autostart are in place for every user.")
	if root == "/" && daemonAnswers() {
		fmt.Fprintln(env.Stdout, "The blocking service already answers you: nothing more to set up.")
		return nil
	}
	fmt.Fprintln(env.Stdout, "Setup records you as the user of the blocking service: it asks for your password.")
	daemonDir := filepath.Dir(underRoot(root, packagedDaemon))
	if err := runSystem(env, daemonDir, root, "owner", "--owner-uid", strconv.Itoa(os.Getuid())); err != nil {
		return err
	}
	if root == "/" {
		waitForDaemon(env)
	}
	return nil
}

// daemonAnswers reports whether the daemon serves this user already.
func daemonAnswers() bool {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_, err := (&client.Client{}).Status(ctx)
	return err == nil
}

// cleanupCommand ends any block whatever its lock and removes the hosts
// section and the browser policies, as root: the escape hatch for a
// broken machine, and the way out a package's refused removal names. The
// running daemon does it (it checks that the caller is root, and logs
// it); with none running, nocontactd cleanup does it on the files.
func cleanupCommand(fs *pflag.FlagSet) runFunc {
	sock := fs.String("socket", "", "the daemon's socket `PATH`")
	return func(_ []string, env Env) error {
		if os.Geteuid() != 0 {
			return runError{errors.New("cleanup ends any block and is for root: run `sudo nocontact cleanup`")}
		}
		err := (&client.Client{Socket: *sock}).Cleanup(context.Background())
		if err == nil {
			fmt.Fprintln(env.Stdout, "cleanup done: no block is running; the hosts section and the browser policies are removed")
			return nil
		}
		if !errors.Is(err, client.ErrNotRunning) {
			return err
		}
		self, err := os.Executable()
		if err != nil {
			return err
		}
		name, argv, err := systemCommand(0, filepath.Dir(self), exec.LookPath, []string{"cleanup"})
		if err != nil {
			return err
		}
		if *sock != "" {
			argv = append(argv, "--socket", *sock)
		}
		cmd := exec.Command(name, argv...)
		cmd.Stdout, cmd.Stderr = env.Stdout, env.Stderr
		if err := cmd.Run(); err != nil {
			return runError{fmt.Errorf("%s cleanup: %w", name, err)}
		}
		return nil
	}
}
