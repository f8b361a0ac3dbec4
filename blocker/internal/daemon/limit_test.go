package daemon

import (
	"net"
	"sync"
	"testing"
	"time"
)

// fakeListener hands out the connections sent to it.
type fakeListener struct {
	conns chan net.Conn
	addr  net.Addr
}

func (f *fakeListener) Accept() (net.Conn, error) {
	c, ok := <-f.conns
	if !ok {
		return nil, net.ErrClosed
	}
	return c, nil
}
func (f *fakeListener) Close() error   { return nil }
func (f *fakeListener) Addr() net.Addr { return f.addr }

// TestOwnerCannotStarveRoot (issue 22.7): a user holding many connections
// open keeps only its share; root's next connection is accepted at once,
// and the user's extra ones are closed, not queued.
func TestOwnerCannotStarveRoot(t *testing.T) {
	fl := &fakeListener{conns: make(chan net.Conn, 10000)}
	uids := map[net.Conn]int{}
	var mu sync.Mutex
	var peers []net.Conn // the far ends, to see which were closed
	send := func(uid int) {
		a, b := net.Pipe()
		mu.Lock()
		uids[a] = uid
		peers = append(peers, b)
		mu.Unlock()
		fl.conns <- a
	}
	l := limitListener(fl, 8, nil).(*limited)
	l.peer = func(c net.Conn) int { mu.Lock(); defer mu.Unlock(); return uids[c] }
	var accepted []net.Conn
	for range 8 {
		send(1000)
		c, err := l.Accept()
		if err != nil {
			t.Fatal(err)
		}
		accepted = append(accepted, c)
	}
	for range 4000 {
		send(1000)
	}
	send(0) // root, behind the owner's flood
	done := make(chan net.Conn)
	go func() { c, _ := l.Accept(); done <- c }()
	select {
	case c := <-done:
		if l.peer(c.(*limitedConn).Conn) != 0 {
			t.Fatal("a connection beyond the owner's share was accepted")
		}
	case <-time.After(10 * time.Second):
		t.Fatal("root's connection was not accepted while the owner held its share")
	}
	closed := 0
	for _, p := range peers[8:4008] {
		p.SetReadDeadline(time.Now().Add(time.Second))
		if _, err := p.Read(make([]byte, 1)); err != nil && !isTimeout(err) {
			closed++
		}
	}
	if closed != 4000 {
		t.Errorf("%d of the owner's 4000 extra connections were closed; want all", closed)
	}
	accepted[0].Close()
	send(1000)
	go func() { c, _ := l.Accept(); done <- c }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("a place given back was not taken again")
	}
}

func isTimeout(err error) bool {
	ne, ok := err.(net.Error)
	return ok && ne.Timeout()
}

// New refuses a configuration without its paths: the production defaults
// are cmd/nocontactd's, so a forgotten field never reaches /etc/hosts.
func TestNewRefusesMissingPaths(t *testing.T) {
	for _, cfg := range []Config{{}, {HostsFile: "h", StateDir: "s"}, {StateDir: "s", Socket: "x"}, {HostsFile: "h", Socket: "x"}} {
		if _, err := New(cfg); err == nil {
			t.Errorf("New(%+v) accepted a configuration without all its paths", cfg)
		}
	}
}

// TestChurnIsLimitedOverTime (issue 29.4): a uid that opens and closes
// connections gets connBurst at once and connRate a second after that;
// the rest are closed at once, and root's are never counted.
func TestChurnIsLimitedOverTime(t *testing.T) {
	fl := &fakeListener{conns: make(chan net.Conn, 10000)}
	uids := map[net.Conn]int{}
	var mu sync.Mutex
	now := time.Date(2026, 12, 5, 1, 0, 0, 0, time.UTC)
	l := limitListener(fl, 8, nil).(*limited)
	l.peer = func(c net.Conn) int { mu.Lock(); defer mu.Unlock(); return uids[c] }
	l.now = func() time.Time { return now }
	churn := func(uid, n int) (accepted int) {
		for range n {
			a, _ := net.Pipe()
			mu.Lock()
			uids[a] = uid
			mu.Unlock()
			fl.conns <- a
		}
		fl.conns <- sentinel(t, uids, &mu)
		for {
			c, err := l.Accept()
			if err != nil {
				t.Fatal(err)
			}
			if l.peer(c.(*limitedConn).Conn) == -2 {
				c.Close()
				return accepted
			}
			accepted++
			c.Close() // opened and closed: churn
		}
	}
	if n := churn(1000, 1000); n != connBurst {
		t.Errorf("a burst of 1000: %d accepted, want %d", n, connBurst)
	}
	if n := churn(0, 1000); n != 1000 {
		t.Errorf("root's 1000: %d accepted", n)
	}
	now = now.Add(time.Second)
	if n := churn(1000, 1000); n != int(connRate) {
		t.Errorf("a second later: %d accepted, want %d", n, int(connRate))
	}
}

// sentinel is a connection of uid -2 that ends a churn: it is accepted
// whatever the others' counts (a uid of its own).
func sentinel(t *testing.T, uids map[net.Conn]int, mu *sync.Mutex) net.Conn {
	t.Helper()
	a, _ := net.Pipe()
	mu.Lock()
	uids[a] = -2
	mu.Unlock()
	return a
}
