package dnsfilter

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// maxBody caps what is read of one answer, so a filter (or something
// posing as one) cannot make the daemon read without end.
const maxBody = 4 << 20

// conn sends requests to one filter's API and turns failures into
// sentences.
type conn struct {
	base *url.URL
	hc   *http.Client
	kind Kind
}

// request is one call to the API.
type request struct {
	method string
	path   string // unescaped segments joined by "/", appended to the base path
	query  url.Values
	body   []byte
	ctype  string
	header http.Header
	op     string // what the call does, for errors: "read the denylist"
}

// answer is what came back.
type answer struct {
	status int
	body   []byte
}

// url returns the request's full address. Each path segment is escaped
// on its own, so a host name can never climb out of its place.
func (c *conn) url(r request) string {
	u := *c.base
	segs := strings.Split(strings.Trim(r.path, "/"), "/")
	esc := make([]string, len(segs))
	for i, s := range segs {
		esc[i] = url.PathEscape(s)
	}
	u.RawPath = c.base.EscapedPath() + "/" + strings.Join(esc, "/")
	u.Path = c.base.Path + "/" + strings.Join(segs, "/")
	u.RawQuery = r.query.Encode()
	return u.String()
}

// do sends r and returns the answer of any status below 400 (and, when
// keep is given, of those statuses too). Failures become sentences
// wrapping ErrUnauthorized or ErrUnreachable where they mean that.
func (c *conn) do(ctx context.Context, r request, keep ...int) (answer, error) {
	var body io.Reader
	if r.body != nil {
		body = bytes.NewReader(r.body)
	}
	req, err := http.NewRequestWithContext(ctx, r.method, c.url(r), body)
	if err != nil {
		return answer{}, fmt.Errorf("dnsfilter: %s: %w", r.op, err)
	}
	for k, vs := range r.header {
		req.Header[k] = vs
	}
	if r.ctype != "" {
		req.Header.Set("Content-Type", r.ctype)
	}
	req.Header.Set("Accept", "application/json")
	resp, err := c.hc.Do(req)
	if err != nil {
		return answer{}, c.unreachable(ctx, r.op, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxBody+1))
	if err != nil {
		return answer{}, c.unreachable(ctx, r.op, err)
	}
	if len(b) > maxBody {
		return answer{}, fmt.Errorf("dnsfilter: %s: %s answered with more than %d MiB; is %s the right address?", r.op, c.kind.Title(), maxBody>>20, c.base.Host)
	}
	a := answer{status: resp.StatusCode, body: b}
	for _, k := range keep {
		if resp.StatusCode == k {
			return a, nil
		}
	}
	return a, c.statusError(r.op, a)
}

// unreachable words a transport failure. The cause is kept for its text
// (an address and a reason; requests never carry the secret in the URL).
func (c *conn) unreachable(ctx context.Context, op string, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("dnsfilter: %s: %w", op, ctx.Err())
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return fmt.Errorf("dnsfilter: %s at %s cannot be reached to %s (%v): %w", c.kind.Title(), c.base.Host, op, err, ErrUnreachable)
}

// statusError words an answer whose status is not a success.
func (c *conn) statusError(op string, a answer) error {
	switch {
	case a.status < 400:
		return nil
	case a.status == http.StatusUnauthorized || a.status == http.StatusForbidden:
		return fmt.Errorf("dnsfilter: %s refused the %s: %s: %w", c.kind.Title(), c.kind.secretWord(), authHint(c.kind), ErrUnauthorized)
	case a.status >= 500 || a.status == http.StatusTooManyRequests:
		return fmt.Errorf("dnsfilter: %s could not %s now (%s): %w", c.kind.Title(), op, http.StatusText(a.status), ErrUnreachable)
	}
	msg := serviceMessage(a.body)
	if msg != "" {
		msg = ": " + msg
	}
	return fmt.Errorf("dnsfilter: %s refused to %s (%d %s%s)", c.kind.Title(), op, a.status, http.StatusText(a.status), msg)
}

// authHint says where to find the right credential.
func authHint(k Kind) string {
	switch k {
	case NextDNS:
		return "check it at my.nextdns.io/account"
	case ControlD:
		return "check the token under Preferences, API in the Control D dashboard (it needs write access)"
	case PiHole:
		return "check the password, or create an app password in Pi-hole's Settings, Web interface / API"
	}
	return "check the user name and password you log in to AdGuard Home's dashboard with"
}

// serviceMessage picks the human message out of the error shapes the
// services answer with, shortened; nothing else of the body is shown.
func serviceMessage(body []byte) string {
	var e struct {
		Error json.RawMessage `json:"error"`
		Errs  []struct {
			Code   string `json:"code"`
			Detail string `json:"detail"`
		} `json:"errors"`
	}
	if json.Unmarshal(body, &e) != nil {
		return ""
	}
	var msg string
	var obj struct {
		Message string `json:"message"`
		Hint    string `json:"hint"`
	}
	switch {
	case len(e.Errs) > 0:
		msg = strings.TrimSpace(e.Errs[0].Code + " " + e.Errs[0].Detail)
	case json.Unmarshal(e.Error, &obj) == nil:
		msg = strings.TrimSpace(obj.Message + " " + obj.Hint)
	}
	const max = 160
	if len(msg) > max {
		msg = msg[:max] + "…"
	}
	return msg
}

// decode reads a JSON answer into v.
func (c *conn) decode(op string, a answer, v any) error {
	if err := json.Unmarshal(a.body, v); err != nil {
		return fmt.Errorf("dnsfilter: %s: %s's answer is not what its API describes (%v); is %s the right address?", op, c.kind.Title(), err, c.base.Host)
	}
	return nil
}

// getJSON sends a GET and decodes its answer.
func (c *conn) getJSON(ctx context.Context, r request, v any) error {
	r.method = http.MethodGet
	a, err := c.do(ctx, r)
	if err != nil {
		return err
	}
	return c.decode(r.op, a, v)
}

// jsonBody encodes v for a request.
func jsonBody(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic("dnsfilter: encoding a request: " + err.Error()) // only our own plain structs are encoded
	}
	return b
}
