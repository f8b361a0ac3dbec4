package sinkhole

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"net"
	"net/netip"
	"strings"
)

// Request is what the sinkhole needs of an HTTP request head, and the
// two ends of its connection (to tell which user's program asked).
type Request struct {
	Method, Path, Host string
	Local, Remote      netip.AddrPort
}

// ErrBadRequest is a request head that cannot be read.
var ErrBadRequest = errors.New("sinkhole: bad HTTP request")

// ReadRequestHead reads an HTTP/1.x request head (at most MaxHead bytes)
// and returns its method, path and Host (port removed, lower-cased). The
// body, if any, is never read.
func ReadRequestHead(r *bufio.Reader) (Request, error) {
	var head []byte
	for {
		line, err := r.ReadSlice('\n')
		head = append(head, line...)
		if len(head) > MaxHead {
			return Request{}, ErrTooLarge
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil {
			if err == io.EOF && len(head) > 0 {
				err = io.ErrUnexpectedEOF
			}
			return Request{}, err
		}
		if len(bytes.TrimRight(line, "\r\n")) == 0 && len(head) > len(line) {
			return ParseRequestHead(head)
		}
	}
}

// ParseRequestHead parses a complete request head.
func ParseRequestHead(head []byte) (Request, error) {
	lines := strings.Split(strings.TrimRight(string(head), "\r\n"), "\n")
	parts := strings.Fields(lines[0])
	if len(parts) != 3 || !strings.HasPrefix(parts[2], "HTTP/1.") {
		return Request{}, ErrBadRequest
	}
	req := Request{Method: parts[0], Path: parts[1]}
	for _, l := range lines[1:] {
		l = strings.TrimSuffix(l, "\r")
		if strings.ContainsAny(l, "\r\x00") {
			return Request{}, ErrBadRequest // a bare CR or NUL: request smuggling shapes
		}
		name, value, ok := strings.Cut(l, ":")
		if ok && strings.EqualFold(strings.TrimSpace(name), "host") {
			req.Host = hostOnly(strings.TrimSpace(value))
			break
		}
	}
	return req, nil
}

// hostOnly removes a port and brackets and lower-cases.
func hostOnly(h string) string {
	if host, _, err := net.SplitHostPort(h); err == nil {
		h = host
	}
	return canonicalHost(strings.Trim(h, "[]"))
}

// canonicalHost lower-cases a name and drops one trailing dot: a visit to
// "instagram.com." (which the hosts file also sends here) is a visit to
// instagram.com.
func canonicalHost(h string) string {
	return strings.TrimSuffix(strings.ToLower(h), ".")
}
