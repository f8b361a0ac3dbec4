package daemon

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// handlers are the API's routes: each decodes a request, asks the daemon,
// and writes its answer.
type handlers struct{ d *Daemon }

func (a handlers) handleStatus(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, a.d.Status())
}

// Status reports the session, the hosts file, the sinkhole and the daemon.
func (d *Daemon) Status() api.Status {
	st := api.Status{
		Session:  d.mgr.View(),
		Hosts:    d.hosts.status(),
		Sinkhole: d.visits.sinkholeStatus(&d.cfg, d.sink),
		Daemon:   api.DaemonInfo{Version: api.Version},

		NextScheduled: d.mgr.NextScheduled(),
		LastEvent:     d.events.Last(),
	}
	d.tamper.status(&st.Hosts)
	st.Hosts.LiftPending = d.liftDue.Load()
	if st.Session != nil {
		st.Browsers = d.browsers.status()
	}
	if ph := d.phone.status(); ph.Connected || ph.Problem != "" {
		st.Phone = &ph
	}
	if err := d.mgr.Snapshot().Broken; err != nil {
		st.Daemon.Problem = fmt.Sprintf("the state could not be read; the hosts file is kept as it is and no session can start until `sudo nocontact cleanup` (%v)", err)
	}
	return st
}

func (a handlers) handleStart(w http.ResponseWriter, r *http.Request) {
	d := a.d
	var req api.StartRequest
	if err := decode(w, r, &req); err != nil {
		writeError(w, err)
		return
	}
	var view *api.Session
	var code string
	err := d.change(func() (err error) {
		view, code, err = d.mgr.Start(req)
		return err
	}, func() error { // the state must not hold a block the file lacks
		if _, err := d.mgr.Cleanup(); err != nil {
			return fmt.Errorf("and the start could not be undone, so the block will be applied when the file can be written: %w", err)
		}
		return nil
	})
	if err != nil {
		if view != nil {
			err = fmt.Errorf("the hosts file could not be written, so no session started: %w", err)
		}
		writeError(w, err)
		return
	}
	d.log.Info("session started", "names", len(view.Hostnames), "duration", api.FormatDuration(time.Duration(view.Duration)), "lock", view.Lock.Mode)
	d.record(api.Event{Kind: api.EventSessionStarted, Detail: api.FormatDuration(time.Duration(view.Duration))})
	writeJSON(w, http.StatusCreated, api.SessionResponse{Session: view, FriendCode: code})
}

func (a handlers) handleExtend(w http.ResponseWriter, r *http.Request) {
	d := a.d
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

func (a handlers) handleAdd(w http.ResponseWriter, r *http.Request) {
	d := a.d
	var req api.AddRequest
	if err := decode(w, r, &req); err != nil {
		writeError(w, err)
		return
	}
	var added []string
	if err := d.change(func() (err error) {
		added, err = d.mgr.Add(req.Add, req.Paths)
		return err
	}, nil); err != nil {
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

func (a handlers) handleUnlock(w http.ResponseWriter, r *http.Request) {
	d := a.d
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

// LiftIdle removes the hosts section and the browser policies when no
// session runs, and records nothing: what a package's removal asks of a
// daemon that is not running, so that nothing of ours outlives the app.
// While a session runs it refuses and leaves everything in place.
func (d *Daemon) LiftIdle() error {
	if d.Status().Session != nil {
		return errors.New("daemon: a block session is running")
	}
	return d.lift()
}

func (a handlers) handleCleanup(w http.ResponseWriter, r *http.Request) {
	d := a.d
	if peerOf(r) != 0 {
		writeError(w, api.Errorf(api.CodeForbidden, "cleanup is for root: run `sudo nocontact cleanup`"))
		return
	}
	if err := d.Cleanup(); err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, d.Status())
}

func (a handlers) handleEvents(w http.ResponseWriter, r *http.Request) {
	d := a.d
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
