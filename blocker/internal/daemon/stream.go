package daemon

import (
	"encoding/json"
	"net/http"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// handleStream sends events as NDJSON: first those after ?after=SEQ, then
// live ones (updates of a coalesced visit come again with the same seq), and
// a heartbeat line every Heartbeat so clients notice a dead connection.
func (a handlers) handleStream(w http.ResponseWriter, r *http.Request) {
	d := a.d
	after, _, err := eventQuery(r)
	if err != nil {
		writeError(w, err)
		return
	}
	live, stop := d.events.Subscribe()
	defer stop()
	// The request is read; a stream lives on. Each write must go through
	// within two heartbeats, so a client that stops reading is dropped.
	rc := http.NewResponseController(w)
	rc.SetReadDeadline(time.Time{})
	w.Header().Set("Content-Type", "application/x-ndjson")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	enc := json.NewEncoder(w)
	flusher, _ := w.(http.Flusher)
	send := func(e api.Event) bool {
		rc.SetWriteDeadline(time.Now().Add(2 * d.cfg.Heartbeat))
		if err := enc.Encode(e); err != nil {
			return false
		}
		after = max(after, e.Seq)
		if flusher != nil {
			flusher.Flush()
		}
		return true
	}
	for _, e := range d.events.After(after, 0) {
		if !send(e) {
			return
		}
	}
	beat := time.NewTicker(d.cfg.Heartbeat)
	defer beat.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case e, ok := <-live:
			if !ok { // fell behind: the client reconnects with after=its last seq
				return
			}
			// Skip what the backlog already sent; a visit may come again
			// as an update of its count.
			if e.Seq > after || e.Kind == api.EventVisit {
				if !send(e) {
					return
				}
			}
		case <-beat.C:
			if !send(api.Event{Kind: api.EventHeartbeat, Time: d.cfg.Clock.Now()}) {
				return
			}
		}
	}
}
