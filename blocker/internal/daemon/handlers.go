package daemon

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/internal/hosts"
)

func (d *Daemon) handleStatus(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, d.Status())
}

// Status reports the session, the hosts file, the sinkhole and the daemon.
func (d *Daemon) Status() api.Status {
	st := api.Status{
		Session:  d.mgr.View(),
		Hosts:    d.hostsStatus(),
		Sinkhole: d.sinkholeStatus(),
		Daemon:   api.DaemonInfo{Version: api.Version},

		NextScheduled: d.mgr.NextScheduled(),
	}
	if st.Session != nil {
		st.Browsers = d.browserStatus()
	}
	if err := d.mgr.Broken(); err != nil {
		st.Daemon.Problem = fmt.Sprintf("the state could not be read; the hosts file is kept as it is and no session can start until `sudo nocontactd cleanup` (%v)", err)
	}
	return st
}

func (d *Daemon) sinkholeStatus() api.SinkholeStatus {
	st := api.SinkholeStatus{Address: d.cfg.Sinkhole.String(), HTTPPort: d.cfg.HTTPPort, HTTPSPort: d.cfg.HTTPSPort}
	d.visits.mu.Lock()
	st.OtherHits = d.visits.others
	d.visits.mu.Unlock()
	if d.sink == nil {
		st.Error = "not listening (no ports configured): the block works, but attempts cannot be noticed"
		return st
	}
	listening, problem := d.sink.Status()
	st.Listening = listening
	if problem != "" {
		st.Error = problem + ": the block works, but attempts on that port cannot be noticed"
	}
	return st
}

// hostsStatus reads the file and says whether it is as the session wants.
func (d *Daemon) hostsStatus() api.HostsStatus {
	hs := api.HostsStatus{Path: d.cfg.HostsFile}
	d.mu.Lock()
	hs.Error, hs.LiftPending, hs.LastTamper, hs.Bypasses = d.hostsErr, d.liftDue, d.lastTamper, d.bypasses
	d.mu.Unlock()
	d.hostsMu.Lock()
	defer d.hostsMu.Unlock()
	content, err := hosts.ReadFile(d.cfg.HostsFile)
	if err != nil {
		hs.Error = err.Error()
		return hs
	}
	if names := d.mgr.Snapshot().Hostnames; names != nil {
		_, changed, err := d.editor.Apply(content, names)
		if err != nil {
			hs.Error = err.Error() // never reported intact when it cannot be checked
		}
		hs.Intact = err == nil && !changed
	} else {
		hs.Intact = len(d.editor.Section(content)) == 0
	}
	return hs
}

func (d *Daemon) handleStart(w http.ResponseWriter, r *http.Request) {
	var req api.StartRequest
	if err := decode(w, r, &req); err != nil {
		writeError(w, err)
		return
	}
	d.opMu.Lock()
	defer d.opMu.Unlock()
	view, code, err := d.mgr.Start(req)
	if err != nil {
		writeError(w, err)
		return
	}
	if _, err := d.enforce(); err != nil {
		if _, cerr := d.mgr.Cleanup(); cerr != nil { // undo the start: the state must not hold a block the file lacks
			err = errors.Join(err, fmt.Errorf("and the start could not be undone, so the block will be applied when the file can be written: %w", cerr))
		}
		writeError(w, fmt.Errorf("the hosts file could not be written, so no session started: %w", err))
		return
	}
	d.log.Info("session started", "names", len(view.Hostnames), "duration", api.FormatDuration(time.Duration(view.Duration)), "lock", view.Lock.Mode)
	d.record(api.Event{Kind: api.EventSessionStarted, Detail: api.FormatDuration(time.Duration(view.Duration))})
	writeJSON(w, http.StatusCreated, api.SessionResponse{Session: view, FriendCode: code})
}

func (d *Daemon) handleExtend(w http.ResponseWriter, r *http.Request) {
	var req api.ExtendRequest
	if err := decode(w, r, &req); err != nil {
		writeError(w, err)
		return
	}
	if err := d.mgr.Extend(time.Duration(req.By)); err != nil {
		writeError(w, err)
		return
	}
	d.record(api.Event{Kind: api.EventSessionExtended, Detail: api.FormatDuration(time.Duration(req.By))})
	d.nudge()
	writeJSON(w, http.StatusOK, api.SessionResponse{Session: d.mgr.View()})
}

func (d *Daemon) handleAdd(w http.ResponseWriter, r *http.Request) {
	var req api.AddRequest
	if err := decode(w, r, &req); err != nil {
		writeError(w, err)
		return
	}
	d.opMu.Lock()
	defer d.opMu.Unlock()
	added, err := d.mgr.Add(req.Add, req.Paths)
	if err != nil {
		writeError(w, err)
		return
	}
	if _, err := d.enforce(); err != nil {
		writeError(w, err)
		return
	}
	if len(added) > 0 {
		d.record(api.Event{Kind: api.EventHostnamesAdded, Count: len(added)})
	}
	writeJSON(w, http.StatusOK, api.SessionResponse{Session: d.mgr.View()})
}

// unlockEvents are the events each unlock action records when it succeeds.
var unlockEvents = map[api.UnlockAction]api.EventKind{
	api.UnlockRequest: api.EventUnlockRequested,
	api.UnlockCancel:  api.EventUnlockCancelled,
	api.UnlockConfirm: api.EventUnlockCompleted,
}

func (d *Daemon) handleUnlock(w http.ResponseWriter, r *http.Request) {
	var req api.UnlockRequestBody
	if err := decode(w, r, &req); err != nil {
		writeError(w, err)
		return
	}
	ended, err := d.mgr.Unlock(req.Action, req.Code)
	if err != nil {
		writeError(w, err)
		return
	}
	d.record(api.Event{Kind: unlockEvents[req.Action]})
	if ended {
		d.record(api.Event{Kind: api.EventSessionEnded, Detail: "unlocked"})
		d.requestLift()
	}
	writeJSON(w, http.StatusOK, api.UnlockResponse{Ended: ended, Session: d.mgr.View()})
}

// Cleanup ends any session whatever its lock, lifts the section and resets
// damaged state. It is logged as an event.
func (d *Daemon) Cleanup() error {
	had, err := d.mgr.Cleanup()
	d.record(api.Event{Kind: api.EventCleanup, Detail: fmt.Sprintf("session running: %v", had)})
	if err != nil {
		return err
	}
	return d.lift()
}

func (d *Daemon) handleCleanup(w http.ResponseWriter, r *http.Request) {
	if peerOf(r) != 0 {
		writeError(w, api.Errorf(api.CodeForbidden, "cleanup is for root: run `sudo nocontactd cleanup`"))
		return
	}
	if err := d.Cleanup(); err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, d.Status())
}

func (d *Daemon) handleEvents(w http.ResponseWriter, r *http.Request) {
	after, limit, err := eventQuery(r)
	if err != nil {
		writeError(w, err)
		return
	}
	events := d.events.After(after, limit)
	if events == nil {
		events = []api.Event{}
	}
	writeJSON(w, http.StatusOK, map[string][]api.Event{"events": events})
}

// eventQuery reads ?after=SEQ&limit=N (default 1000, at most 10000).
func eventQuery(r *http.Request) (after uint64, limit int, err error) {
	q := r.URL.Query()
	if s := q.Get("after"); s != "" {
		if after, err = strconv.ParseUint(s, 10, 64); err != nil {
			return 0, 0, api.Errorf(api.CodeInvalid, "after=%q: want a sequence number", s)
		}
	}
	limit = 1000
	if s := q.Get("limit"); s != "" {
		if limit, err = strconv.Atoi(s); err != nil || limit < 1 || limit > 10000 {
			return 0, 0, api.Errorf(api.CodeInvalid, "limit=%q: want 1 to 10000", s)
		}
	}
	return after, limit, nil
}
