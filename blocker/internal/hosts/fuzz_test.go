package hosts

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
)

func fmtQ(s string) string { return fmt.Sprintf("%q", s) }

// FuzzEdit checks the edit's promises on arbitrary files: Strip(Apply(x)) ==
// Strip(x); Strip(x) == x without a section; Apply is idempotent; exactly one
// section results; every line of Strip(x) is a line of x.
func FuzzEdit(f *testing.F) {
	for _, s := range []string{
		"", "a b", "127.0.0.1 localhost\n", "a\r\nb\r\n", "\xef\xbb\xbf# x\n",
		sec("\n", "x.com"), "a\n" + begin + "\n127.78.0.1 y.com\n", EndMarker + "\n",
		"#" + begin + "\r\n:: q.com\r\n", "# NOCONTACT\n\xff\n",
	} {
		f.Add([]byte(s), "instagram.com www.instagram.com")
	}
	e, err := NewEditor(DefaultSinkhole)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, x []byte, names string) {
		list := strings.Fields(names)
		checkRoundTrip(t, e, x, list)
		applied, _, err := e.Apply(x, list)
		if err != nil || len(list) == 0 {
			return
		}
		_, body := splitBOM(applied)
		if n := len(markers(body)); n != 2 {
			t.Fatalf("Apply left %d markers in %q", n, applied)
		}
		stripped, _ := e.Strip(x)
		for _, line := range bytes.SplitAfter(stripped, []byte("\n")) {
			if len(line) > 0 && !bytes.Contains(x, bytes.TrimRight(line, "\r\n")) {
				t.Fatalf("Strip invented line %q from %q", line, x)
			}
		}
	})
}
