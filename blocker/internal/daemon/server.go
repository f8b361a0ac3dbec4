package daemon

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
)

var errServerClosed = http.ErrServerClosed

type ctxKey struct{}

// Bounds on the API's connections: only root and the owner can connect,
// but the owner must not be able to starve the guard of file descriptors by
// holding thousands of connections open (issue 16.4).
const (
	maxConns    = 64               // open at once per uid; more are closed at once
	readTimeout = 10 * time.Second // a request, body included
)

// server returns the HTTP server with its routes and connection context.
func (d *Daemon) server() *http.Server {
	return &http.Server{
		Handler:           d.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       readTimeout,
		IdleTimeout:       30 * time.Second,
		ErrorLog:          nil,
		ConnContext: func(ctx context.Context, c net.Conn) context.Context {
			uid := d.transport.peer(c)
			if lc, ok := c.(*limitedConn); ok {
				uid = lc.uid
			}
			return context.WithValue(ctx, ctxKey{}, uid)
		},
	}
}

// Handler returns the API's routes behind the authorisation checks.
func (d *Daemon) Handler() http.Handler {
	mux, a := http.NewServeMux(), handlers{d}
	mux.HandleFunc("GET /v1/status", a.handleStatus)
	mux.HandleFunc("POST /v1/session", a.handleStart)
	mux.HandleFunc("POST /v1/session/extend", a.handleExtend)
	mux.HandleFunc("POST /v1/session/hostnames", a.handleAdd)
	mux.HandleFunc("POST /v1/session/unlock", a.handleUnlock)
	mux.HandleFunc("GET /v1/events", a.handleEvents)
	mux.HandleFunc("GET /v1/events/stream", a.handleStream)
	mux.HandleFunc("POST /v1/cleanup", a.handleCleanup)
	mux.HandleFunc("GET /v1/schedules", a.handleSchedules)
	mux.HandleFunc("POST /v1/schedules", a.handleAddSchedule)
	mux.HandleFunc("DELETE /v1/schedules/{id}", a.handleRemoveSchedule)
	mux.HandleFunc("POST /v1/schedules/{id}/keep", a.handleKeepSchedule)
	mux.HandleFunc("GET /v1/phone", a.handlePhone)
	mux.HandleFunc("POST /v1/phone", a.handlePhoneConnect)
	mux.HandleFunc("DELETE /v1/phone", a.handlePhoneDisconnect)
	mux.HandleFunc("PUT /v1/phone/choice", a.handlePhoneChoice)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, api.Errorf(api.CodeNotFound, "no such endpoint: %s %s", r.Method, r.URL.Path))
	})
	return d.authorise(mux)
}

// authorise refuses browsers (Origin or Referer) and every uid but root,
// the owner and the daemon's own.
func (d *Daemon) authorise(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Origin") != "" || r.Referer() != "" {
			writeError(w, api.Errorf(api.CodeForbidden, "requests from web pages are refused"))
			return
		}
		if uid := peerOf(r); !allowedUID(&d.cfg, uid) {
			d.log.Warn("refused a connection", "uid", uid)
			writeError(w, api.Errorf(api.CodeForbidden, "uid %d may not use nocontactd; only root and the user it was installed for", uid))
			return
		}
		next.ServeHTTP(w, r)
	})
}

func peerOf(r *http.Request) int {
	if uid, ok := r.Context().Value(ctxKey{}).(int); ok {
		return uid
	}
	return -1
}

// allowedUID reports whether uid may use the daemon: root, the owner, the
// daemon's own.
func allowedUID(cfg *Config, uid int) bool {
	return uid == 0 || (uid >= 0 && (uid == cfg.OwnerUID || uid == os.Geteuid()))
}

// decode reads a JSON body strictly: bounded, one object, no unknown
// fields, the right types.
func decode(w http.ResponseWriter, r *http.Request, v any) error {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, api.MaxMessage))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return api.Errorf(api.CodeInvalid, "request body larger than %d bytes", api.MaxMessage)
		}
		return api.Errorf(api.CodeInvalid, "request body: %v", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return api.Errorf(api.CodeInvalid, "request body: more than one JSON value")
	}
	return nil
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v) // the client went: nothing to tell it
}

// statusOf maps API error codes to HTTP statuses.
var statusOf = map[string]int{
	api.CodeInvalid:       http.StatusBadRequest,
	api.CodeSessionActive: http.StatusConflict,
	api.CodeNoSession:     http.StatusConflict,
	api.CodeLocked:        http.StatusConflict,
	api.CodeWrongCode:     http.StatusForbidden,
	api.CodeRateLimited:   http.StatusTooManyRequests,
	api.CodeForbidden:     http.StatusForbidden,
	api.CodeNotFound:      http.StatusNotFound,
	api.CodeStateBroken:   http.StatusServiceUnavailable,
	api.CodeNotSaved:      http.StatusInsufficientStorage,
}

// writeError answers err as {"error":{...}}; errors without a code are
// internal.
func writeError(w http.ResponseWriter, err error) {
	var e *api.Error
	if !errors.As(err, &e) {
		e = api.Errorf(api.CodeInternal, "%v", err)
	}
	status, ok := statusOf[e.Code]
	if !ok {
		status = http.StatusInternalServerError
	}
	writeJSON(w, status, map[string]*api.Error{"error": e})
}

// limitListener keeps at most perUID connections of each peer uid open,
// and lets each uid but root open at most connBurst new connections in a
// burst and connRate a second over time: a further one is closed at once, so
// one user's slow, held or churning connections never keep another
// (root) waiting (a churn of opened and closed connections would fill
// the socket's queue faster than requests are served), and the daemon's
// file descriptors stay bounded (the socket admits root, the owner and
// the daemon's own uid only). (golang.org/x/net/netutil's limit is global
// and hides the *net.UnixConn the peer credentials are read from.)
func limitListener(ln net.Listener, perUID int, peer func(net.Conn) int) net.Listener {
	return &limited{Listener: ln, perUID: perUID, open: map[int]int{}, tokens: map[int]float64{}, last: map[int]time.Time{},
		peer: peer, now: time.Now}
}

// The owner's window, tray and commands open a few connections a second
// at most; a loop opening thousands is answered by closing them.
const (
	connRate  = 50.0 // connections a second, over time, per uid but root
	connBurst = 100  // new connections in a burst
)

type limited struct {
	net.Listener
	perUID int
	peer   func(net.Conn) int // the peer's uid, -1 if unknown
	now    func() time.Time
	mu     sync.Mutex
	open   map[int]int       // connections open, by uid
	tokens map[int]float64   // connections a uid may still open now
	last   map[int]time.Time // when its tokens were last counted
}

func (l *limited) Accept() (net.Conn, error) {
	for {
		c, err := l.Listener.Accept()
		if err != nil {
			return nil, err
		}
		uid := l.peer(c)
		l.mu.Lock()
		ok := l.open[uid] < l.perUID && l.takeToken(uid)
		if ok {
			l.open[uid]++
		}
		l.mu.Unlock()
		if !ok {
			c.Close() // this uid holds its share, or opens too many too fast
			continue
		}
		return &limitedConn{Conn: c, uid: uid, release: func() {
			l.mu.Lock()
			l.open[uid]--
			l.mu.Unlock()
		}}, nil
	}
}

// takeToken spends one of uid's connections over time, if it has one;
// root's are not counted.
func (l *limited) takeToken(uid int) bool {
	if uid == 0 {
		return true
	}
	now := l.now()
	t, seen := l.tokens[uid]
	if !seen {
		t = connBurst
	} else {
		t = min(connBurst, t+now.Sub(l.last[uid]).Seconds()*connRate)
	}
	l.last[uid] = now
	if t < 1 {
		l.tokens[uid] = t
		return false
	}
	l.tokens[uid] = t - 1
	return true
}

// limitedConn gives its place back when closed, once.
type limitedConn struct {
	net.Conn
	uid     int
	once    sync.Once
	release func()
}

func (c *limitedConn) Close() error {
	err := c.Conn.Close()
	c.once.Do(c.release)
	return err
}
