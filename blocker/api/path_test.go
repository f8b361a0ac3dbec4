package api

import (
	"errors"
	"testing"
)

func TestNormalizePath(t *testing.T) {
	good := map[string]string{
		"instagram.com/jane.doe":        "instagram.com/jane.doe",
		"Instagram.COM/jane.doe/":       "instagram.com/jane.doe",
		"tiktok.com/@jane":              "tiktok.com/@jane",
		"linkedin.com/in/jane-doe-1":    "linkedin.com/in/jane-doe-1",
		"bücher.de/jane":                "xn--bcher-kva.de/jane",
		"facebook.com/profile.php?id=4": "facebook.com/profile.php?id=4",
	}
	for in, want := range good {
		if got, err := NormalizePath(in); err != nil || got != want {
			t.Errorf("%q: %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "instagram.com", "instagram.com/", "instagram.com//x", "instagram.com/..",
		"instagram.com/a b", `instagram.com/a"b`, "instagram.com/a\nb", "instagram.com/a,b", "instagram.com/a*",
		"instagram.com/a?x", "instagram.com/a?x=1&y=2", "instagram.com/a?x=*", "instagram.com/a?=1", "instagram.com/a?x=", "instagram.com/?x=1", "instagram.com/a#x", "127.0.0.1/x", "localhost/x", "instagram.com/a/b/c/d/e"} {
		if got, err := NormalizePath(in); !errors.Is(err, ErrInvalidPath) {
			t.Errorf("%q accepted as %q", in, got)
		}
	}
}
