// Package client is the typed client of nocontactd's unix-socket API: what
// the window, the tray and the command line use to reach the daemon. It
// depends on the wire vocabulary (package blocker) alone, so nothing on the
// user side links the daemon, the hosts engine, the guard or the sinkhole.
package client

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/url"
	"syscall"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// ErrNotRunning means nothing answers on the socket: the daemon is not
// installed or not running.
var ErrNotRunning = errors.New("nocontactd is not running")

// Client talks to nocontactd. The zero value uses api.SocketPath().
type Client struct {
	Socket string // empty: $NOCONTACT_SOCKET or the default
}

func (c *Client) socket() string {
	if c.Socket != "" {
		return c.Socket
	}
	return api.SocketPath()
}

func (c *Client) httpClient(timeout time.Duration) *http.Client {
	sock := c.socket()
	return &http.Client{
		Timeout: timeout,
		Transport: &http.Transport{
			DialContext:       func(ctx context.Context, _, _ string) (net.Conn, error) { return dial(ctx, sock) },
			DisableKeepAlives: true,
		},
	}
}

// do sends a request and decodes the answer into out, or the API error.
func (c *Client) do(ctx context.Context, method, path string, in, out any) error {
	return c.doWithin(ctx, answerWithin, method, path, in, out)
}

// doWithin is do with its own bound on the answer's wait.
func (c *Client) doWithin(ctx context.Context, within time.Duration, method, path string, in, out any) error {
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, "http://nocontactd"+path, body)
	if err != nil {
		return err
	}
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.httpClient(within).Do(req)
	if err != nil {
		return c.dialError(err)
	}
	defer resp.Body.Close()
	return decodeResponse(resp, out)
}

func decodeResponse(resp *http.Response, out any) error {
	if resp.StatusCode >= 300 {
		var e struct{ Error *api.Error }
		if json.NewDecoder(io.LimitReader(resp.Body, api.MaxMessage)).Decode(&e) == nil && e.Error != nil {
			return e.Error
		}
		return fmt.Errorf("nocontactd answered %s", resp.Status)
	}
	if out == nil {
		return nil
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// answerWithin is how long a call waits for the daemon, which answers in
// milliseconds: longer means it is stopped or hung.
const answerWithin = 5 * time.Second

// ErrNotAnswering means the daemon's socket accepts connections but the
// daemon does not answer: it is stopped (kill -STOP) or hung.
var ErrNotAnswering = errors.New("nocontactd did not answer: it may have been stopped or be hung (see: " + serviceLook + "); the block stays in place, and the service restarts a hung daemon within a minute")

// dialError turns "no socket" and "refused" into ErrNotRunning, a timeout
// into ErrNotAnswering and a permission error into a forbidden API error.
func (c *Client) dialError(err error) error {
	var ne net.Error
	switch {
	case errors.As(err, &ne) && ne.Timeout(), errors.Is(err, context.DeadlineExceeded):
		return ErrNotAnswering
	case errors.Is(err, fs.ErrNotExist), errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ENOENT):
		return fmt.Errorf("%w (no daemon on %s)", ErrNotRunning, c.socket())
	case errors.Is(err, fs.ErrPermission):
		return api.Errorf(api.CodeForbidden, "no permission to use %s: nocontactd was set up for another user, or for no one yet (run nocontact setup)", c.socket())
	}
	return fmt.Errorf("nocontactd: %w", err)
}

// Status returns the daemon's status.
func (c *Client) Status(ctx context.Context) (*api.Status, error) {
	var st api.Status
	return &st, c.do(ctx, http.MethodGet, "/v1/status", nil, &st)
}

// Start starts a session.
func (c *Client) Start(ctx context.Context, req api.StartRequest) (*api.SessionResponse, error) {
	var out api.SessionResponse
	return &out, c.do(ctx, http.MethodPost, "/v1/session", req, &out)
}

// Extend moves the end of the running session later by by.
func (c *Client) Extend(ctx context.Context, by time.Duration) (*api.Session, error) {
	var out api.SessionResponse
	err := c.do(ctx, http.MethodPost, "/v1/session/extend", api.ExtendRequest{By: api.Duration(by)}, &out)
	return out.Session, err
}

// Add adds hostnames and profile paths to the running session.
func (c *Client) Add(ctx context.Context, names, paths []string) (*api.Session, error) {
	var out api.SessionResponse
	err := c.do(ctx, http.MethodPost, "/v1/session/hostnames", api.AddRequest{Add: names, Paths: paths}, &out)
	return out.Session, err
}

// Unlock requests, cancels or confirms an early end.
func (c *Client) Unlock(ctx context.Context, action api.UnlockAction, code string) (*api.UnlockResponse, error) {
	var out api.UnlockResponse
	return &out, c.do(ctx, http.MethodPost, "/v1/session/unlock", api.UnlockRequestBody{Action: action, Code: code}, &out)
}

// Schedules lists the schedules, each with its next start.
func (c *Client) Schedules(ctx context.Context) ([]api.Schedule, error) {
	var out []api.Schedule
	err := c.do(ctx, http.MethodGet, "/v1/schedules", nil, &out)
	return out, err
}

// AddSchedule adds a schedule; it applies at once.
func (c *Client) AddSchedule(ctx context.Context, req api.ScheduleRequest) (*api.Schedule, error) {
	var out api.Schedule
	if err := c.do(ctx, http.MethodPost, "/v1/schedules", req, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// KeepSchedule withdraws a schedule's removal; it applies at once.
func (c *Client) KeepSchedule(ctx context.Context, id string) (*api.Schedule, error) {
	var out api.Schedule
	if err := c.do(ctx, http.MethodPost, "/v1/schedules/"+url.PathEscape(id)+"/keep", nil, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// RemoveSchedule asks for a schedule's removal, which applies after
// api.LoosenDelay.
func (c *Client) RemoveSchedule(ctx context.Context, id string) (*api.Schedule, error) {
	var out api.Schedule
	if err := c.do(ctx, http.MethodDelete, "/v1/schedules/"+url.PathEscape(id), nil, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// Cleanup ends everything (root only).
func (c *Client) Cleanup(ctx context.Context) error {
	return c.do(ctx, http.MethodPost, "/v1/cleanup", struct{}{}, nil)
}

// Events returns every recorded event after seq, oldest first, asking a
// page at a time.
func (c *Client) Events(ctx context.Context, after uint64) ([]api.Event, error) {
	var all []api.Event
	for {
		var out struct{ Events []api.Event }
		q := url.Values{"after": {fmt.Sprint(after)}, "limit": {fmt.Sprint(eventsPage)}}
		if err := c.do(ctx, http.MethodGet, "/v1/events?"+q.Encode(), nil, &out); err != nil {
			return all, err
		}
		all = append(all, out.Events...)
		if len(out.Events) < eventsPage {
			return all, nil
		}
		after = out.Events[len(out.Events)-1].Seq
	}
}

// eventsPage is how many events Events asks for at a time (the daemon
// keeps up to ten thousand).
const eventsPage = 1000

// Stream calls fn for every event after seq, then for live ones, until ctx
// is done or the connection drops (heartbeats are not passed on). It
// returns the last seq seen so the caller can reconnect from there.
func (c *Client) Stream(ctx context.Context, after uint64, fn func(api.Event)) (uint64, error) {
	// The daemon sends a heartbeat every 30 s: silence for longer than
	// silentFor means it is stopped or hung, and the stream ends.
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	silent := time.AfterFunc(silentFor, cancel)
	defer silent.Stop()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, fmt.Sprintf("http://nocontactd/v1/events/stream?after=%d", after), nil)
	if err != nil {
		return after, err
	}
	resp, err := c.httpClient(0).Do(req)
	if err != nil {
		if parent.Err() == nil && ctx.Err() != nil {
			return after, ErrNotAnswering
		}
		return after, c.dialError(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return after, decodeResponse(resp, nil)
	}
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 0, 4096), api.MaxMessage)
	for sc.Scan() {
		silent.Reset(silentFor)
		var e api.Event
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			return after, fmt.Errorf("nocontactd stream: %w", err)
		}
		if e.Kind == api.EventHeartbeat {
			continue
		}
		after = max(after, e.Seq)
		fn(e)
	}
	switch {
	case parent.Err() != nil:
		return after, parent.Err()
	case ctx.Err() != nil:
		return after, ErrNotAnswering
	}
	return after, sc.Err()
}

// silentFor is how long a stream may go without a line (the daemon sends a
// heartbeat every 30 s) before the daemon counts as not answering.
var silentFor = 75 * time.Second
