package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strconv"
	"strings"

	"github.com/nocontact-app/nocontact/resources"
)

// Where the systemd service's files go, under --root.
const (
	libexecDir = "/usr/local/libexec/nocontact" // the binary
	daemonExe  = "nocontactd"
	unitPath   = "/etc/systemd/system/nocontactd.service"
	policyPath = "/usr/share/polkit-1/actions/app.nocontact.nocontactd.policy"
	unitName   = "nocontactd.service"
)

// service is systemd: a unit that restarts the daemon and watches it
// (WatchdogSec), and the polkit action the window's install asks for.
var service supervisor = systemd{}

type systemd struct{}

func (systemd) files(f *installFlags) []serviceFile {
	unit := strings.NewReplacer("@LIBEXEC@", libexecDir, "@OWNER_UID@", strconv.Itoa(f.ownerUID)).Replace(resources.SystemdUnit)
	return []serviceFile{{unitPath, []byte(unit), 0o644}, {policyPath, []byte(resources.PolkitPolicy), 0o644}}
}

func (systemd) start(stdout io.Writer, _ *installFlags) error {
	return systemctl(stdout, "enable", "--now", unitName)
}

func (systemd) stop(stdout io.Writer) error { return systemctl(stdout, "disable", "--now", unitName) }

// release is not needed: a running binary is replaced by rename, and start
// restarts the service onto the new one.
func (systemd) release(io.Writer) error { return nil }

func (systemd) self() (string, error) {
	return "", errors.New("--owner-sid is for Windows; give --owner-uid")
}

// systemctl runs systemctl, or says what to do where systemd does not run
// (containers, WSL).
func systemctl(stdout io.Writer, args ...string) error {
	if _, err := os.Stat("/run/systemd/system"); err != nil {
		fmt.Fprintf(stdout, "systemd is not running here: start the daemon by hand with\n  sudo %s/nocontactd run --owner-uid UID\n", libexecDir)
		return nil
	}
	out, err := exec.Command("systemctl", args...).CombinedOutput()
	if err != nil {
		return fmt.Errorf("systemctl %s: %v: %s", strings.Join(args, " "), err, strings.TrimSpace(string(out)))
	}
	return nil
}

// serveDaemon runs the daemon until it is told to stop.
func serveDaemon(run func(context.Context) error, _ bool) error { return serveForeground(run) }

// cleanupWay is how a person ends a stuck block here, for the refusals.
const cleanupWay = "`sudo nocontact cleanup`"
