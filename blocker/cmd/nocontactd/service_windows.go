package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"golang.org/x/sys/windows"
	"golang.org/x/sys/windows/svc"
	"golang.org/x/sys/windows/svc/mgr"
)

// The Windows service, through the service manager itself
// (golang.org/x/sys/windows/svc and svc/mgr): the same module the daemon
// already uses for the pipe and the registry, no second abstraction over
// systemd and launchd (kardianos/service), and the recovery actions and
// the failure flag it needs are set directly.

// Where install puts the binary, under --root.
const (
	libexecDir  = `C:\Program Files\No Contact`
	daemonExe   = "nocontactd.exe"
	serviceName = "nocontactd"
)

// service is the Windows service manager.
var service supervisor = windowsService{}

type windowsService struct{}

func (windowsService) files(*installFlags) []serviceFile { return nil }

// recovery restarts the daemon after 1 s, 5 s and 30 s, and every failure
// after, the count reset after a day.
var recovery = []mgr.RecoveryAction{
	{Type: mgr.ServiceRestart, Delay: time.Second},
	{Type: mgr.ServiceRestart, Delay: 5 * time.Second},
	{Type: mgr.ServiceRestart, Delay: 30 * time.Second},
}

// start creates the service (started at boot, as LocalSystem, restarted on
// failure, an exit with an error counted as a failure) and starts it.
func (windowsService) start(stdout io.Writer, f *installFlags) error {
	m, err := mgr.Connect()
	if err != nil {
		return fmt.Errorf("install: the service manager: %w", err)
	}
	defer m.Disconnect()
	exe := under(f.root, libexecDir, daemonExe)
	s, err := m.CreateService(serviceName, exe, mgr.Config{
		DisplayName: "No Contact blocker", StartType: mgr.StartAutomatic, ErrorControl: mgr.ErrorNormal,
		Description: "Keeps a No Contact block in the hosts file and the browsers' policies until it ends.",
	}, "run", "--service", "--owner-sid", f.ownerSID)
	if err != nil {
		return fmt.Errorf("install: create the service: %w", err)
	}
	defer s.Close()
	err = s.SetRecoveryActions(recovery, uint32((24 * time.Hour).Seconds()))
	if err == nil {
		err = s.SetRecoveryActionsOnNonCrashFailures(true)
	}
	switch {
	case errors.Is(err, windows.ERROR_INVALID_LEVEL): // Wine's service manager keeps no recovery actions
		fmt.Fprintln(stdout, "this service manager takes no recovery actions: the daemon will not be restarted if it fails")
	case err != nil:
		return fmt.Errorf("install: the service's recovery actions: %w", err)
	}
	if err := s.Start(); err != nil {
		return fmt.Errorf("install: start the service: %w", err)
	}
	fmt.Fprintf(stdout, "service %s installed and started\n", serviceName)
	return nil
}

// release stops and deletes an installed service before its binary is
// replaced (an upgrade); start creates it again.
func (w windowsService) release(stdout io.Writer) error { return w.stop(stdout) }

// self is the SID of the user running install: the person who ran the
// installer (an administrator, as most home users are; if another
// administrator's password was typed at the UAC prompt, that one).
func (windowsService) self() (string, error) {
	u, err := windows.GetCurrentProcessToken().GetTokenUser()
	if err != nil {
		return "", err
	}
	return u.User.Sid.String(), nil
}

// stop stops the service, waits for it, and deletes it.
func (windowsService) stop(stdout io.Writer) error {
	m, err := mgr.Connect()
	if err != nil {
		return err
	}
	defer m.Disconnect()
	s, err := m.OpenService(serviceName)
	if errors.Is(err, windows.ERROR_SERVICE_DOES_NOT_EXIST) {
		return nil
	}
	if err != nil {
		return err
	}
	defer s.Close()
	if st, err := s.Control(svc.Stop); err == nil {
		for i := 0; st.State != svc.Stopped && i < 100; i++ {
			time.Sleep(100 * time.Millisecond)
			if st, err = s.Query(); err != nil {
				break
			}
		}
	}
	return s.Delete()
}

// serveDaemon runs the daemon until the service manager stops it (run
// --service, as the service is installed; or started by services.exe),
// or, run by hand (and in tests), until Ctrl-C.
func serveDaemon(run func(context.Context) error, asService bool) error {
	if is, err := svc.IsWindowsService(); !asService && (err != nil || !is) {
		return serveForeground(run)
	}
	h := &serviceHandler{run: run}
	if err := svc.Run(serviceName, h); err != nil {
		return err
	}
	return h.err
}

type serviceHandler struct {
	run func(context.Context) error
	err error
}

// Execute reports the service running, serves until Stop or Shutdown, and
// exits with an error code when the daemon failed, so that the recovery
// actions restart it.
func (h *serviceHandler) Execute(_ []string, req <-chan svc.ChangeRequest, status chan<- svc.Status) (bool, uint32) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- h.run(ctx) }()
	status <- svc.Status{State: svc.Running, Accepts: svc.AcceptStop | svc.AcceptShutdown}
	for {
		select {
		case h.err = <-done:
			cancel()
			return false, exitCode(h.err)
		case c := <-req:
			switch c.Cmd {
			case svc.Interrogate:
				status <- c.CurrentStatus
			case svc.Stop, svc.Shutdown:
				status <- svc.Status{State: svc.StopPending}
				cancel()
				h.err = <-done
				return false, exitCode(h.err)
			}
		}
	}
}

// exitCode is 0 for a clean stop, 1 for a failure.
func exitCode(err error) uint32 {
	if err != nil {
		return 1
	}
	return 0
}

// cleanupWay is how a person ends a stuck block here, for the refusals.
const cleanupWay = "`nocontactd cleanup`, run as an administrator"
