//go:build !windows

// Not built for Windows: under Wine an HTTP server and its client on one
// named pipe in one process never exchange a request (the stopped-daemon
// tests there need only the connection), and what these test, the paging
// and the reconnecting, is the same code on every system.

package client

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// eventDaemon serves /v1/events as nocontactd does (after, limit, oldest
// first) over n events, and a stream that sends the events after the
// asked seq up to upTo() and then closes, as a daemon that restarts.
func eventDaemon(t *testing.T, n int, upTo func() int) string {
	t.Helper()
	sock := filepath.Join(t.TempDir(), "d.sock")
	ln, err := listenFor(sock)
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		after, _ := strconv.Atoi(r.URL.Query().Get("after"))
		switch r.URL.Path {
		case "/v1/events":
			limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
			if limit == 0 {
				limit = 1000
			}
			events := []api.Event{}
			for seq := after + 1; seq <= n && len(events) < limit; seq++ {
				events = append(events, api.Event{Seq: uint64(seq), Kind: api.EventVisit})
			}
			json.NewEncoder(w).Encode(map[string][]api.Event{"events": events})
		case "/v1/events/stream":
			for seq := after + 1; seq <= upTo(); seq++ {
				fmt.Fprintf(w, `{"seq":%d,"kind":"visit"}`+"\n", seq)
			}
		}
	})}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return sock
}

// Events returns all of them, past the daemon's page of a thousand: it
// stopped at the thousandth, so Progress went stale and the pop-up could
// not find a newer one.
func TestEventsReadsEveryPage(t *testing.T) {
	c := &Client{Socket: eventDaemon(t, 2500, func() int { return 0 })}
	events, err := c.Events(context.Background(), 0)
	if err != nil || len(events) != 2500 || events[2499].Seq != 2500 {
		t.Fatalf("Events = %d events, %v", len(events), err)
	}
}

// Follow carries on after the stream drops, from where it stood, and says
// why it dropped.
func TestFollowReconnectsFromWhereItStood(t *testing.T) {
	var mu sync.Mutex
	upTo := 2
	c := &Client{Socket: eventDaemon(t, 0, func() int { mu.Lock(); defer mu.Unlock(); return upTo })}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var got []uint64
	var drops []error
	c.Follow(ctx, 0, func(e api.Event) {
		got = append(got, e.Seq)
		if e.Seq == 2 {
			mu.Lock()
			upTo = 3
			mu.Unlock()
		}
		if e.Seq == 3 {
			cancel()
		}
	}, func(err error, retry time.Duration) { drops = append(drops, err) })
	if fmt.Sprint(got) != "[1 2 3]" || len(drops) == 0 || drops[0] == nil {
		t.Errorf("events %v, drops %v", got, drops)
	}
}
