package daemon

import (
	"context"
	"errors"
	"net"
	"net/netip"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/internal/sinkhole"
	"github.com/nocontact-app/nocontact/blocker/testutil"
)

// TestTCPPeerUID finds the uid behind a loopback TCP connection, over
// IPv4 and IPv6, and (as root) that of a program run as another uid.
func TestTCPPeerUID(t *testing.T) {
	for _, network := range []string{"tcp4", "tcp6"} {
		addr := map[string]string{"tcp4": "127.0.0.1:0", "tcp6": "[::1]:0"}[network]
		ln, err := net.Listen(network, addr)
		if err != nil {
			testutil.Missing(t, "%s: %v (no such loopback here)", network, err)
		}
		defer ln.Close()
		go func() {
			c, err := net.Dial(network, ln.Addr().String())
			if err == nil {
				time.Sleep(time.Second)
				c.Close()
			}
		}()
		c, err := ln.Accept()
		testutil.Must(t, err)
		uid, err := tcpPeerUID(c.LocalAddr().(*net.TCPAddr).AddrPort(), c.RemoteAddr().(*net.TCPAddr).AddrPort())
		c.Close()
		if err != nil || uid != os.Geteuid() {
			t.Errorf("%s: uid %d, %v; want %d", network, uid, err, os.Geteuid())
		}
	}
	if os.Geteuid() != 0 {
		return
	}
	if _, err := exec.LookPath("curl"); err != nil {
		testutil.Missing(t, "needs curl")
	}
	ln, err := net.Listen("tcp4", "127.0.0.1:0")
	testutil.Must(t, err)
	defer ln.Close()
	cmd := exec.Command("curl", "-s", "--max-time", "3", "http://"+ln.Addr().String()+"/")
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	testutil.Must(t, cmd.Start())
	defer cmd.Wait()
	c, err := ln.Accept()
	testutil.Must(t, err)
	defer c.Close()
	if uid, err := tcpPeerUID(c.LocalAddr().(*net.TCPAddr).AddrPort(), c.RemoteAddr().(*net.TCPAddr).AddrPort()); uid != 65534 {
		t.Errorf("curl as nobody: uid %d, %v", uid, err)
	}
}

// TestRulesOnlyForTheOwner (issue 29.9): the extension's rules, which name
// the blocked person, and the page that names them, are given only to a
// program of a uid the API admits.
func TestRulesOnlyForTheOwner(t *testing.T) {
	e := newEnv(t)
	_, err := e.client.Start(context.Background(), api.StartRequest{Paths: []string{"instagram.com/jane.doe"}, Duration: api.Duration(time.Hour)})
	testutil.Must(t, err)
	e.d.pages.ext = &ext{id: "abc", base: "http://127.78.0.1"}
	for uid, want := range map[int]int{0: 200, 65534: 403, -1: 403} { // -1: the uid could not be found
		e.d.pages.tcpPeer = func(_, _ netip.AddrPort) (int, error) {
			if uid < 0 {
				return -1, errors.New("not found")
			}
			return uid, nil
		}
		resp, ok := e.d.pages.local(sinkhole.Request{Method: "GET", Host: "127.78.0.1", Path: "/nocontact/rules.json"})
		if !ok || resp.Status != want || (want == 200) != strings.Contains(string(resp.Body), "jane") {
			t.Errorf("uid %d: rules %d %q, want %d", uid, resp.Status, resp.Body, want)
		}
		page, _ := e.d.pages.local(sinkhole.Request{Method: "GET", Host: "127.78.0.1", Path: "/nocontact/blocked?host=instagram.com&path=%2Fjane.doe"})
		if named := strings.Contains(string(page.Body), "jane.doe"); named != (want == 200) {
			t.Errorf("uid %d: the page names the person: %v", uid, named)
		}
	}
}
