package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/netip"
	"os"
	"os/signal"
	"syscall"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/client"
	"github.com/nocontact-app/nocontact/blocker/daemon"
	"github.com/nocontact-app/nocontact/blocker/hosts"
)

// daemonFlags parses the flags run and cleanup share into a daemon.Config.
func daemonFlags(name string, args []string, stderr io.Writer) (daemon.Config, error) {
	cfg := daemon.Config{}
	fs := newFlagSet(name)
	fs.StringVar(&cfg.HostsFile, "hosts-file", hosts.DefaultPath, "the hosts file")
	fs.StringVar(&cfg.StateDir, "state-dir", daemon.DefaultStateDir, "where the session state and event log live")
	fs.StringVar(&cfg.Socket, "socket", api.SocketPath(), "the API's unix socket")
	fs.IntVar(&cfg.OwnerUID, "owner-uid", -1, "the user allowed to use the API besides root")
	sinkhole := fs.String("sinkhole", hosts.DefaultSinkhole.String(), "IPv4 loopback address blocked names point to")
	fs.IntVar(&cfg.HTTPPort, "http-port", 80, "sinkhole HTTP port (0: off)")
	fs.IntVar(&cfg.HTTPSPort, "https-port", 443, "sinkhole HTTPS port (0: off)")
	browserRoot := fs.String("browser-root", "", "look for browsers and write their policies under this directory (default: / when --hosts-file is the system's, else none: a daemon on a test hosts file never touches the real browsers); \"off\" turns browser policies off")
	level := fs.String("log-level", "info", "debug, info, warn or error (hostnames only at debug)")
	if err := fs.Parse(args); err != nil {
		return cfg, usagef("%s: %v", name, err)
	}
	if fs.NArg() > 0 {
		return cfg, usagef("%s: unexpected %q", name, fs.Arg(0))
	}
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

// runCommand serves until SIGTERM or SIGINT. The block stays in place.
func runCommand(args []string, stderr io.Writer) error {
	cfg, err := daemonFlags("run", args, stderr)
	if err != nil {
		return err
	}
	d, err := daemon.New(cfg)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	return d.Run(ctx)
}

// cleanupCommand ends any session whatever its lock and lifts the block:
// through the running daemon if there is one (it checks that the caller is
// root), else directly on the files.
func cleanupCommand(args []string, stdout, stderr io.Writer) error {
	cfg, err := daemonFlags("cleanup", args, stderr)
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
