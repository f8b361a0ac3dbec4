package api

import (
	"errors"
	"strings"
	"testing"
)

func TestNormalizeHostname(t *testing.T) {
	good := map[string]string{
		"instagram.com":                  "instagram.com",
		"WWW.Instagram.COM":              "www.instagram.com",
		"instagram.com.":                 "instagram.com",
		"bücher.de":                      "xn--bcher-kva.de",
		"BÜCHER.de":                      "xn--bcher-kva.de",
		"xn--bcher-kva.de":               "xn--bcher-kva.de",
		"t.co":                           "t.co",
		"a-b.c0.example":                 "a-b.c0.example",
		"пример.рф":                      "xn--e1afmkfd.xn--p1ai",
		strings.Repeat("a", 63) + ".com": strings.Repeat("a", 63) + ".com",
	}
	for in, want := range good {
		got, err := NormalizeHostname(in)
		if err != nil || got != want {
			t.Errorf("NormalizeHostname(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}

func TestNormalizeHostnameRefuses(t *testing.T) {
	bad := []string{
		"", ".", "a..com", ".a.com", "-a.com", "a-.com", "a_b.com",
		strings.Repeat("a", 64) + ".com",
		strings.Repeat("abcdefghi.", 25) + "abcd.com", // 254 bytes
		"a b.com", "a\tb.com", "a#b.com", "a/b.com", "a:b.com", "a@b.com", "a\\b.com",
		"127.0.0.1", "127.1", "::1", "[::1]", "fe80::1%eth0", "1.2.3.4.5",
		"a\x00.com", "a\x7f.com", "a\u0085.com", "a\n127.0.0.1 evil.com",
		"localhost", "foo.localhost", "com", "x.123",
		"a\u00a0b.com", "a\u3000b.com",
	}
	for _, in := range bad {
		got, err := NormalizeHostname(in)
		if !errors.Is(err, ErrInvalidHostname) {
			t.Errorf("NormalizeHostname(%q) = %q, %v; want ErrInvalidHostname", in, got, err)
		}
	}
}

func TestNormalizeHostnames(t *testing.T) {
	got, err := NormalizeHostnames([]string{"X.com", "t.co", "x.com."})
	if err != nil || strings.Join(got, ",") != "x.com,t.co" {
		t.Errorf("got %q, %v", got, err)
	}
	if _, err := NormalizeHostnames([]string{"ok.com", "bad name"}); err == nil ||
		!strings.Contains(err.Error(), `"bad name"`) {
		t.Errorf("error %v does not name the bad input", err)
	}
}

func FuzzNormalizeHostname(f *testing.F) {
	for _, s := range []string{"instagram.com", "bücher.de", "a\n#b", "[::1]", "xn--80ak6aa92e.com"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		h, err := NormalizeHostname(in)
		if err != nil {
			return
		}
		if len(h) > maxNameLen || strings.ContainsAny(h, " \t\r\n#/:") || strings.ToLower(h) != h {
			t.Fatalf("NormalizeHostname(%q) = %q, not a safe host name", in, h)
		}
		for i := 0; i < len(h); i++ {
			if h[i] >= 0x80 {
				t.Fatalf("NormalizeHostname(%q) = %q, not ASCII", in, h)
			}
		}
		if again, err := NormalizeHostname(h); err != nil || again != h {
			t.Fatalf("not idempotent: %q -> %q -> %q, %v", in, h, again, err)
		}
	})
}
