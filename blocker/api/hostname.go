package api

import (
	"errors"
	"fmt"
	"net/netip"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/idna"
)

// ErrInvalidHostname is wrapped by every error that refuses a hostname.
var ErrInvalidHostname = errors.New("invalid hostname")

// Length limits of RFC 1035 / RFC 1123.
const (
	maxNameLen  = 253
	maxLabelLen = 63
)

// idnaProfile maps a name the way a browser does before a lookup (UTS #46,
// lower-casing, punycode) and refuses what is not a host name.
var idnaProfile = idna.New(
	idna.MapForLookup(),
	idna.BidiRule(),
	idna.StrictDomainName(true),
	idna.ValidateLabels(true),
	idna.VerifyDNSLength(true),
)

// NormalizeHostname returns name as a lower-case ASCII host name (punycode
// for internationalised names) fit to be written to a hosts file, or an error
// wrapping ErrInvalidHostname that quotes the input.
//
// It refuses empty and over-long names and labels, whitespace, control bytes,
// '#', '/', ':' and other bytes no host name holds, IP literals, single-label
// names and names under "localhost". One trailing dot is accepted and dropped.
func NormalizeHostname(name string) (string, error) {
	if err := checkBytes(name); err != nil {
		return "", invalid(name, err.Error())
	}
	trimmed := strings.TrimSuffix(name, ".")
	if _, err := netip.ParseAddr(strings.Trim(trimmed, "[]")); err == nil {
		return "", invalid(name, "an IP address, not a host name")
	}
	ascii, err := idnaProfile.ToASCII(trimmed)
	if err != nil {
		return "", invalid(name, "not a valid DNS name")
	}
	ascii = strings.ToLower(ascii)
	if err := checkLabels(ascii); err != nil {
		return "", invalid(name, err.Error())
	}
	// A punycode label must decode to what it encodes: "xn--" labels that
	// do not are refused.
	if again, err := idnaProfile.ToASCII(ascii); err != nil || again != ascii {
		return "", invalid(name, "not a valid internationalised name")
	}
	return ascii, nil
}

// NormalizeHostnames normalises every name, drops duplicates and keeps the
// order of first appearance. It fails on the first invalid name.
func NormalizeHostnames(names []string) ([]string, error) {
	out := make([]string, 0, len(names))
	seen := make(map[string]bool, len(names))
	for _, n := range names {
		h, err := NormalizeHostname(n)
		if err != nil {
			return nil, err
		}
		if !seen[h] {
			seen[h] = true
			out = append(out, h)
		}
	}
	return out, nil
}

func invalid(name, why string) error {
	return fmt.Errorf("%w %q: %s", ErrInvalidHostname, name, why)
}

// checkBytes refuses the bytes that must never reach a hosts file, before
// IDNA mapping could turn some of them into something harmless-looking.
func checkBytes(name string) error {
	if name == "" {
		return errors.New("empty")
	}
	if len(name) > 4*maxNameLen {
		return errors.New("too long")
	}
	if !utf8.ValidString(name) || strings.ContainsRune(name, utf8.RuneError) {
		return errors.New("not valid UTF-8")
	}
	for _, r := range name {
		switch {
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			return errors.New("contains a control character")
		case r == ' ' || r == '\u00a0' || r == '\u3000':
			return errors.New("contains whitespace")
		case strings.ContainsRune("#/\\:@?%*,;=\"'<>[]{}|^`~!$&()+", r):
			return fmt.Errorf("contains %q", r)
		}
	}
	return nil
}

// checkLabels applies RFC 1123 to an ASCII name.
func checkLabels(name string) error {
	if len(name) > maxNameLen {
		return fmt.Errorf("longer than %d bytes", maxNameLen)
	}
	labels := strings.Split(name, ".")
	if len(labels) < 2 {
		return errors.New("a single label; give the full name, such as example.com")
	}
	if last := labels[len(labels)-1]; last == "localhost" || allDigits(last) {
		return errors.New("not a public host name")
	}
	for _, l := range labels {
		if err := checkLabel(l); err != nil {
			return err
		}
	}
	return nil
}

func checkLabel(l string) error {
	switch {
	case l == "":
		return errors.New("has an empty label")
	case len(l) > maxLabelLen:
		return fmt.Errorf("has a label longer than %d bytes", maxLabelLen)
	case l[0] == '-' || l[len(l)-1] == '-':
		return errors.New("has a label that starts or ends with '-'")
	}
	for i := 0; i < len(l); i++ {
		c := l[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return fmt.Errorf("contains %q", c)
		}
	}
	return nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
