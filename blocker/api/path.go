package api

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// MaxPaths bounds the profile paths of a session: the browsers' lists hold
// 1,000 entries, and blocking a path exactly takes 40 of them in Chromium.
const MaxPaths = 100

// ErrInvalidPath is wrapped by every error NormalizePath returns.
var ErrInvalidPath = errors.New("invalid profile path")

// NormalizePath returns a profile path to block in browsers, as
// "host/path" ("instagram.com/jane.doe", "tiktok.com/@jane") or
// "host/path?key=value" ("facebook.com/profile.php?id=4"), or an error
// wrapping ErrInvalidPath that quotes the input. The host is a valid host
// name (NormalizeHostname); the path has one to four segments of letters,
// digits and . _ ~ @ % + - only, and no dot-only segment; the query, when
// there is one, is a single key=value of letters, digits and . _ -. So
// nothing in it can change the meaning of a browser's URL pattern or
// policy JSON.
func NormalizePath(s string) (string, error) {
	host, path, ok := strings.Cut(strings.TrimSpace(s), "/")
	if !ok {
		return "", badPath(s, "no path after the host")
	}
	h, err := NormalizeHostname(host)
	if err != nil {
		return "", badPath(s, "its host is not valid")
	}
	path, query, hasQuery := strings.Cut(path, "?")
	if hasQuery {
		if err := checkQuery(s, query); err != nil {
			return "", err
		}
		query = "?" + query
	}
	path = strings.TrimSuffix(path, "/")
	segs := strings.Split(path, "/")
	if path == "" || len(segs) > 4 || len(path) > 200 {
		return "", badPath(s, "the path must have one to four parts")
	}
	for _, seg := range segs {
		if seg == "" || strings.Trim(seg, ".") == "" {
			return "", badPath(s, "an empty or dot-only part")
		}
		for _, c := range seg {
			if !pathChar(c) {
				return "", badPath(s, fmt.Sprintf("the character %q", c))
			}
		}
	}
	return h + "/" + path + query, nil
}

// checkQuery accepts one key=value token of letters, digits and . _ -.
func checkQuery(s, q string) error {
	k, v, ok := strings.Cut(q, "=")
	if !ok || k == "" || v == "" || len(q) > 100 {
		return badPath(s, "the query must be one key=value")
	}
	for _, c := range k + v {
		if !NameChar(c) {
			return badPath(s, fmt.Sprintf("the character %q in the query", c))
		}
	}
	return nil
}

// NameChar reports whether c may be in a handle on every platform the
// catalogue knows, and so in a query value: a letter, a digit, . _ or -.
func NameChar(c rune) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune("._-", c)
}

// SplitPath splits a normalised path into its host, its path (from the
// first "/") and its query ("key=value", or "").
func SplitPath(p string) (host, path, query string) {
	host, rest, _ := strings.Cut(p, "/")
	path, query, _ = strings.Cut("/"+rest, "?")
	return host, path, query
}

func pathChar(c rune) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune("._~@%+-", c)
}

func badPath(s, why string) error {
	return fmt.Errorf("%w %q: %s", ErrInvalidPath, s, why)
}

// NormalizePaths normalises each path and de-duplicates; the first invalid
// one is the error.
func NormalizePaths(in []string) ([]string, error) {
	var out []string
	for _, s := range in {
		p, err := NormalizePath(s)
		if err != nil {
			return nil, err
		}
		if !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out, nil
}
