package hosts

import (
	"bufio"
	"bytes"
	"fmt"
	"net/netip"
	"slices"
	"strings"
)

// Resolver configuration files that decide whether the hosts file is read
// at all (glibc; other systems have neither and Audit skips them).
const (
	DefaultNSSwitch = "/etc/nsswitch.conf"
	DefaultHostConf = "/etc/host.conf"
)

// Audit looks for ways around a section that is itself intact, and says
// each in a sentence: the name service told to skip the hosts file or ask
// DNS first (nsswitch), and lines outside the section that give a blocked
// name a real address (which glibc returns beside, or with "multi off" in
// host.conf instead of, the sinkhole). nsswitch and hostConf may be nil
// (no such file). It never names a blocked host: its findings are logged.
func (e *Editor) Audit(content, nsswitch, hostConf []byte, names []string) []string {
	var found []string
	if p := nsswitchProblem(nsswitch); p != "" {
		found = append(found, p)
	}
	if n := e.realAddresses(content, names); n > 0 {
		what := "a line outside the block gives a blocked name a real address"
		if n > 1 {
			what = fmt.Sprintf("%d lines outside the block give blocked names real addresses", n)
		}
		if multiOff(hostConf) {
			what += ", and /etc/host.conf (multi off) makes that address the only answer"
		}
		found = append(found, what)
	}
	return found
}

// nsswitchProblem reads the "hosts:" line: without "files", or with "dns"
// or "resolve" before it, blocked names go to DNS.
func nsswitchProblem(conf []byte) string {
	for _, line := range lines(conf) {
		f := strings.Fields(line)
		if len(f) == 0 || f[0] != "hosts:" {
			continue
		}
		var services []string
		for _, s := range f[1:] {
			if !strings.HasPrefix(s, "[") {
				services = append(services, s)
			}
		}
		files := slices.Index(services, "files")
		switch {
		case files < 0:
			return "/etc/nsswitch.conf no longer reads the hosts file (its hosts: line has no \"files\")"
		case slices.ContainsFunc(services[:files], func(s string) bool { return s == "dns" || s == "resolve" }):
			return "/etc/nsswitch.conf asks DNS before the hosts file"
		}
		return ""
	}
	return ""
}

// multiOff reports whether host.conf says "multi off".
func multiOff(conf []byte) bool {
	for _, line := range lines(conf) {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "multi" && f[1] == "off" {
			return true
		}
	}
	return false
}

// realAddresses counts lines outside the section that map one of names to
// an address that is neither loopback nor unspecified.
func (e *Editor) realAddresses(content []byte, names []string) int {
	_, body := splitBOM(content)
	n := 0
	for _, piece := range e.cut(body) {
		for _, line := range lines(piece) {
			f := strings.Fields(line)
			if len(f) < 2 {
				continue
			}
			addr, err := netip.ParseAddr(f[0])
			if err != nil || addr.IsLoopback() || addr.IsUnspecified() {
				continue
			}
			for _, h := range f[1:] {
				if slices.Contains(names, strings.TrimSuffix(strings.ToLower(h), ".")) {
					n++
					break
				}
			}
		}
	}
	return n
}

// lines returns the lines of b without comments.
func lines(b []byte) []string {
	var out []string
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 4096), len(b)+1)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		out = append(out, line)
	}
	return out
}
