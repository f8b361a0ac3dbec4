package daemon

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/client"
	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// raw sends a request straight to the handler with the given peer uid.
func (e *env) raw(method, path, body string, uid int, header http.Header) *httptest.ResponseRecorder {
	req := httptest.NewRequest(method, path, strings.NewReader(body))
	for k, v := range header {
		req.Header[k] = v
	}
	req = req.WithContext(context.WithValue(req.Context(), ctxKey{}, uid))
	rec := httptest.NewRecorder()
	e.d.Handler().ServeHTTP(rec, req)
	return rec
}

func errorCode(t *testing.T, rec *httptest.ResponseRecorder) string {
	t.Helper()
	var v struct{ Error *api.Error }
	if err := json.Unmarshal(rec.Body.Bytes(), &v); err != nil || v.Error == nil {
		t.Fatalf("not an API error: %d %s", rec.Code, rec.Body)
	}
	if v.Error.Message == "" {
		t.Error("error without a message")
	}
	return v.Error.Code
}

func TestBadRequestsAre400(t *testing.T) {
	e := newEnv(t)
	me := os.Geteuid()
	bodies := []string{
		``, `{`, `[]`, `{"hostnames":["x.com"],"duration":"1d"}{}`,
		`{"hostnames":["x.com"],"duration":"1d","extra":1}`,
		`{"hostnames":"x.com","duration":"1d"}`,
		`{"hostnames":["x.com"],"duration":86400}`,
		`{"hostnames":["x.com"],"duration":"soon"}`,
		`{"hostnames":["x.com\n127.0.0.1 bank.com"],"duration":"1d"}`,
		`{"hostnames":["127.0.0.1"],"duration":"1d"}`,
		`{"hostnames":["x.com"],"duration":"1d","lock":{"mode":"maybe"}}`,
		`{"hostnames":["x.com"],"duration":"1d","lock":{"mode":"cooldown","cooldown":"1m"}}`,
		`{"hostnames":["x.com"],"duration":"` + strings.Repeat("9", 70000) + `"}`,
	}
	for _, b := range bodies {
		rec := e.raw("POST", "/v1/session", b, me, nil)
		if rec.Code != http.StatusBadRequest || errorCode(t, rec) != api.CodeInvalid {
			t.Errorf("%.60q: %d %s", b, rec.Code, rec.Body)
		}
	}
	if e.hosts(t) != userHosts {
		t.Fatal("a bad request changed the hosts file")
	}
	if rec := e.raw("GET", "/v1/events?after=-1", "", me, nil); rec.Code != 400 {
		t.Errorf("bad after: %d", rec.Code)
	}
	if rec := e.raw("GET", "/v1/nothing", "", me, nil); rec.Code != 404 {
		t.Errorf("unknown path: %d", rec.Code)
	}
	if rec := e.raw("DELETE", "/v1/session", "", me, nil); rec.Code != 404 && rec.Code != 405 {
		t.Errorf("wrong method: %d", rec.Code)
	}
}

func TestBrowsersAndStrangersAre403(t *testing.T) {
	e := newEnv(t)
	me := os.Geteuid()
	for _, h := range []http.Header{{"Origin": {"http://evil.example"}}, {"Referer": {"http://evil.example/x"}}} {
		if rec := e.raw("GET", "/v1/status", "", me, h); rec.Code != 403 || errorCode(t, rec) != api.CodeForbidden {
			t.Errorf("%v: %d", h, rec.Code)
		}
	}
	stranger := 54321
	if rec := e.raw("GET", "/v1/status", "", stranger, nil); rec.Code != 403 {
		t.Errorf("uid %d: %d", stranger, rec.Code)
	}
	if rec := e.raw("GET", "/v1/status", "", -1, nil); rec.Code != 403 {
		t.Errorf("unknown peer: %d", rec.Code)
	}
	if me != 0 {
		if rec := e.raw("POST", "/v1/cleanup", "{}", me, nil); rec.Code != 403 {
			t.Errorf("cleanup by non-root: %d", rec.Code)
		}
	}
}

func TestStream(t *testing.T) {
	e := newEnv(t)
	e.startSession(t, time.Hour, api.Lock{})
	got := make(chan api.Event, 10)
	sctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go e.client.Stream(sctx, 0, func(ev api.Event) { got <- ev })
	next := func() api.Event {
		select {
		case ev := <-got:
			return ev
		case <-time.After(3 * time.Second):
			t.Fatal("no event on the stream")
			return api.Event{}
		}
	}
	if ev := next(); ev.Kind != api.EventSessionStarted {
		t.Fatalf("backlog: %+v", ev)
	}
	e.client.Extend(ctx, time.Hour)
	if ev := next(); ev.Kind != api.EventSessionExtended || ev.Seq != 2 {
		t.Fatalf("live: %+v", ev)
	}
}

func TestClientNotRunning(t *testing.T) {
	c := &client.Client{Socket: t.TempDir() + "/none.sock"}
	if _, err := c.Status(ctx); err == nil || !strings.Contains(err.Error(), "not running") {
		t.Fatalf("err = %v", err)
	}
}

// FuzzStartRequest feeds arbitrary bodies to POST /v1/session of a real
// daemon: it answers 201 or a JSON error, never panics, and the hosts file
// then holds the user's lines and valid names mapped to the sinkhole only.
func FuzzStartRequest(f *testing.F) {
	for _, s := range []string{`{"hostnames":["x.com"],"duration":"1d"}`, `{"hostnames":["a b"]}`, `{}`, `null`,
		`{"hostnames":["x.com"],"duration":"1h","lock":{"mode":"friend"}}`, `{"hostnames":["X.COM."],"duration":"90m"}`} {
		f.Add(s)
	}
	e := newEnv(f)
	me := os.Geteuid()
	f.Fuzz(func(t *testing.T, body string) {
		rec := e.raw("POST", "/v1/session", body, me, nil)
		switch rec.Code {
		case http.StatusCreated:
		case http.StatusBadRequest, http.StatusConflict:
			errorCode(t, rec)
		default:
			t.Fatalf("status %d for %q: %s", rec.Code, body, rec.Body)
		}
		for _, line := range strings.Split(strings.TrimPrefix(e.hosts(t), userHosts), "\n") {
			f := strings.Fields(line)
			if len(f) == 0 || strings.HasPrefix(line, "# ") {
				continue
			}
			if len(f) != 3 || (f[0] != "127.78.0.1" && f[0] != "::") || f[2] != f[1]+"." {
				t.Fatalf("hosts line %q after %q", line, body)
			}
			if n, err := api.NormalizeHostname(f[1]); err != nil || n != f[1] {
				t.Fatalf("invalid name %q written after %q", f[1], body)
			}
		}
		if rec.Code == http.StatusCreated {
			if err := e.d.Cleanup(); err != nil {
				t.Fatal(err)
			}
		}
	})
}

// TestHugeExtendIsRefused is the regression test for an extension whose sum
// with the time left overflowed and ended a strict block at once.
func TestHugeExtendIsRefused(t *testing.T) {
	e := newEnv(t)
	e.startSession(t, 30*api.Day, api.Lock{Mode: api.LockStrict})
	for _, by := range []string{"106751d", "106751d23h47m16s"} {
		rec := e.raw("POST", "/v1/session/extend", `{"by":"`+by+`"}`, os.Geteuid(), nil)
		if rec.Code != http.StatusBadRequest || errorCode(t, rec) != api.CodeInvalid {
			t.Errorf("extend by %s: %d %s", by, rec.Code, rec.Body)
		}
	}
	st, err := e.client.Status(ctx)
	if err != nil || st.Session == nil || time.Duration(st.Session.Remaining) != 30*api.Day {
		t.Fatalf("after refused extensions: %+v %v", st, err)
	}
	if !strings.Contains(e.hosts(t), "instagram.com") {
		t.Fatal("the block left the hosts file")
	}
}

// TestHeldConnectionsCannotStarveTheDaemon holds more connections than the
// cap open with half-sent requests (issue 16.4): they are timed out, the
// daemon's file descriptors stay bounded, and the API answers again.
func TestHeldConnectionsCannotStarveTheDaemon(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the read timeout")
	}
	e := newEnv(t)
	var held []net.Conn
	defer func() {
		for _, c := range held {
			c.Close()
		}
	}()
	for range maxConns + 20 {
		c, err := net.Dial("unix", e.cfg.Socket)
		if err != nil {
			t.Fatal(err)
		}
		c.Write([]byte("POST /v1/session HTTP/1.1\r\nHost: d\r\nContent-Length: 100000\r\n\r\n{"))
		held = append(held, c)
	}
	testutil.WaitFor(t, "the API answers again", readTimeout+5*time.Second, func() bool {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		_, err := e.client.Status(ctx)
		return err == nil
	})
}
