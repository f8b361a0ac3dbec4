package cli

import (
	"github.com/spf13/pflag"

	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/nocontact-app/nocontact/blocker/atomicfile"
	"github.com/nocontact-app/nocontact/blocker/client"
	"github.com/nocontact-app/nocontact/resources"
)

// installedDaemon is where `nocontactd install` puts the daemon.
const installedDaemon = "/usr/local/libexec/nocontact/nocontactd"

// setupCommand installs the daemon (through pkexec) and the user's parts:
// the tray's autostart entry, the launcher and the icons. --remove undoes
// them. Where a package installed No Contact it installs no second copy:
// it only records the user (setupPackaged).
func setupCommand(fs *pflag.FlagSet) runFunc {
	remove := fs.Bool("remove", false, "remove the user parts and uninstall the daemon")
	noSystem := fs.Bool("no-system", false, "install only the user parts")
	systemRoot := fs.String("root", "/", "install the daemon under this `DIR` instead of / (tests, packaging), as nocontactd install --root")
	return func(_ []string, env Env) error {
		self, err := os.Executable()
		if err != nil {
			return err
		}
		binDir := filepath.Dir(self)
		if done, err := setupElsewhere(env, binDir, *remove); done {
			return err
		}
		if !*noSystem && packagedInstall(*systemRoot) {
			return setupPackaged(env, *systemRoot, *remove)
		}
		if *remove {
			return setupRemove(env, binDir, *noSystem, *systemRoot)
		}
		fmt.Fprintf(env.Stdout, "No Contact setup will:\n"+
			"  1. install the blocking service (nocontactd) as root: it asks for your password;\n"+
			"  2. start the tray at login and add No Contact to your applications.\n\n")
		if !*noSystem {
			if err := runSystem(env, binDir, *systemRoot, "install", "--owner-uid", strconv.Itoa(os.Getuid())); err != nil {
				return err
			}
			if *systemRoot == "/" {
				waitForDaemon(env)
			}
		}
		if err := installUserParts(binDir); err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, "Done: the tray starts at your next login (start it now: nocontact-tray &).")
		return nil
	}
}

func setupRemove(env Env, binDir string, noSystem bool, root string) error {
	if !noSystem {
		if err := runSystem(env, binDir, root, "uninstall"); err != nil {
			return err
		}
	}
	for _, p := range userPaths() {
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
	}
	fmt.Fprintln(env.Stdout, "Removed No Contact's service, autostart entry, launcher and icons. Your profiles and journal are kept.")
	return nil
}

// runSystem runs nocontactd as root: directly when we are root, else
// through pkexec; without pkexec it says what to run by hand.
func runSystem(env Env, binDir, root string, args ...string) error {
	name, argv, err := systemCommand(os.Geteuid(), binDir, exec.LookPath, append(args, "--root", root))
	if err != nil {
		return err
	}
	var diag strings.Builder
	cmd := exec.Command(name, argv...)
	cmd.Stdout, cmd.Stderr = env.Stdout, io.MultiWriter(env.Stderr, &diag)
	if err := cmd.Run(); err != nil {
		if filepath.Base(name) == "pkexec" {
			return pkexecError(err, diag.String(), argv)
		}
		return fmt.Errorf("%s %s failed: %w", name, strings.Join(argv, " "), err)
	}
	return nil
}

// pkexecError says in a sentence why pkexec did not run the daemon's
// installer, from its exit status (126: not authorised or cancelled; 127:
// no authentication agent or no polkit), and what to do instead.
func pkexecError(err error, stderr string, argv []string) error {
	byHand := "sudo " + strings.Join(argv, " ")
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		switch exit.ExitCode() {
		case 126:
			return fmt.Errorf("setup needs your password as administrator, and it was not given (the request was cancelled or not authorised); try again, or run in a terminal:\n  %s", byHand)
		case 127:
			if strings.Contains(stderr, "authority") || strings.Contains(stderr, "agent") {
				return fmt.Errorf("your desktop has no program running that asks for an administrator password (a polkit authentication agent), so setup could not ask for it; run in a terminal instead:\n  %s", byHand)
			}
		}
	}
	return fmt.Errorf("the service could not be installed as administrator (%v); run in a terminal instead:\n  %s", err, byHand)
}

// systemCommand returns how to run nocontactd with args as root.
func systemCommand(euid int, binDir string, lookPath func(string) (string, error), args []string) (string, []string, error) {
	d := filepath.Join(binDir, "nocontactd")
	if _, err := os.Stat(d); err != nil {
		d = installedDaemon
		if _, err := os.Stat(packagedDaemon); err == nil {
			d = packagedDaemon
		}
	}
	if euid == 0 {
		return d, args, nil
	}
	pkexec, err := lookPath("pkexec")
	if err != nil {
		return "", nil, fmt.Errorf("pkexec is not installed here (a container, WSL or a server without polkit): run this by hand instead:\n  sudo %s %s", d, strings.Join(args, " "))
	}
	return pkexec, append([]string{d}, args...), nil
}

func waitForDaemon(env Env) {
	c := &client.Client{}
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(300 * time.Millisecond) {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		_, err := c.Status(ctx)
		cancel()
		if err == nil {
			fmt.Fprintln(env.Stdout, "The blocking service is running.")
			return
		}
	}
	if runtime.GOOS == "windows" {
		fmt.Fprintln(env.Stdout, "The blocking service did not answer yet: look for No Contact blocker in Services (services.msc), or reinstall No Contact.")
		return
	}
	fmt.Fprintf(env.Stdout, "The blocking service did not answer yet. Where systemd does not run, start it by hand:\n  sudo %s run --owner-uid %d\n", installedDaemon, os.Getuid())
}

// userPaths are the files setup writes for the user: launcher, autostart
// entry, icons.
func userPaths() []string {
	data, config := xdgDir("XDG_DATA_HOME", ".local/share"), xdgDir("XDG_CONFIG_HOME", ".config")
	paths := []string{
		filepath.Join(data, "applications", "app.nocontact.NoContact.desktop"),
		filepath.Join(config, "autostart", "nocontact-tray.desktop"),
	}
	for _, s := range iconSizes() {
		paths = append(paths, filepath.Join(data, "icons", "hicolor", s+"x"+s, "apps", "app.nocontact.NoContact.png"))
	}
	return paths
}

func iconSizes() []string {
	entries, _ := resources.IconSizes.ReadDir("icons")
	var sizes []string
	for _, e := range entries {
		sizes = append(sizes, strings.TrimSuffix(e.Name(), ".png"))
	}
	return sizes
}

func xdgDir(env, fallback string) string {
	if d := os.Getenv(env); d != "" {
		return d
	}
	home, _ := os.UserHomeDir()
	return filepath.Join(home, fallback)
}

// installUserParts writes the launcher and autostart entry (pointing at
// the binaries in binDir) and the icons.
func installUserParts(binDir string) error {
	paths := userPaths()
	files := map[string][]byte{
		paths[0]: []byte(strings.Replace(resources.DesktopApp, "Exec=nocontact", "Exec="+filepath.Join(binDir, "nocontact"), 1)),
		paths[1]: []byte(strings.Replace(resources.DesktopTray, "Exec=nocontact-tray", "Exec="+filepath.Join(binDir, "nocontact-tray"), 1)),
	}
	for i, s := range iconSizes() {
		b, err := resources.IconSizes.ReadFile("icons/" + s + ".png")
		if err != nil {
			return err
		}
		files[paths[2+i]] = b
	}
	for p, b := range files {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := atomicfile.Write(p, b, 0o644); err != nil {
			return err
		}
	}
	return nil
}
