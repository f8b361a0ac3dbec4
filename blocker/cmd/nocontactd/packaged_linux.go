package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/atomicfile"
	"github.com/nocontact-app/nocontact/blocker/client"
	"github.com/nocontact-app/nocontact/blocker/internal/daemon"
)

// packagedUnit is where a distribution package puts the unit (the
// systemd unit directory of packages); `nocontactd install` writes
// /etc/systemd/system instead. Its presence says the package is installed.
const packagedUnit = "/usr/lib/systemd/system/nocontactd.service"

// packageCommands are the commands a distribution package needs: owner
// (`nocontact setup` records the user the package's unit cannot know) and
// before-remove (the maintainer scripts ask it before a removal).
func packageCommands(stdout, stderr io.Writer) []*cobra.Command {
	owner := &cobra.Command{Use: "owner", Short: "Record the user who may use the daemon (root), then restart the service to apply it", Args: noArgs}
	uid := owner.Flags().Int("owner-uid", -1, "the user who may use the daemon (`UID`)")
	root := owner.Flags().String("root", "/", "the system's root (`DIR`; tests and packaging)")
	owner.RunE = func(*cobra.Command, []string) error {
		return do(func() error { return ownerCommand(*uid, *root, stdout) })
	}
	before := &cobra.Command{Use: "before-remove", Short: "For the package's scripts: refuse while a block runs, else make sure the section and browser policies are lifted", Args: noArgs}
	config := daemonFlags(before.Flags())
	before.RunE = func(*cobra.Command, []string) error {
		return do(func() error { return beforeRemoveCommand(config, stdout, stderr) })
	}
	return []*cobra.Command{owner, before}
}

// ownerCommand writes the owner file into the state directory and
// restarts a running service, which reads it at start (the block and its
// credited time survive a restart).
func ownerCommand(uid int, root string, stdout io.Writer) error {
	if uid < 0 {
		return usagef("owner: --owner-uid UID is needed: the user who may use the daemon")
	}
	dir := under(root, daemon.DefaultStateDir)
	if err := atomicfile.MkdirPrivate(dir); err != nil {
		return err
	}
	if err := atomicfile.Write(filepath.Join(dir, ownerFile), []byte(strconv.Itoa(uid)+"\n"), 0o600); err != nil {
		return fmt.Errorf("owner: %w", err)
	}
	fmt.Fprintf(stdout, "recorded uid %d as the user who may use No Contact's daemon\n", uid)
	if root != "/" {
		return nil
	}
	return systemctl(stdout, "try-restart", unitName)
}

// errBlockRunning refuses a removal during a block.
var errBlockRunning = errors.New("a block is running")

// beforeRemoveCommand is what the package's scripts run before they stop
// and remove the daemon: it refuses while a block runs (the removal of
// the app must not be a way to end one), and otherwise makes sure the
// hosts section and the browser policies are gone, through the running
// daemon's status, or by lifting them itself when no daemon runs.
func beforeRemoveCommand(config func(io.Writer) (daemon.Config, error), stdout, stderr io.Writer) error {
	cfg, err := config(stderr)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	st, err := (&client.Client{Socket: cfg.Socket}).Status(ctx)
	switch {
	case err == nil:
		if st.Session != nil {
			return refuseRemoval(st.Session)
		}
		if st.Hosts.LiftPending || st.Hosts.Error != "" {
			return fmt.Errorf("the daemon has not lifted its block yet (%s); wait a minute and remove again, or end everything as root with `sudo nocontact cleanup`", st.Hosts.Error)
		}
		fmt.Fprintln(stdout, "nocontactd: no block is running; the hosts section and the browser policies are lifted")
		return nil
	case !errors.Is(err, client.ErrNotRunning):
		return fmt.Errorf("before-remove: asking the daemon: %w", err)
	}
	cfg.HTTPPort, cfg.HTTPSPort = 0, 0 // never listens
	d, err := daemon.New(cfg)
	if err != nil {
		return fmt.Errorf("before-remove: the daemon's state is unreadable (%w); end everything as root with `sudo nocontact cleanup`, then remove again", err)
	}
	if s := d.Status().Session; s != nil {
		return refuseRemoval(s)
	}
	if err := d.LiftIdle(); err != nil {
		return fmt.Errorf("before-remove: lifting the hosts section and browser policies: %w", err)
	}
	fmt.Fprintln(stdout, "nocontactd: no block is running; the hosts section and the browser policies are lifted")
	return nil
}

// refuseRemoval is the sentence a person reads in apt's or dnf's output.
func refuseRemoval(s *api.Session) error {
	return fmt.Errorf("%w (lock: %s, until about %s): No Contact is not removed during a block, so removing the app cannot end it. "+
		"Wait until the block ends, or end it now as root with `sudo nocontact cleanup` (it is logged), then remove the package again",
		errBlockRunning, s.Lock.Mode, s.Ends.Local().Format("Mon 2 Jan 2006 15:04 MST"))
}

// packaged reports whether a distribution package installed the daemon
// under root.
func packaged(root string) bool {
	_, err := os.Stat(under(root, packagedUnit))
	return err == nil
}
