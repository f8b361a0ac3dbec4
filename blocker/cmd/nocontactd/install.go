package main

import (
	"context"
	"errors"
	"fmt"
	"github.com/spf13/pflag"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/atomicfile"
	"github.com/nocontact-app/nocontact/blocker/client"
	"github.com/nocontact-app/nocontact/blocker/internal/daemon"
	"github.com/nocontact-app/nocontact/blocker/internal/session"
)

// supervisor is how this system installs and runs the daemon as a
// service, the platform seam of install and uninstall: systemd on Linux
// (service_linux.go); elsewhere none yet (service_other.go), and the
// daemon runs in the foreground with `nocontactd run`.
type supervisor interface {
	// files are what the service needs besides the binary, by path
	// under the root.
	files(f *installFlags) []serviceFile
	start(stdout io.Writer, f *installFlags) error // enable and start it
	stop(stdout io.Writer) error                   // stop and disable it
	// release lets go of the installed binary so that an upgrade can
	// replace it: on Windows the running service holds it open. The
	// block stays in the state, and the new daemon re-reads it.
	release(stdout io.Writer) error
	// self is the owner of the daemon when install is given "self": on
	// Windows the SID of the user running it (the installer's person).
	self() (string, error)
}

// serviceFile is one file a supervisor needs written.
type serviceFile struct {
	path string
	data []byte
	perm os.FileMode
}

type installFlags struct {
	root     string
	ownerUID int
	ownerSID string // Windows
	noStart  bool
	purge    bool // uninstall: remove the state and history too
}

// addInstallFlags declares install's and uninstall's flags on fs.
func addInstallFlags(fs *pflag.FlagSet, owner bool) *installFlags {
	f := &installFlags{ownerUID: -1}
	fs.StringVar(&f.root, "root", "/", "install under this `DIR` instead of / (for packaging and tests)")
	if owner {
		fs.IntVar(&f.ownerUID, "owner-uid", -1, "the user who may use the daemon (`UID`)")
		fs.StringVar(&f.ownerSID, "owner-sid", "", "on Windows, the user who may use the daemon (`SID`)")
		fs.BoolVar(&f.noStart, "no-start", false, "install the files only; do not enable or start the service")
	} else {
		fs.BoolVar(&f.purge, "remove-data", false, "also remove the daemon's state and the history of attempts (kept by default, for a later install)")
	}
	return f
}

// installCommand installs the binary, the systemd unit and the state dir,
// and enables and starts the service where systemd runs.
func installCommand(f *installFlags, stdout io.Writer) error {
	if f.ownerUID < 0 && f.ownerSID == "" {
		return usagef("install: --owner-uid UID (--owner-sid SID on Windows) is needed: the user who may use the daemon")
	}
	if packaged(f.root) {
		return errors.New("install: No Contact's service is installed here by a package; to let a user use it, run `nocontactd owner --owner-uid UID` (nocontact setup does)")
	}
	if f.ownerSID == "self" {
		sid, err := service.self()
		if err != nil {
			return fmt.Errorf("install: who is running it: %w", err)
		}
		f.ownerSID = sid
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	bin, err := os.ReadFile(self)
	if err != nil {
		return fmt.Errorf("install: read %s: %w", self, err)
	}
	dest := under(f.root, libexecDir, daemonExe)
	if f.root == "/" && !f.noStart {
		if err := service.release(stdout); err != nil {
			return fmt.Errorf("install: stopping the running service to replace it: %w", err)
		}
	}
	if err := writeFile(dest, bin, 0o755); err != nil {
		return err
	}
	written := []string{dest}
	for _, sf := range service.files(f) {
		if err := writeFile(under(f.root, sf.path), sf.data, sf.perm); err != nil {
			return err
		}
		written = append(written, under(f.root, sf.path))
	}
	if err := atomicfile.MkdirPrivate(under(f.root, daemon.DefaultStateDir)); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "installed %s\n", strings.Join(written, " and "))
	if f.noStart || f.root != "/" {
		return nil
	}
	return service.start(stdout, f)
}

// uninstallCommand stops and removes the service; it refuses while a
// session runs (use cleanup first). The state and history stay unless
// --remove-data.
func uninstallCommand(f *installFlags, stdout io.Writer) error {
	if packaged(f.root) {
		return errors.New("uninstall: No Contact is installed here by a package: remove it with the package manager (apt remove nocontact, dnf remove nocontact)")
	}
	if running, err := sessionRunning(f.root); err != nil {
		return err
	} else if running {
		return errSessionRunning
	}
	if f.root == "/" && !f.noStart {
		if err := service.stop(stdout); err != nil {
			fmt.Fprintf(stdout, "uninstall: stopping the service failed (%v); its files are removed anyway\n", err)
		}
	}
	paths := []string{under(f.root, libexecDir, daemonExe)}
	for _, sf := range service.files(f) {
		paths = append(paths, under(f.root, sf.path))
	}
	for _, p := range paths {
		if err := os.Remove(p); err != nil && !errors.Is(err, os.ErrNotExist) {
			return err
		}
	}
	os.Remove(under(f.root, libexecDir))
	state := under(f.root, daemon.DefaultStateDir)
	if !f.purge {
		fmt.Fprintf(stdout, "uninstalled nocontactd; its state and history are kept in %s (uninstall --remove-data removes them)\n", state)
		return nil
	}
	if err := os.RemoveAll(state); err != nil {
		return err
	}
	fmt.Fprintln(stdout, "uninstalled nocontactd and removed its state and history")
	return nil
}

// errSessionRunning is uninstall's refusal during a block (exit status 3).
var errSessionRunning = errors.New("uninstall: a block session is running; it cannot be uninstalled until it ends (or " + cleanupWay + ")")

// sessionRunning asks the running daemon, or reads its state when none runs.
// A daemon that does not answer is asked twice more: one just (re)started
// by an installer may not answer its first call (under Wine it never
// does).
func sessionRunning(root string) (bool, error) {
	if root == "/" {
		var err error
		for try := 0; try < 3; try++ {
			var st *api.Status
			if st, err = (&client.Client{}).Status(context.Background()); err == nil {
				return st.Session != nil, nil
			}
			if !errors.Is(err, client.ErrNotAnswering) {
				break
			}
		}
		if !errors.Is(err, client.ErrNotRunning) {
			return false, err
		}
	}
	store, err := session.NewStore(under(root, daemon.DefaultStateDir))
	if err != nil {
		return false, err
	}
	st, _, err := store.Load()
	if err != nil {
		return true, fmt.Errorf("uninstall: the daemon's state is unreadable; run `sudo nocontact cleanup` first: %w", err)
	}
	return st.Session != nil, nil
}

func writeFile(path string, data []byte, perm os.FileMode) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	if err := atomicfile.Write(path, data, perm); err != nil {
		return fmt.Errorf("install: %w", err)
	}
	return nil
}

// under is path inside root: itself for root "/", else joined below it
// without its drive (C:\Program Files under D:\stage is D:\stage\Program Files).
func under(root string, path ...string) string {
	p := filepath.Join(path...)
	if root == "/" {
		return p
	}
	return filepath.Join(root, strings.TrimPrefix(p, filepath.VolumeName(p)))
}
