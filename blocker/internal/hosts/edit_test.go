package hosts

import (
	"bytes"
	"errors"
	"net/netip"
	"strings"
	"testing"

	"github.com/nocontact-app/nocontact/blocker/api"
)

const begin = BeginMarker

func editor(t testing.TB) *Editor {
	t.Helper()
	e, err := NewEditor(DefaultSinkhole)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// sec builds the section this package writes for names, with eol.
func sec(eol string, names ...string) string {
	var b strings.Builder
	b.WriteString(begin + eol)
	for _, n := range names {
		b.WriteString("127.78.0.1 " + n + " " + n + "." + eol + ":: " + n + " " + n + "." + eol)
	}
	b.WriteString(EndMarker + eol)
	return b.String()
}

func TestApply(t *testing.T) {
	ig := []string{"instagram.com"}
	tests := []struct {
		name  string
		prev  string
		names []string
		want  string
	}{
		{"empty file: the system's own line ending", "", ig, sec(defaultEOL, "instagram.com")},
		{"appended after content", "127.0.0.1 localhost\n", ig,
			"127.0.0.1 localhost\n" + sec("\n", "instagram.com")},
		{"comments, blanks, tabs, inline comments kept",
			"# comment\n\n127.0.0.1\tlocalhost  # me\n  ::1 ip6-localhost\t\n", ig,
			"# comment\n\n127.0.0.1\tlocalhost  # me\n  ::1 ip6-localhost\t\n" + sec("\n", "instagram.com")},
		{"CRLF file gets a CRLF section", "127.0.0.1 localhost\r\n# x\r\n", ig,
			"127.0.0.1 localhost\r\n# x\r\n" + sec("\r\n", "instagram.com")},
		{"BOM kept", "\xef\xbb\xbf127.0.0.1 localhost\n", ig,
			"\xef\xbb\xbf127.0.0.1 localhost\n" + sec("\n", "instagram.com")},
		{"an older section without the dotted names is replaced",
			"a b\n" + begin + "\n127.78.0.1 x.com\n:: x.com\n" + EndMarker + "\nc d\n", ig,
			"a b\n" + sec("\n", "instagram.com") + "c d\n"},
		{"BOM before a section on line one", "\xef\xbb\xbf" + sec("\n", "old.com") + "a b\n", ig,
			"\xef\xbb\xbf" + sec("\n", "instagram.com") + "a b\n"},
		{"missing final newline kept", "127.0.0.1 localhost", ig,
			"127.0.0.1 localhost" + defaultEOL + strings.TrimSuffix(sec(defaultEOL, "instagram.com"), defaultEOL)},
		{"missing final newline, CRLF", "a b\r\nc d", ig,
			"a b\r\nc d\r\n" + strings.TrimSuffix(sec("\r\n", "instagram.com"), "\r\n")},
		{"non-UTF-8 bytes in comments kept", "# caf\xe9 \xff\xfe\n", ig,
			"# caf\xe9 \xff\xfe\n" + sec("\n", "instagram.com")},
		{"section replaced where it was", "a b\n" + sec("\n", "old.com") + "c d\n", ig,
			"a b\n" + sec("\n", "instagram.com") + "c d\n"},
		{"other tools' lines for the same host untouched", "0.0.0.0 instagram.com\n", ig,
			"0.0.0.0 instagram.com\n" + sec("\n", "instagram.com")},
		{"names normalised and de-duplicated", "", []string{"Instagram.COM", "instagram.com.", "bücher.de"},
			sec(defaultEOL, "instagram.com", "xn--bcher-kva.de")},
		{"names sorted", "", []string{"x.com", "t.co", "b.com"}, sec(defaultEOL, "b.com", "t.co", "x.com")},
		{"no names strips", "a b\n" + sec("\n", "x.com"), nil, "a b\n"},
		{"no names, no section: unchanged", "a b\n", nil, "a b\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, changed, err := editor(t).Apply([]byte(tt.prev), tt.names)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("Apply:\n got %q\nwant %q", got, tt.want)
			}
			if changed != (tt.want != tt.prev) {
				t.Errorf("changed = %v, want %v", changed, tt.want != tt.prev)
			}
			checkRoundTrip(t, editor(t), []byte(tt.prev), tt.names)
		})
	}
}

func TestApplyTwiceChangesNothing(t *testing.T) {
	e := editor(t)
	for _, prev := range []string{"", "a b", "a b\r\n", "\xef\xbb\xbfa b\n" + sec("\n", "z.com") + "c d"} {
		once, _, err := e.Apply([]byte(prev), []string{"x.com", "t.co"})
		if err != nil {
			t.Fatal(err)
		}
		twice, changed, err := e.Apply(once, []string{"t.co", "X.com"})
		if err != nil {
			t.Fatal(err)
		}
		if changed || &twice[0] != &once[0] {
			t.Errorf("second Apply of %q reported a change or copied: %q", prev, twice)
		}
	}
}

func TestRepairDamagedSections(t *testing.T) {
	const user = "127.0.0.1 localhost\n"
	entries := "127.78.0.1 a.com a.com.\n:: a.com a.com.\n"
	tests := []struct {
		name, prev, stripped string
	}{
		{"BEGIN without END at the end", user + begin + "\n" + entries, user},
		{"BEGIN without END keeps the lines after the entries",
			user + begin + "\n" + entries + "10.0.0.1 nas\n# mine\n", user + "10.0.0.1 nas\n# mine\n"},
		{"BEGIN without END keeps a following localhost line",
			begin + "\n127.0.0.1 localhost\n", "127.0.0.1 localhost\n"},
		{"END without BEGIN", user + entries + EndMarker + "\n# after\n", user + "# after\n"},
		{"END without BEGIN keeps the user's line before it", "10.0.0.1 nas\n" + EndMarker + "\n", "10.0.0.1 nas\n"},
		{"two sections", "a b\n" + sec("\n", "x.com") + "c d\n" + sec("\n", "y.com") + "e f\n", "a b\nc d\ne f\n"},
		{"BEGIN, BEGIN, END", user + begin + "\n" + entries + begin + "\n" + entries + EndMarker + "\nz y\n", user + "z y\n"},
		{"commented-out lines inside", user + begin + "\n# 127.78.0.1 a.com a.com.\n#:: a.com a.com.\n" + EndMarker + "\n", user},
		{"commented-out markers", user + "## BEGIN NOCONTACT\n" + entries + "#\t# END NOCONTACT\n", user},
		{"marker words in a user comment are not a marker", "# see NOCONTACT docs\n", "# see NOCONTACT docs\n"},
		{"section at end without final newline", user + strings.TrimSuffix(sec("\n", "a.com"), "\n"), strings.TrimSuffix(user, "\n")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := editor(t)
			got, _ := e.Strip([]byte(tt.prev))
			if string(got) != tt.stripped {
				t.Errorf("Strip:\n got %q\nwant %q", got, tt.stripped)
			}
			applied, _, err := e.Apply([]byte(tt.prev), []string{"b.com"})
			if err != nil {
				t.Fatal(err)
			}
			if n := bytes.Count(applied, []byte("BEGIN NOCONTACT")); n != 1 {
				t.Errorf("Apply left %d BEGIN markers: %q", n, applied)
			}
			if n := bytes.Count(applied, []byte("END NOCONTACT")); n != 1 {
				t.Errorf("Apply left %d END markers: %q", n, applied)
			}
			checkRoundTrip(t, e, []byte(tt.prev), []string{"b.com"})
		})
	}
}

func TestApplyRefusesInvalidNames(t *testing.T) {
	bad := []string{"", "a..com", "-a.com", "a-.com", strings.Repeat("a", 64) + ".com",
		strings.Repeat("abcdefghi.", 26) + "com", "a b.com", "a\tb.com", "a#b.com", "a/b.com", "a:b.com",
		"127.0.0.1", "::1", "[::1]", "10.1.2.3", "a\x00.com", "a\n127.0.0.1 evil.com", "localhost", "x.localhost",
		"com", "evil.com\r\n# END NOCONTACT"}
	e := editor(t)
	for _, name := range bad {
		out, changed, err := e.Apply([]byte("a b\n"), []string{"ok.com", name})
		if !errors.Is(err, api.ErrInvalidHostname) {
			t.Errorf("Apply(%q): err = %v, want ErrInvalidHostname", name, err)
		}
		if err != nil && !strings.Contains(err.Error(), strconvQuote(name)) {
			t.Errorf("Apply(%q): error %q does not name the input", name, err)
		}
		if out != nil || changed {
			t.Errorf("Apply(%q) returned content", name)
		}
	}
}

func TestNewEditorRefusesNonLoopback(t *testing.T) {
	for _, a := range []string{"10.0.0.1", "0.0.0.0", "::1", "8.8.8.8"} {
		if _, err := NewEditor(netip.MustParseAddr(a)); err == nil {
			t.Errorf("NewEditor(%s) accepted", a)
		}
	}
	e, err := NewEditor(netip.MustParseAddr("127.0.0.2"))
	if err != nil {
		t.Fatal(err)
	}
	out, _, _ := e.Apply(nil, []string{"a.com"})
	if !bytes.Contains(out, []byte(defaultEOL+"127.0.0.2 a.com a.com."+defaultEOL)) {
		t.Errorf("custom sinkhole not used: %q", out)
	}
}

func TestSection(t *testing.T) {
	e := editor(t)
	file := "a b\n" + sec("\n", "x.com") + "c d\n"
	if got := string(e.Section([]byte(file))); got != sec("\n", "x.com") {
		t.Errorf("Section = %q", got)
	}
	edited := strings.Replace(file, "127.78.0.1 x.com x.com.", "#127.78.0.1 x.com x.com.", 1)
	if bytes.Equal(e.Section([]byte(file)), e.Section([]byte(edited))) {
		t.Error("commenting out a line does not change the section")
	}
	if len(e.Section([]byte("a b\n"))) != 0 {
		t.Error("Section of a file without one is not empty")
	}
}

// checkRoundTrip asserts Strip(Apply(x)) == Strip(x), and == x when x had no
// section, and that Apply is idempotent.
func checkRoundTrip(t testing.TB, e *Editor, x []byte, names []string) {
	t.Helper()
	applied, _, err := e.Apply(x, names)
	if err != nil {
		return
	}
	sx, _ := e.Strip(x)
	sa, _ := e.Strip(applied)
	if !bytes.Equal(sa, sx) {
		t.Fatalf("Strip(Apply(x)) != Strip(x)\n x = %q\n Apply = %q\n Strip(Apply) = %q\n Strip(x) = %q", x, applied, sa, sx)
	}
	if len(e.findSections(x)) == 0 && !bytes.Equal(sx, x) {
		t.Fatalf("Strip changed a file without a section: %q -> %q", x, sx)
	}
	again, changed, _ := e.Apply(applied, names)
	if changed || !bytes.Equal(again, applied) {
		t.Fatalf("Apply not idempotent:\n once %q\n twice %q", applied, again)
	}
}

func strconvQuote(s string) string {
	return strings.TrimSuffix(strings.TrimPrefix(fmtQ(s), `"`), `"`)
}
