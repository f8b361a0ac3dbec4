package main

import (
	"context"
	"errors"
	"fmt"
	"github.com/spf13/pflag"
	"io"
	"log/slog"
	"net/netip"
	"os"
	"os/signal"
	"syscall"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/client"
	"github.com/nocontact-app/nocontact/blocker/internal/daemon"
	"github.com/nocontact-app/nocontact/blocker/internal/hosts"
)

// daemonFlags declares the flags run and cleanup share on fs, and returns
// what turns their values into a daemon.Config once they are parsed.
func daemonFlags(fs *pflag.FlagSet) func(stderr io.Writer) (daemon.Config, error) {
	cfg := daemon.Config{}
	fs.StringVar(&cfg.HostsFile, "hosts-file", hosts.DefaultPath, "the hosts `FILE`")
	fs.StringVar(&cfg.StateDir, "state-dir", daemon.DefaultStateDir, "where the session state and event log live (`DIR`)")
	fs.StringVar(&cfg.Socket, "socket", api.SocketPath(), "the API's unix socket (`PATH`)")
	fs.IntVar(&cfg.OwnerUID, "owner-uid", -1, "the user allowed to use the API besides root (`UID`; default: the one `nocontactd owner` recorded in the state directory)")
	fs.StringVar(&cfg.OwnerSID, "owner-sid", "", "on Windows, the user allowed to use the API besides SYSTEM and the administrators (`SID`)")
	sinkhole := fs.String("sinkhole", hosts.DefaultSinkhole.String(), "IPv4 loopback `ADDRESS` blocked names point to")
	fs.IntVar(&cfg.HTTPPort, "http-port", 80, "sinkhole HTTP `PORT` (0: off)")
	fs.IntVar(&cfg.HTTPSPort, "https-port", 443, "sinkhole HTTPS `PORT` (0: off)")
	browserRoot := fs.String("browser-root", "", "look for browsers and write their policies under this `DIR` (default: / when --hosts-file is the system's, else none: a daemon on a test hosts file never touches the real browsers); \"off\" turns browser policies off")
	level := fs.String("log-level", "info", "`LEVEL`: debug, info, warn or error (hostnames only at debug)")
	return func(stderr io.Writer) (daemon.Config, error) {
		addr, err := netip.ParseAddr(*sinkhole)
		if err != nil || !addr.Is4() || !addr.IsLoopback() {
			return cfg, usagef("--sinkhole %q: want an IPv4 loopback address such as 127.78.0.1", *sinkhole)
		}
		cfg.Sinkhole = addr
		switch {
		case *browserRoot == "off":
		case *browserRoot != "":
			cfg.BrowserRoot = *browserRoot
		case cfg.HostsFile == hosts.DefaultPath:
			cfg.BrowserRoot = "/"
		}
		var lv slog.Level
		if err := lv.UnmarshalText([]byte(*level)); err != nil {
			return cfg, usagef("--log-level %q: want debug, info, warn or error", *level)
		}
		cfg.Logger = slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: lv}))
		return cfg, nil
	}
}

// runCommand serves until SIGTERM or SIGINT, or the service manager
// stops it. The block stays in place. Without --owner-uid the owner is
// the one recorded in the state directory (ownerFile), if any.
func runCommand(config func(io.Writer) (daemon.Config, error), asService bool, stderr io.Writer) error {
	cfg, err := config(stderr)
	if err != nil {
		return err
	}
	if cfg.OwnerUID < 0 && cfg.OwnerSID == "" {
		if cfg.OwnerUID, err = readOwner(cfg.StateDir); err != nil {
			return err
		}
	}
	d, err := daemon.New(cfg)
	if err != nil {
		return err
	}
	return serveDaemon(d.Run, asService)
}

// serveForeground runs the daemon until SIGTERM or SIGINT (Ctrl-C).
func serveForeground(run func(context.Context) error) error {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	return run(ctx)
}

// cleanupCommand ends any session whatever its lock and lifts the block:
// through the running daemon if there is one (it checks that the caller is
// root), else directly on the files.
func cleanupCommand(config func(io.Writer) (daemon.Config, error), stdout, stderr io.Writer) error {
	cfg, err := config(stderr)
	if err != nil {
		return err
	}
	c := &client.Client{Socket: cfg.Socket}
	err = c.Cleanup(context.Background())
	switch {
	case err == nil:
		fmt.Fprintln(stdout, "cleanup done by the running daemon: no session, hosts section removed")
		return nil
	case !errors.Is(err, client.ErrNotRunning):
		return err
	}
	cfg.HTTPPort, cfg.HTTPSPort = 0, 0 // cleanup never listens
	d, err := daemon.New(cfg)
	if err != nil {
		return err
	}
	if err := d.Cleanup(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "cleanup done (daemon not running): no session, section removed from %s\n", cfg.HostsFile)
	return nil
}
