package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"golang.org/x/net/websocket"
)

// wire is a browser's remote protocol over a WebSocket: Chromium's DevTools
// protocol or WebDriver BiDi (Firefox). Both frame a command as {id,
// method, params}, answer it with the same id, and send events as
// {method, params} (DevTools adds the session they belong to). Events are
// kept with the time they arrived, for the benchmark's timeline.
type wire struct {
	ws      *websocket.Conn
	mu      sync.Mutex
	next    int
	waiting map[int]chan wireMsg
	events  chan wireMsg
	closed  chan struct{}
}

// wireMsg is one message either way: an answer (ID set), or an event.
type wireMsg struct {
	ID        int             `json:"id,omitempty"`
	Method    string          `json:"method,omitempty"`
	Params    json.RawMessage `json:"params,omitempty"`
	Result    json.RawMessage `json:"result,omitempty"`
	Error     json.RawMessage `json:"error,omitempty"`
	Message   string          `json:"message,omitempty"` // BiDi's error text
	SessionID string          `json:"sessionId,omitempty"`
	At        time.Time       `json:"-"`
}

// dialWire connects to url, retrying for up to 30 s while the browser
// starts. The Origin header is one the browser is told to allow.
func dialWire(url string) (*wire, error) {
	var ws *websocket.Conn
	var err error
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if ws, err = websocket.Dial(url, "", "http://localhost"); err == nil {
			break
		}
	}
	if err != nil {
		return nil, fmt.Errorf("the browser's remote protocol at %s did not answer: %w", url, err)
	}
	w := &wire{ws: ws, waiting: map[int]chan wireMsg{}, events: make(chan wireMsg, 4096), closed: make(chan struct{})}
	go w.read()
	return w, nil
}

func (w *wire) read() {
	defer close(w.closed)
	for {
		var m wireMsg
		if err := websocket.JSON.Receive(w.ws, &m); err != nil {
			return
		}
		m.At = time.Now()
		if m.ID == 0 {
			select {
			case w.events <- m:
			default: // nobody reads them: dropped, never blocking the answers
			}
			continue
		}
		w.mu.Lock()
		ch := w.waiting[m.ID]
		delete(w.waiting, m.ID)
		w.mu.Unlock()
		if ch != nil {
			ch <- m
		}
	}
}

// call sends a command (to a DevTools session when session is not "")
// and returns its result.
func (w *wire) call(session, method string, params any) (json.RawMessage, error) {
	w.mu.Lock()
	w.next++
	id := w.next
	ch := make(chan wireMsg, 1)
	w.waiting[id] = ch
	w.mu.Unlock()
	raw, _ := json.Marshal(params)
	if err := websocket.JSON.Send(w.ws, wireMsg{ID: id, Method: method, Params: raw, SessionID: session}); err != nil {
		return nil, err
	}
	select {
	case m := <-ch:
		if len(m.Error) > 0 {
			return nil, fmt.Errorf("%s: %s %s", method, m.Error, m.Message)
		}
		return m.Result, nil
	case <-w.closed:
		return nil, errors.New(method + ": the browser closed the connection")
	case <-time.After(20 * time.Second):
		return nil, errors.New(method + ": no answer within 20 s")
	}
}

// until reads events until ok says the one wanted has come, or within
// has passed; it returns the events read, in order.
func (w *wire) until(within time.Duration, ok func(wireMsg) bool) ([]wireMsg, error) {
	var seen []wireMsg
	timeout := time.After(within)
	for {
		select {
		case m := <-w.events:
			seen = append(seen, m)
			if ok(m) {
				return seen, nil
			}
		case <-w.closed:
			return seen, errors.New("the browser closed the connection")
		case <-timeout:
			return seen, fmt.Errorf("not within %v", within)
		}
	}
}

// drain forgets the events that came so far.
func (w *wire) drain() {
	for {
		select {
		case <-w.events:
		default:
			return
		}
	}
}

func (w *wire) Close() { w.ws.Close() }

// field reads one string field of a message's params or result.
func field(raw json.RawMessage, path ...string) string {
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return ""
	}
	for _, p := range path {
		m, ok := v.(map[string]any)
		if !ok {
			return ""
		}
		v = m[p]
	}
	s, _ := v.(string)
	return s
}
