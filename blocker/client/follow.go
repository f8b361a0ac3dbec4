package client

import (
	"context"
	"errors"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// Follow calls fn, in the calling goroutine, for every event after the
// seq after, then for live ones, until ctx is done. When the stream drops
// (the daemon restarted, or is not up yet) it connects again after 1 s,
// doubling to a minute while the drops come quickly; onDrop, if not nil,
// hears why and how long until the next try.
func (c *Client) Follow(ctx context.Context, after uint64, fn func(api.Event), onDrop func(err error, retry time.Duration)) {
	backoff := time.Second
	for ctx.Err() == nil {
		began := time.Now()
		last, err := c.Stream(ctx, after, fn)
		if ctx.Err() != nil {
			return
		}
		if last > after || time.Since(began) > time.Minute { // it was connected: a fresh drop
			backoff = time.Second
		}
		after = max(after, last)
		if err == nil {
			err = errStreamClosed
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

var errStreamClosed = errors.New("nocontactd closed the event stream")

// Newest returns the seq of the newest event the daemon keeps (0 when it
// keeps none), from its status: where a follower starts so that old
// events are not answered again.
func (c *Client) Newest(ctx context.Context) (uint64, error) {
	st, err := c.Status(ctx)
	if err != nil {
		return 0, err
	}
	return st.LastEvent, nil
}
