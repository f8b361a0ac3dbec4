package daemon

import (
	"context"
	"errors"
	"log/slog"
	"net/netip"
	"os"
	"time"

	"github.com/nocontact-app/nocontact/blocker/internal/dnsfilter"
	"github.com/nocontact-app/nocontact/blocker/internal/hosts"
	"github.com/nocontact-app/nocontact/blocker/internal/session"
)

// Config configures a Daemon. Zero fields take the defaults.
type Config struct {
	HostsFile string
	// BrowserRoot turns browser policies on: every browser path is looked
	// up under it ("/" in production, a temporary directory in tests).
	// Empty: no browser policy is ever written.
	BrowserRoot string
	NSSwitch    string // name-service configuration audited during a block; default /etc/nsswitch.conf
	HostConf    string // resolver configuration audited during a block; default /etc/host.conf
	StateDir    string
	Socket      string
	OwnerUID    int    // the user allowed besides root; -1: only root and the daemon's own uid
	OwnerSID    string // on Windows, the owner's SID (the pipe admits it; OwnerUID then names it in the API)
	Sinkhole    netip.Addr
	HTTPPort    int // sinkhole ports; 0: not listened on (nocontactd run: 80)
	HTTPSPort   int // (nocontactd run: 443)
	Clock       session.Clock
	Logger      *slog.Logger
	CreditEvery time.Duration  // credit tick; 30 s
	GuardSettle time.Duration  // 100 ms
	GuardEvery  time.Duration  // 60 s
	Heartbeat   time.Duration  // event stream heartbeat; 30 s
	Location    *time.Location // the zone schedules are read in; nil: the machine's (time.Local)
	// Flush clears the resolver caches after a write of the hosts file;
	// nil: hosts.Flush, the platform's own.
	Flush func(context.Context) []hosts.FlushStep
	// PhoneEvery is how often the phone's DNS filter is read back and its
	// query log read during a block; a minute.
	PhoneEvery time.Duration
	// PhoneFilter reaches a DNS filter; nil: dnsfilter.New.
	PhoneFilter func(dnsfilter.Account) (dnsfilter.Filter, error)
}

// sidOwnerUID is the owner's number in the API when the owner is named by
// a SID (Windows): the transport answers it for that SID, and the API's
// rules (root 0, the owner, anyone else) stay those of Unix.
const sidOwnerUID = 1000

// check refuses a configuration without its paths: the production
// defaults belong to cmd/nocontactd, so that a test or a caller that
// forgot one never reaches the machine's real hosts file or state.
func (c *Config) check() error {
	if c.HostsFile == "" || c.StateDir == "" || c.Socket == "" {
		return errors.New("daemon: the hosts file, the state directory and the socket must be given")
	}
	return nil
}

func (c *Config) fill() {
	if c.NSSwitch == "" {
		c.NSSwitch = hosts.DefaultNSSwitch
	}
	if c.HostConf == "" {
		c.HostConf = hosts.DefaultHostConf
	}
	if !c.Sinkhole.IsValid() {
		c.Sinkhole = hosts.DefaultSinkhole
	}
	if c.OwnerSID != "" && c.OwnerUID < 0 {
		c.OwnerUID = sidOwnerUID
	}
	if c.Flush == nil {
		c.Flush = hosts.Flush
	}
	if c.Clock == nil {
		c.Clock = session.SystemClock{}
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	if c.CreditEvery <= 0 {
		c.CreditEvery = 30 * time.Second
	}
	if c.PhoneEvery <= 0 {
		c.PhoneEvery = time.Minute
	}
	if c.PhoneFilter == nil {
		c.PhoneFilter = func(a dnsfilter.Account) (dnsfilter.Filter, error) { return dnsfilter.New(a, nil) }
	}
	if c.Heartbeat <= 0 {
		c.Heartbeat = 30 * time.Second
	}
}
