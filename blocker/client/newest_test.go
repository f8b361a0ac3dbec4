//go:build !windows

// Not built for Windows: under Wine a daemon and its client on one named
// pipe in one process never exchange a request (see follow_test.go).

package client_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/client"
	"github.com/nocontact-app/nocontact/blocker/daemontest"
)

// Newest is the real daemon's newest event, before any and after some,
// and an error, not 0, where there is no daemon to ask: a follower would
// start from the first event.
func TestNewestIsTheDaemonsLastEvent(t *testing.T) {
	ctx := context.Background()
	socket, _ := daemontest.Start(t)
	c := &client.Client{Socket: socket}
	if n, err := c.Newest(ctx); n != 0 || err != nil {
		t.Fatalf("Newest before any event = %d, %v", n, err)
	}
	if _, err := c.Start(ctx, api.StartRequest{Hostnames: []string{"x.com"}, Duration: api.Duration(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Add(ctx, []string{"example.org"}, nil); err != nil {
		t.Fatal(err)
	}
	events, err := c.Events(ctx, 0)
	if err != nil || len(events) < 2 {
		t.Fatalf("events %+v, %v", events, err)
	}
	if n, err := c.Newest(ctx); n != events[len(events)-1].Seq || err != nil {
		t.Errorf("Newest = %d, %v; the last event is %d", n, err, events[len(events)-1].Seq)
	}
	none := &client.Client{Socket: filepath.Join(t.TempDir(), "none.sock")}
	if _, err := none.Newest(ctx); err == nil {
		t.Error("Newest without a daemon gave no error")
	}
}
