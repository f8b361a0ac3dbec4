package daemon

import (
	"context"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/internal/dnsfilter"
)

// maxPhoneAttempts bounds the attempts one reading of the filter's log
// records: a phone retrying in a loop must not flood the event log.
const maxPhoneAttempts = 100

// logLag is how late a filter may put a query in its log and still have
// it read.
const logLag = 5 * time.Minute

// readLog records the phone's queries for the block's names since the last
// reading as attempts: the queries of one device for one site within a
// minute of the first are one attempt, with a count. A filter without a
// readable log is skipped. Where the reading stands is saved only when it
// found queries (after them, so a restart never counts one twice); without
// new ones it moves on in memory, at most logLag back, since a filter may
// log a query a little late.
func (p *phoneEnforcer) readLog(ctx context.Context, f dnsfilter.Filter, st *phoneState, names []string) error {
	if !st.Account.Kind.ReadsQueryLog() {
		return nil
	}
	since := st.LogSince
	if since.IsZero() {
		since = p.now().Add(-p.every)
	}
	qs, err := f.Queries(ctx, since, names)
	if err != nil {
		return err
	}
	next := *st
	next.LogSince = later(since, p.now().Add(-logLag))
	if len(qs) > 0 {
		for _, ev := range phoneAttempts(qs) {
			p.visit(ev)
		}
		next.LogSince = later(since, qs[len(qs)-1].Time.Add(time.Millisecond))
		if err := savePhone(p.path, next); err != nil {
			return err
		}
	}
	*st = next
	p.mu.Lock()
	p.st.LogSince = next.LogSince
	p.mu.Unlock()
	return nil
}

// phoneAttempts groups queries (oldest first) into visit events.
func phoneAttempts(qs []dnsfilter.Query) []api.Event {
	var out []api.Event
	open := map[string]int{} // device + name -> index in out
	for _, q := range qs {
		device := q.Client
		if device == "" {
			device = "phone"
		}
		key := device + " " + q.Name
		if i, ok := open[key]; ok && q.Time.Sub(out[i].Time) < api.AttemptWindow {
			out[i].Count++
			continue
		}
		if len(out) == maxPhoneAttempts {
			break
		}
		open[key] = len(out)
		out = append(out, api.Event{Kind: api.EventVisit, Host: q.Name, Scheme: "dns", Count: 1, Time: q.Time, Device: device})
	}
	return out
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}
