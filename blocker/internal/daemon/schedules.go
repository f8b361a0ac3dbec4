package daemon

import (
	"net/http"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// The schedules' API: listed, added (at once: adding tightens) and
// removed (after api.LoosenDelay: removing loosens). Each is validated by
// the session manager, which keeps them in its state and starts their
// blocks from the tick.

func (a handlers) handleSchedules(w http.ResponseWriter, _ *http.Request) {
	d := a.d
	writeJSON(w, http.StatusOK, d.mgr.Schedules())
}

func (a handlers) handleAddSchedule(w http.ResponseWriter, r *http.Request) {
	d := a.d
	var req api.ScheduleRequest
	if err := decode(w, r, &req); err != nil {
		writeError(w, err)
		return
	}
	var s api.Schedule
	err := d.change(func() (err error) {
		s, err = d.mgr.AddSchedule(req)
		return err
	}, nil)
	if s.ID == "" {
		writeError(w, err)
		return
	}
	if err != nil { // the schedule is kept; its block is written when it can be
		d.log.Error("writing a scheduled block failed; the guard keeps trying", "err", err)
	}
	d.nudge() // the tick loop wakes for the next start
	writeJSON(w, http.StatusOK, s)
}

func (a handlers) handleKeepSchedule(w http.ResponseWriter, r *http.Request) {
	d := a.d
	s, err := d.mgr.KeepSchedule(r.PathValue("id"))
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, s)
}

func (a handlers) handleRemoveSchedule(w http.ResponseWriter, r *http.Request) {
	d := a.d
	s, err := d.mgr.RemoveSchedule(r.PathValue("id"))
	if err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, s)
}

// onSchedule records what the scheduler did (under the manager's lock: it
// must not call the manager) and has the tick loop apply it.
func (d *Daemon) onSchedule(detail string) {
	d.log.Info("schedule: " + detail)
	d.record(api.Event{Kind: api.EventScheduled, Detail: detail})
	d.scheduleChanged.Store(true)
	d.nudge()
}

// applySchedules writes a block a schedule started or grew.
func (d *Daemon) applySchedules() {
	if !d.scheduleChanged.Swap(false) || !d.mgr.Snapshot().Active {
		return
	}
	if err := d.change(nil, nil); err != nil {
		d.log.Error("writing a scheduled block failed; the guard keeps trying", "err", err)
	}
}
