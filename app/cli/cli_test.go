package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/nocontact-app/nocontact/app/single"
	"github.com/nocontact-app/nocontact/content"
)

func runCLI(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Run(args, Env{Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }})
	return code, out.String(), errb.String()
}

func TestReadWholeArticle(t *testing.T) {
	code, out, _ := runCLI("read", "--width", "60")
	if code != ExitOK || !strings.HasPrefix(out, "Understanding Why People Break No Contact Rules After a\nBreakup\n===") {
		t.Fatalf("read: %d %.80q", code, out)
	}
	for _, line := range strings.Split(out, "\n") {
		if len([]rune(line)) > 60 {
			t.Errorf("line wider than 60: %q", line)
		}
	}
}

func TestReadListAndOne(t *testing.T) {
	_, list, _ := runCLI("read", "--list")
	if !strings.Contains(list, "   4  Seeking Closure") || !strings.Contains(list, "  20  Loneliness Avoidance Impulse") {
		t.Errorf("list:\n%s", list)
	}
	for _, q := range [][]string{{"4"}, {"Seeking Closure: Is It Ever Truly Achievable?"}, {"seeking", "closure"}} {
		code, out, errs := runCLI(append([]string{"read"}, q...)...)
		if code != ExitOK || !strings.HasPrefix(out, "Seeking Closure: Is It Ever Truly Achievable?\n---") {
			t.Errorf("read %q: %d %.60q %s", q, code, out, errs)
		}
	}
	if code, out, _ := runCLI("read", "18"); code != ExitOK || !strings.HasPrefix(out, "Longing-for-Closure Bias") {
		t.Errorf("read 18 (a term): %d %.40q", code, out)
	}
}

func TestReadErrors(t *testing.T) {
	for _, args := range [][]string{{"read", "0"}, {"read", "21"}, {"read", "closure"}, {"read", "no such thing"}, {"read", "--bogus"}} {
		code, _, errs := runCLI(args...)
		if code != ExitUsage || errs == "" || strings.Count(errs, "\n") != 1 {
			t.Errorf("%q: exit %d, stderr %q", args, code, errs)
		}
	}
}

func TestReadSearch(t *testing.T) {
	_, out, _ := runCLI("read", "--search", "elusive")
	if !strings.Contains(out, "4. Seeking Closure") || !strings.Contains(out, "elusive") {
		t.Errorf("search:\n%s", out)
	}
	// A section found by its title and its text is listed once.
	_, out, _ = runCLI("read", "--search", "lonely")
	if n := strings.Count(out, "Fear of Loneliness and Its Impact on Behavior"); n != 1 {
		t.Errorf("a section's heading printed %d times:\n%s", n, out)
	}
	_, out, _ = runCLI("read", "--search", "zzyzx")
	if !strings.Contains(out, "Nothing in the article") {
		t.Errorf("empty search: %q", out)
	}
}

func TestExcerptPrint(t *testing.T) {
	code, out, errs := runCLI("excerpt", "--print", "--host", "WWW.Instagram.com", "--at", "13:00", "--json")
	if code != ExitOK {
		t.Fatalf("%d %s", code, errs)
	}
	var e excerptJSON
	if err := json.Unmarshal([]byte(out), &e); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(content.Text(), e.Text) || e.Title == "" || e.Reason == "" || strings.Contains(content.Text(), e.Reason) {
		t.Errorf("excerpt %+v", e)
	}
	code, out, _ = runCLI("excerpt", "--print", "--host", "x.com", "--at", "23:30")
	if code != ExitOK || !strings.Contains(strings.ToLower(out), "late") || !strings.Contains(out, "From “") {
		t.Errorf("night excerpt: %q", out)
	}
}

func TestExcerptErrors(t *testing.T) {
	for _, args := range [][]string{
		{"excerpt", "--host", "x.com"}, // neither --print nor --event SEQ
		{"excerpt", "--print"},         // a visit needs a host
		{"excerpt", "--print", "--host", "a b"},
		{"excerpt", "--print", "--host", "x.com", "--at", "25:00"},
		{"excerpt", "--print", "--host", "x.com", "--kind", "party"},
		{"excerpt", "--print", "--host", "x.com", "--attempts", "0"},
		{"frobnicate"},
	} {
		if code, _, errs := runCLI(args...); code != ExitUsage || errs == "" {
			t.Errorf("%q: exit %d %q", args, code, errs)
		}
	}
}

// TestWindowCommands (issue 30.4): cobra, not a pre-parse in main, turns
// no command, `open [TAB]` and `excerpt --event SEQ` into a request for
// the window; everything else is a command.
func TestWindowCommands(t *testing.T) {
	for args, want := range map[string]single.Request{
		"":                   {Open: "main"},
		"open":               {Open: "main", Tab: "today"},
		"open read":          {Open: "main", Tab: "read"},
		"open progress":      {Open: "main", Tab: "progress"},
		"open end-early":     {Open: "main", Tab: "today", EndEarly: true},
		"excerpt --event 42": {Open: "popup", Event: 42},
		"excerpt --event=7":  {Open: "popup", Event: 7},
	} {
		var got []single.Request
		var out, errb bytes.Buffer
		env := Env{Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }, Window: func(r single.Request) { got = append(got, r) }}
		if code := Run(strings.Fields(args), env); code != ExitOK || len(got) != 1 || got[0] != want {
			t.Errorf("%q: exit %d, window %+v, want %+v (%s)", args, code, got, want, errb.String())
		}
	}
	for _, args := range []string{"open nowhere", "open read extra", "excerpt --event x", "stray", "excerpt --print --event 4 --host x.com"} {
		opened := false
		var out, errb bytes.Buffer
		env := Env{Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }, Window: func(single.Request) { opened = true }}
		if Run(strings.Fields(args), env); opened {
			t.Errorf("%q opened the window", args)
		}
	}
}

// TestHelpAndUsage: help on every command, with every flag, exits 0;
// stray arguments and unknown flags are refused with exit 2 and one line.
func TestHelpAndUsage(t *testing.T) {
	root := Root(Env{Stdout: io.Discard, Stderr: io.Discard})
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		path := strings.Fields(c.CommandPath())[1:]
		for _, h := range [][]string{append(slices.Clone(path), "--help"), append(slices.Clone(path), "-h"), append([]string{"help"}, path...)} {
			code, out, errs := runCLI(h...)
			if code != ExitOK || !strings.Contains(out, "Usage:") || errs != "" {
				t.Errorf("%q: exit %d, stdout %.60q, stderr %q", h, code, out, errs)
			}
			c.LocalFlags().VisitAll(func(f *pflag.Flag) {
				if !strings.Contains(out, "--"+f.Name) {
					t.Errorf("%q: help does not show --%s", h, f.Name)
				}
			})
		}
		for _, s := range c.Commands() {
			if !s.Hidden && s.Name() != "help" && s.Name() != "completion" {
				walk(s)
			}
		}
	}
	walk(root)
	for _, bad := range []struct {
		args []string
		want string
	}{
		{[]string{"start", "--for", "7d", "x.com"}, "--host x.com"},
		{[]string{"open", "badtab"}, `no tab "badtab"`},
		{[]string{"status", "--bogus"}, "unknown flag: --bogus (see nocontact status --help)"},
		{[]string{"bogus"}, `unknown command "bogus"`},
		{[]string{"extend", "24h"}, `"24h"`},
	} {
		code, _, errs := runCLI(bad.args...)
		if code != ExitUsage || !strings.Contains(errs, bad.want) || strings.Count(errs, "\n") != 1 {
			t.Errorf("%q: exit %d, stderr %q", bad.args, code, errs)
		}
	}
	for _, v := range []string{"version", "--version"} {
		if code, out, _ := runCLI(v); code != ExitOK || !strings.HasPrefix(out, "nocontact ") {
			t.Errorf("%s: %d %q", v, code, out)
		}
	}
}
