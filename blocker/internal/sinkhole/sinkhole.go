// Package sinkhole listens on the loopback address that blocked names point
// to and notices every attempt to open them: from HTTPS it reads the TLS
// ClientHello for the server name and answers with a TLS alert (no
// certificate is ever presented); from HTTP it reads the request head for
// the Host and serves a page the caller provides. Each attempt is reported
// through a callback.
//
// It is built to survive anything a client sends: bounded heads (16 KiB),
// a deadline per connection (5 s), no body ever read, nothing logged, and a
// bounded number of connections where the oldest is closed to make room, so
// idle or slow connections cannot starve a real hit.
package sinkhole

import (
	"bufio"
	"container/list"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"strconv"
	"sync"
	"syscall"
	"time"
)

// Hit is one attempt to open a host.
type Hit struct {
	Host   string // lower-case, without a trailing dot; "" when the client named none
	Scheme string // "http" or "https"
	Path   string // the profile a Local page was asked for, "" otherwise
	Time   time.Time
}

// Config configures a Sinkhole.
type Config struct {
	Addr netip.Addr // must be a loopback address
	// IPv6 also listens on ::1, where a connection to the hosts file's
	// "::" lands; without it IPv6 attempts are refused unnoticed.
	IPv6      bool
	HTTPPort  int // 0: no HTTP listener
	HTTPSPort int // 0: no HTTPS listener
	// OnHit is called for every hit, from the connection's goroutine; it
	// must be safe for concurrent use and return quickly.
	OnHit func(Hit)
	// Page returns the HTML page for an HTTP hit on host, called after
	// OnHit for the same hit.
	Page func(host string) []byte
	// Local answers requests the sinkhole's own address is asked for
	// (Host 127.78.0.1: the extension's files and the page it sends a
	// blocked tab to), or reports false to serve Page. May be nil.
	Local    func(req Request) (LocalResponse, bool)
	MaxConns int           // default 256
	Deadline time.Duration // default 5 s
}

// Sinkhole is the pair of listeners. Create with New, start with Start.
type Sinkhole struct {
	cfg Config

	mu     sync.Mutex
	lns    []net.Listener
	errs   []string
	conns  *list.List // of net.Conn, oldest first
	closed bool
	wg     sync.WaitGroup
}

// New checks the configuration: the address must be loopback.
func New(cfg Config) (*Sinkhole, error) {
	if !cfg.Addr.IsValid() || !cfg.Addr.IsLoopback() {
		return nil, fmt.Errorf("sinkhole: %s is not a loopback address: refusing to listen", cfg.Addr)
	}
	if cfg.MaxConns <= 0 {
		cfg.MaxConns = 256
	}
	if cfg.Deadline <= 0 {
		cfg.Deadline = 5 * time.Second
	}
	if cfg.OnHit == nil {
		cfg.OnHit = func(Hit) {}
	}
	if cfg.Page == nil {
		cfg.Page = func(string) []byte { return []byte("<!DOCTYPE html><title>Blocked</title>") }
	}
	return &Sinkhole{cfg: cfg, conns: list.New()}, nil
}

// Start opens the listeners. A listener that cannot open (port in use, no
// permission) is reported by Status; the other still runs.
func (s *Sinkhole) Start() {
	addrs := []netip.Addr{s.cfg.Addr}
	if s.cfg.IPv6 {
		addrs = append(addrs, netip.IPv6Loopback())
	}
	for _, addr := range addrs {
		for _, l := range []struct {
			port   int
			scheme string
		}{{s.cfg.HTTPPort, "http"}, {s.cfg.HTTPSPort, "https"}} {
			if l.port != 0 {
				s.start(addr, l.port, l.scheme)
			}
		}
	}
}

// start opens one listener, or records why it could not.
func (s *Sinkhole) start(addr netip.Addr, port int, scheme string) {
	ln, err := listen(addr, port)
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		s.errs = append(s.errs, listenProblem(addr, port, scheme, err))
		return
	}
	s.lns = append(s.lns, ln)
	s.wg.Add(1)
	go s.accept(ln, scheme)
}

func listen(addr netip.Addr, port int) (net.Listener, error) {
	hostport := net.JoinHostPort(addr.String(), strconv.Itoa(port))
	ln, err := net.Listen("tcp", hostport)
	if err != nil && addr.Is4() && addLoopbackAlias(addr) == nil {
		ln, err = net.Listen("tcp", hostport)
	}
	return ln, err
}

// Status reports whether every configured listener is open, and why not.
func (s *Sinkhole) Status() (listening bool, problem string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.errs) > 0 {
		return len(s.lns) > 0, fmt.Sprintf("%v", s.errs)
	}
	return len(s.lns) > 0, ""
}

// Close stops the listeners and closes every connection.
func (s *Sinkhole) Close() {
	s.mu.Lock()
	s.closed = true
	for _, ln := range s.lns {
		ln.Close()
	}
	for e := s.conns.Front(); e != nil; e = e.Next() {
		e.Value.(net.Conn).Close()
	}
	s.mu.Unlock()
	s.wg.Wait()
}

func (s *Sinkhole) accept(ln net.Listener, scheme string) {
	defer s.wg.Done()
	for {
		c, err := ln.Accept()
		if err != nil {
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				continue
			}
			return
		}
		el, ok := s.track(c)
		if !ok {
			c.Close()
			return
		}
		s.wg.Add(1)
		go func() {
			defer s.wg.Done()
			defer s.untrack(el)
			s.serve(c, scheme)
		}()
	}
}

// track registers a connection, closing the oldest when at the limit.
func (s *Sinkhole) track(c net.Conn) (*list.Element, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil, false
	}
	if s.conns.Len() >= s.cfg.MaxConns {
		s.conns.Front().Value.(net.Conn).Close()
		s.conns.Remove(s.conns.Front())
	}
	return s.conns.PushBack(c), true
}

func (s *Sinkhole) untrack(el *list.Element) {
	s.mu.Lock()
	defer s.mu.Unlock()
	el.Value.(net.Conn).Close()
	s.conns.Remove(el) // a no-op if track evicted it already
}

// serve handles one connection and closes it.
func (s *Sinkhole) serve(c net.Conn, scheme string) {
	c.SetDeadline(time.Now().Add(s.cfg.Deadline))
	if scheme == "https" {
		host, err := ReadClientHello(c)
		if err != nil {
			return
		}
		s.cfg.OnHit(Hit{Host: canonicalHost(host), Scheme: scheme, Time: time.Now()})
		c.Write(alertUnrecognizedName)
		return
	}
	req, err := ReadRequestHead(bufio.NewReaderSize(c, 4096))
	if err != nil {
		if errors.Is(err, ErrBadRequest) || errors.Is(err, ErrTooLarge) {
			c.Write([]byte("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"))
		}
		return
	}
	if s.cfg.Local != nil {
		req.Local, req.Remote = addrPort(c.LocalAddr()), addrPort(c.RemoteAddr())
		if resp, ok := s.cfg.Local(req); ok {
			if resp.Hit != nil {
				resp.Hit.Time = time.Now()
				s.cfg.OnHit(*resp.Hit)
			}
			writeLocal(c, req, resp)
			return
		}
	}
	s.cfg.OnHit(Hit{Host: req.Host, Scheme: scheme, Time: time.Now()})
	writePage(c, req, s.cfg.Page)
}

// addrPort is a TCP address as a netip.AddrPort (zero for any other).
func addrPort(a net.Addr) netip.AddrPort {
	if t, ok := a.(*net.TCPAddr); ok {
		return t.AddrPort()
	}
	return netip.AddrPort{}
}

// listenProblem says in words why a listener could not open.
func listenProblem(addr netip.Addr, port int, scheme string, err error) string {
	where := fmt.Sprintf("%s port %d on %s", scheme, port, addr)
	switch {
	case errors.Is(err, syscall.EADDRINUSE):
		return where + " is already used by another program"
	case errors.Is(err, syscall.EACCES):
		return where + " needs root to listen on"
	case errors.Is(err, syscall.EADDRNOTAVAIL):
		return where + ": this computer has no such address"
	}
	return fmt.Sprintf("%s could not be opened (%v)", where, err)
}
