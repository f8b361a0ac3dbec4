package client

import (
	"context"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// Follow calls fn for every event after seq, then for live ones, until
// ctx is done, reconnecting when the stream drops (the daemon restarted,
// or is not yet up) after 1 s, doubling to a minute; onDrop, if not nil,
// hears why and how long until the next try.
func (c *Client) Follow(ctx context.Context, after uint64, fn func(api.Event), onDrop func(err error, retry time.Duration)) {
	backoff := time.Second
	for ctx.Err() == nil {
		last, err := c.Stream(ctx, after, fn)
		if last > after {
			after, backoff = last, time.Second
		}
		if ctx.Err() != nil {
			return
		}
		if onDrop != nil {
			onDrop(err, backoff)
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(backoff):
		}
		backoff = min(2*backoff, time.Minute)
	}
}

// Newest returns the seq of the newest event the daemon keeps, 0 when it
// keeps none or cannot be asked: where a follower starts so that old
// events are not answered again.
func (c *Client) Newest(ctx context.Context) uint64 {
	events, err := c.Events(ctx, 0)
	if err != nil || len(events) == 0 {
		return 0
	}
	return events[len(events)-1].Seq
}
