package daemon

import (
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/internal/sinkhole"
)

// coalesceWindow: hits on the same host and scheme within it are one
// visit event with a count.
const coalesceWindow = 30 * time.Second

// visits turns sinkhole hits into coalesced visit events. writeMu
// serialises hits, event log writes included; mu guards the fields only,
// briefly, so that status and the page in the tab never wait on a write.
type visits struct {
	writeMu sync.Mutex
	mu      sync.Mutex
	open    map[string]openVisit // by host + scheme
	others  int                  // hits on names outside the session
}

type openVisit struct {
	seq   uint64
	first time.Time
}

// onHit is the sinkhole's callback: a hit on a name of the running session
// becomes a visit event, or adds to the count of the one from the last 30 s.
func (d *Daemon) onHit(h sinkhole.Hit) {
	if h.Host == "" || !d.inSession(h.Host) {
		d.visits.mu.Lock()
		d.visits.others++
		d.visits.mu.Unlock()
		return
	}
	key := h.Scheme + "://" + h.Host
	d.visits.writeMu.Lock()
	defer d.visits.writeMu.Unlock()
	d.visits.mu.Lock()
	v, ok := d.visits.open[key]
	d.visits.mu.Unlock()
	if ok && h.Time.Sub(v.first) < coalesceWindow {
		if _, found, err := d.events.Update(v.seq, func(e *api.Event) { e.Count++ }); found || err != nil {
			return
		}
	}
	e := d.record(api.Event{Kind: api.EventVisit, Host: h.Host, Scheme: h.Scheme, Count: 1, Time: d.cfg.Clock.Now(), Scheduled: d.mgr.InScheduledBlock()})
	d.visits.mu.Lock()
	defer d.visits.mu.Unlock()
	if d.visits.open == nil {
		d.visits.open = map[string]openVisit{}
	}
	d.visits.open[key] = openVisit{seq: e.Seq, first: h.Time}
	for k, v := range d.visits.open {
		if h.Time.Sub(v.first) >= coalesceWindow {
			delete(d.visits.open, k)
		}
	}
}

// lastVisit returns the seq of the newest visit event for host.
func (d *Daemon) lastVisit(host string) uint64 {
	d.visits.mu.Lock()
	defer d.visits.mu.Unlock()
	var seq uint64
	for k, v := range d.visits.open {
		if k == "http://"+host || k == "https://"+host {
			seq = max(seq, v.seq)
		}
	}
	return seq
}

// Attempts counts visits (with their counts) in the last hour and since
// local midnight.
func (d *Daemon) Attempts(now time.Time) (hour, today int) {
	return api.CountVisits(d.events.After(0, 0), now)
}

// inSession reports whether host is blocked by the running session: one of
// its hostnames, or the host of one of its profile paths.
func (d *Daemon) inSession(host string) bool {
	if slices.Contains(d.mgr.Snapshot().Hostnames, host) {
		return true
	}
	return slices.ContainsFunc(d.mgr.Snapshot().Paths, func(p string) bool { return strings.HasPrefix(p, host+"/") })
}
