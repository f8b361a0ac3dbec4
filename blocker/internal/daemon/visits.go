package daemon

import (
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/internal/eventlog"
	"github.com/nocontact-app/nocontact/blocker/internal/session"
	"github.com/nocontact-app/nocontact/blocker/internal/sinkhole"
)

// coalesceWindow: hits on the same host and scheme within it are one
// visit event with a count, as they are one attempt (api.Attempts).
const coalesceWindow = api.AttemptWindow

// visits turns sinkhole hits into coalesced visit events. writeMu
// serialises hits, event log writes included; mu guards the fields only,
// briefly, so that status and the page in the tab never wait on a write.
type visits struct {
	events *eventlog.Log
	mgr    *session.Manager
	now    func() time.Time
	record func(api.Event) api.Event

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
// becomes a visit event, or adds to the count of the one from the last minute.
func (v *visits) onHit(h sinkhole.Hit) {
	if h.Host == "" || !v.inSession(h.Host) {
		v.mu.Lock()
		v.others++
		v.mu.Unlock()
		return
	}
	key := h.Scheme + "://" + h.Host
	v.writeMu.Lock()
	defer v.writeMu.Unlock()
	v.mu.Lock()
	o, ok := v.open[key]
	v.mu.Unlock()
	if ok && h.Time.Sub(o.first) < coalesceWindow {
		if _, found, err := v.events.Update(o.seq, func(e *api.Event) {
			e.Count++
			if e.Path == "" {
				e.Path = h.Path
			}
		}); found || err != nil {
			return
		}
	}
	e := v.record(api.Event{Kind: api.EventVisit, Host: h.Host, Scheme: h.Scheme, Path: h.Path, Count: 1, Time: v.now(), Scheduled: v.mgr.InScheduledBlock()})
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.open == nil {
		v.open = map[string]openVisit{}
	}
	v.open[key] = openVisit{seq: e.Seq, first: h.Time}
	for k, o := range v.open {
		if h.Time.Sub(o.first) >= coalesceWindow {
			delete(v.open, k)
		}
	}
}

// fromPhone records an attempt the phone's DNS filter logged.
func (v *visits) fromPhone(e api.Event) {
	e.Scheduled = v.mgr.InScheduledBlock()
	v.writeMu.Lock()
	defer v.writeMu.Unlock()
	v.record(e)
}

// all returns the events the log holds, for counting attempts.
func (v *visits) all() []api.Event { return v.events.After(0, 0) }

// inSession reports whether host is blocked by the running session: one of
// its hostnames, or the host of one of its profile paths.
func (v *visits) inSession(host string) bool {
	snap := v.mgr.Snapshot()
	if slices.Contains(snap.Hostnames, host) {
		return true
	}
	return slices.ContainsFunc(snap.Paths, func(p string) bool { return strings.HasPrefix(p, host+"/") })
}

// sinkholeStatus says where the sinkhole listens and what it saw outside
// the block.
func (v *visits) sinkholeStatus(cfg *Config, sink *sinkhole.Sinkhole) api.SinkholeStatus {
	st := api.SinkholeStatus{Address: cfg.Sinkhole.String(), HTTPPort: cfg.HTTPPort, HTTPSPort: cfg.HTTPSPort}
	v.mu.Lock()
	st.OtherHits = v.others
	v.mu.Unlock()
	if sink == nil {
		st.Error = "not listening (no ports configured): the block works, but attempts cannot be noticed"
		return st
	}
	listening, problem := sink.Status()
	st.Listening = listening
	if problem != "" {
		st.Error = problem + ": the block works, but attempts on that port cannot be noticed"
	}
	return st
}
