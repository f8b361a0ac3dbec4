package hosts

import (
	"bufio"
	"bytes"
	"fmt"
	"net/netip"
	"regexp"
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
// each in a sentence: the name service told to skip the hosts file, ask
// DNS first or go on to DNS after it (nsswitch), and lines outside the
// section that give a blocked name another address (which glibc returns
// beside, or first, or with "multi off" in host.conf instead of, the
// sinkhole). nsswitch and hostConf may be nil
// (no such file). It never names a blocked host: its findings are logged.
func (e *Editor) Audit(content, nsswitch, hostConf []byte, names []string) []string {
	var found []string
	if p := nsswitchProblem(nsswitch); p != "" {
		found = append(found, p)
	}
	if n := e.otherAddresses(content, names); n > 0 {
		what := "a line outside the block gives a blocked name another address"
		if n > 1 {
			what = fmt.Sprintf("%d lines outside the block give blocked names other addresses", n)
		}
		if multiOff(hostConf) {
			what += ", and /etc/host.conf (multi off) makes that address the only answer"
		}
		found = append(found, what)
	}
	return found
}

// nsswitchProblem reads the "hosts:" line as glibc does (the last one
// counts; "[STATUS=action]" after a service changes what follows it):
// without "files", with "dns" or "resolve" before it, or with an action
// that goes on past an answer from the hosts file, blocked names go to DNS.
// It reads the line in every spelling glibc accepts: "hosts:dns files"
// (no blank after the colon), "hosts :", "hosts dns" (no colon at all),
// "files[SUCCESS=continue]" (no
// blank before the bracket), "[SUCCESS = continue]" and "[ ! SUCCESS=
// continue ]" (blanks inside the brackets). Service names are matched as
// glibc loads them, case by case: "FILES" is no service, so not the hosts
// file. The database name is matched as glibc matches it: "HOSTS:" is not
// the hosts line.
func nsswitchProblem(conf []byte) string {
	var last string
	found := false
	for _, line := range lines(conf) {
		if name, rest := nssDatabase(line); name == "hosts" {
			last, found = rest, true
		}
	}
	if !found {
		return ""
	}
	services, actions := nssEntries(last)
	files := slices.Index(services, "files")
	switch {
	case files < 0:
		return "/etc/nsswitch.conf no longer reads the hosts file (its hosts: line has no \"files\")"
	case slices.ContainsFunc(services[:files], func(s string) bool { return s == "dns" || s == "resolve" }):
		return "/etc/nsswitch.conf asks DNS before the hosts file"
	case files < len(services)-1 && continuesOnSuccess(actions[files]):
		return "/etc/nsswitch.conf goes on to DNS even when the hosts file answers (" + actions[files] + " after files)"
	}
	return ""
}

// nssDatabase splits a line of nsswitch.conf as glibc does: the database
// name runs to the first blank or ":", and the blanks and colons after it
// are skipped, so "hosts: files", "hosts:files", "hosts :files" and
// "hosts files" are all the hosts line.
func nssDatabase(line string) (name, rest string) {
	line = strings.TrimLeft(line, " \t")
	end := strings.IndexAny(line, " \t:")
	if end <= 0 {
		return "", ""
	}
	return line[:end], strings.TrimLeft(line[end:], " \t:")
}

// nssEntries splits the rest of a hosts: line into its services and, for
// each, the action criteria written after it, without blanks around "="
// or after "!" ("[SUCCESS=continue NOTFOUND=return]", may be "").
func nssEntries(rest string) (services, actions []string) {
	for rest = strings.TrimSpace(rest); rest != ""; rest = strings.TrimSpace(rest) {
		if rest[0] != '[' {
			end := strings.IndexFunc(rest, func(r rune) bool { return r == '[' || r == ' ' || r == '\t' })
			if end < 0 {
				end = len(rest)
			}
			services, actions = append(services, rest[:end]), append(actions, "")
			rest = rest[end:]
			continue
		}
		end := strings.IndexByte(rest, ']')
		if end < 0 {
			end = len(rest) // unclosed: to the end of the line
		}
		crit := "[" + strings.Join(strings.Fields(nssBlanks.ReplaceAllString(rest[1:end], "$1$2")), " ") + "]"
		if n := len(actions); n > 0 {
			actions[n-1] += crit
		}
		rest = rest[min(end+1, len(rest)):]
	}
	return services, actions
}

// nssBlanks are the blanks glibc allows around "=" and after "!".
var nssBlanks = regexp.MustCompile(`\s*(=)\s*|(!)\s*`)

// continuesOnSuccess reports whether action criteria make glibc go on to
// the next service after a success: SUCCESS=continue, or !STATUS=continue
// for any status but SUCCESS.
func continuesOnSuccess(criteria string) bool {
	for _, c := range strings.Fields(strings.NewReplacer("[", " ", "]", " ").Replace(strings.ToLower(criteria))) {
		status, action, ok := strings.Cut(c, "=")
		if !ok || action != "continue" {
			continue
		}
		if status == "success" || (strings.HasPrefix(status, "!") && status != "!success") {
			return true
		}
	}
	return false
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

// otherAddresses counts lines outside the section that map one of names
// to an address other than the sinkhole or an unspecified one (0.0.0.0,
// ::, which block as well): a real address, or another loopback one
// (127.0.0.5), where no passage answers and no attempt is seen.
func (e *Editor) otherAddresses(content []byte, names []string) int {
	_, body := splitBOM(content)
	n := 0
	for _, piece := range e.cut(body) {
		for _, line := range lines(piece) {
			f := strings.Fields(line)
			if len(f) < 2 {
				continue
			}
			addr, err := netip.ParseAddr(f[0])
			if err != nil || addr.String() == e.sinkhole || addr.IsUnspecified() {
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
