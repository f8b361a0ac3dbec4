package sinkhole

import (
	"fmt"
	"io"
	"net/http"
	"strings"
)

// writePage answers an HTTP hit: the page for most paths, 204 for the
// things browsers fetch on their own (favicon, robots.txt), no error storm.
func writePage(w io.Writer, req Request, page func(host string) []byte) {
	if req.Path == "/favicon.ico" || req.Path == "/robots.txt" || strings.HasPrefix(req.Path, "/apple-touch-icon") {
		io.WriteString(w, "HTTP/1.1 204 No Content\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n")
		return
	}
	body := page(req.Host)
	fmt.Fprintf(w, "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n"+
		"Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n"+
		"Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'\r\nReferrer-Policy: no-referrer\r\n"+
		"Connection: close\r\n\r\n", len(body))
	if req.Method != "HEAD" {
		w.Write(body)
	}
}

// LocalResponse is an answer of Config.Local: a status, a body, and the
// hit it stands for, if any (a tab the extension redirected).
type LocalResponse struct {
	Status      int
	ContentType string
	Body        []byte
	Hit         *Hit
}

func writeLocal(w io.Writer, req Request, r LocalResponse) {
	fmt.Fprintf(w, "HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n"+
		"Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n"+
		"Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'\r\nReferrer-Policy: no-referrer\r\n"+
		"Connection: close\r\n\r\n", r.Status, http.StatusText(r.Status), r.ContentType, len(r.Body))
	if req.Method != "HEAD" {
		w.Write(r.Body)
	}
}
