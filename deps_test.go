package main

import (
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// The import rules of DESIGN.md, checked on `go list` output.

const module = "github.com/nocontact-app/nocontact"

// pkg is what the rules need to know of one package.
type pkg struct {
	path     string
	standard bool
	cgo      bool     // has cgo files
	imports  []string // direct
	deps     []string // transitive
}

// systray is the tray's library (fyne.io/systray: D-Bus on Linux, no
// GTK), spelled in two pieces so that a plain grep for packages importing
// it does not take this file for one; fyne is Fyne's GUI toolkit.
const (
	systray = "fyne.io/" + "systray"
	fyne    = "fyne.io/fyne/"
)

// toolkits are imports that must stay out of the pure-Go core.
var toolkits = []string{"fyne.io/", "github.com/zalando/go-keyring", module + "/app"}

// engines are the blocker packages that the daemon composes; none may
// import another.
var engines = []string{"/blocker/internal/hosts", "/blocker/internal/session", "/blocker/internal/guard", "/blocker/internal/sinkhole", "/blocker/internal/browser"}

// meeting are the only packages of the root side (blocker/...) that the
// user side (app/... and the nocontact binary) may link: the wire
// vocabulary, the typed client and the atomic write: blocker's public
// surface. Everything the daemon alone runs (its engines, the hosts file,
// the guard, the sinkhole...) is under blocker/internal/, so the compiler
// refuses it to the user side; this rule also keeps the test helpers
// (blocker/daemontest, blocker/testutil) out of the programs.
var meeting = []string{"/blocker/api", "/blocker/client", "/blocker/atomicfile"}

// domain are the pure packages both sides share: they import nothing of
// the module but the wire vocabulary (blocker/api) and each other.
var domain = []string{"/content", "/resources"}

// words is where the user side words the blocker's facts for people. The
// window, the command line and the tray all use it, so it links no
// toolkit (the command line runs without a display, the tray links no
// Fyne) and nothing of the module but the wire vocabulary whose facts it
// words.
const words = "/app/words"

func violations(pkgs map[string]pkg) []string {
	var bad []string
	for _, p := range pkgs {
		if p.standard {
			continue
		}
		rel := strings.TrimPrefix(p.path, module)
		core := strings.HasPrefix(rel, "/blocker") || rel == "/content" || rel == "/resources"
		for _, d := range p.deps {
			if core && hasAnyPrefix(d, toolkits) {
				bad = append(bad, p.path+" depends on "+d+" (rule 1: the core never links a UI toolkit, the keyring or app/...)")
			}
			// The command line must run without a display.
			if rel == "/app/cli" && strings.HasPrefix(d, "fyne.io/") {
				bad = append(bad, p.path+" depends on "+d+" (the command line runs without a display)")
			}
		}
		if strings.HasPrefix(p.path, module) && importsAny(p.imports, fyne) && importsAny(p.imports, systray) {
			bad = append(bad, p.path+" imports both Fyne and the tray's systray (rule 2)")
		}
		bad = append(bad, sideViolations(p, rel)...)
		if rel == words {
			bad = append(bad, wordsViolations(p)...)
		}
		if slices.Contains(engines, rel) {
			for _, i := range p.imports {
				if e := strings.TrimPrefix(i, module); e != rel && slices.Contains(engines, e) {
					bad = append(bad, p.path+" imports "+i+" (rule 4: the daemon composes the engines)")
				}
			}
		}
	}
	bad = append(bad, binaryViolations(pkgs)...)
	slices.Sort(bad)
	return bad
}

// sideViolations checks where a package sits against what it links: the
// user side reaches the root side only through the meeting packages, the
// domain packages import only the wire vocabulary and each other, and no
// package imports one of its parent folders (rule 3).
func sideViolations(p pkg, rel string) []string {
	var bad []string
	if rel == "" || strings.HasPrefix(rel, "/app") {
		for _, d := range p.deps {
			if r, ok := strings.CutPrefix(d, module); ok && strings.HasPrefix(r, "/blocker") && !slices.Contains(meeting, r) {
				bad = append(bad, p.path+" depends on "+d+" (rule 3: the user side reaches the daemon only through blocker/client)")
			}
		}
	}
	for _, i := range p.imports {
		r, ok := strings.CutPrefix(i, module)
		if !ok {
			continue
		}
		if hasAnyPrefix(rel, domain) && r != "/blocker/api" && !hasAnyPrefix(r, domain) {
			bad = append(bad, p.path+" imports "+i+" (rule 3: content and resources are pure domain)")
		}
		if r != "" && strings.HasPrefix(rel, r+"/") {
			bad = append(bad, p.path+" imports "+i+", a package above it")
		}
	}
	return bad
}

// wordsViolations checks that app/words stays pure: no toolkit among its
// dependencies, nothing of the module but blocker/api among its imports.
func wordsViolations(p pkg) []string {
	var bad []string
	for _, d := range p.deps {
		if hasAnyPrefix(d, toolkits) {
			bad = append(bad, p.path+" depends on "+d+" (app/words serves the command line and the tray: no toolkit)")
		}
	}
	for _, i := range p.imports {
		if r, ok := strings.CutPrefix(i, module); ok && r != "/blocker/api" {
			bad = append(bad, p.path+" imports "+i+" (app/words imports only the wire vocabulary)")
		}
	}
	return bad
}

// binaryViolations checks whole programs: the tray never links Fyne's
// GUI (it stays a small process beside a window that comes and goes;
// Fyne links the same systray for its own use), and no cgo package in the
// daemon.
func binaryViolations(pkgs map[string]pkg) []string {
	var bad []string
	if p, ok := pkgs[module+"/app/cmd/nocontact-tray"]; ok && importsAny(p.deps, fyne) {
		bad = append(bad, "nocontact-tray links Fyne (rule 2)")
	}
	if d, ok := pkgs[module+"/blocker/cmd/nocontactd"]; ok {
		for _, dep := range d.deps {
			if q, ok := pkgs[dep]; ok && q.cgo && !q.standard {
				bad = append(bad, "nocontactd depends on cgo package "+dep+" (rule 2: the daemon is pure Go)")
			}
		}
	}
	return bad
}

func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func importsAny(list []string, prefix string) bool {
	return slices.ContainsFunc(list, func(s string) bool { return strings.HasPrefix(s, prefix) })
}

// goList lists the module's packages and everything they depend on, as
// built for goos (with cgo on, so that cgo files are seen).
func goList(t *testing.T, goos string) map[string]pkg {
	t.Helper()
	const format = `{{.ImportPath}}|{{.Standard}}|{{len .CgoFiles}}|{{join .Imports ","}}|{{join .Deps ","}}`
	cmd := exec.Command("go", "list", "-deps", "-f", format, "./...")
	cmd.Env = append(os.Environ(), "GOOS="+goos, "CGO_ENABLED=1")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list for %s: %v", goos, err)
	}
	pkgs := map[string]pkg{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		f := strings.Split(line, "|")
		if len(f) != 5 {
			t.Fatalf("go list line %q", line)
		}
		pkgs[f[0]] = pkg{path: f[0], standard: f[1] == "true", cgo: f[2] != "0",
			imports: splitList(f[3]), deps: splitList(f[4])}
	}
	return pkgs
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// TestImportRules holds the rules on every system the programs are built
// for: on Windows too the daemon is pure Go.
func TestImportRules(t *testing.T) {
	for _, goos := range []string{runtime.GOOS, "windows", "darwin"} {
		pkgs := goList(t, goos)
		for _, must := range []string{module, module + "/blocker/cmd/nocontactd", module + "/app/cmd/nocontact-tray", module + "/blocker/internal/hosts", module + "/blocker/client", module + words} {
			if _, ok := pkgs[must]; !ok {
				t.Fatalf("go list for %s did not report %s", goos, must)
			}
		}
		for _, v := range violations(pkgs) {
			t.Errorf("%s: %s", goos, v)
		}
	}
}

// TestImportRulesCatchViolations feeds the checker a module that breaks
// every rule, so a checker that always passes cannot hide.
func TestImportRulesCatchViolations(t *testing.T) {
	pkgs := map[string]pkg{
		module + "/blocker/internal/hosts": {path: module + "/blocker/internal/hosts", imports: []string{module + "/blocker/internal/guard"}, deps: []string{"fyne.io/fyne/v2"}},
		module + "/app/mixed":              {path: module + "/app/mixed", imports: []string{"fyne.io/fyne/v2", systray}},
		module + "/app/cmd/nocontact-tray": {path: module + "/app/cmd/nocontact-tray", deps: []string{"fyne.io/fyne/v2"}},
		module + "/blocker/cmd/nocontactd": {path: module + "/blocker/cmd/nocontactd", deps: []string{"example.com/cgolib"}},
		"example.com/cgolib":               {path: "example.com/cgolib", cgo: true},
		module + "/app/ui":                 {path: module + "/app/ui", deps: []string{module + "/blocker/client", module + "/blocker/internal/daemon"}},
		module + "/content/profile":        {path: module + "/content/profile", imports: []string{module + "/content", module + "/blocker/internal/hosts"}},
		module + words:                     {path: module + words, imports: []string{module + "/app/vault", module + "/blocker/api"}, deps: []string{"fyne.io/fyne/v2"}},
	}
	got := violations(pkgs)
	for _, want := range []string{"rule 1", "rule 2: the daemon", "imports both", "nocontact-tray links", "rule 4",
		"app/ui depends on " + module + "/blocker/internal/daemon (rule 3", "a package above it", "are pure domain",
		"app/words serves the command line", "app/vault (app/words imports only"} {
		if !slices.ContainsFunc(got, func(v string) bool { return strings.Contains(v, want) }) {
			t.Errorf("no violation mentioning %q in %q", want, got)
		}
	}
	if slices.ContainsFunc(got, func(v string) bool { return strings.Contains(v, "blocker/client (rule 3") }) {
		t.Errorf("the client was reported as a violation: %q", got)
	}
	if slices.ContainsFunc(got, func(v string) bool { return strings.Contains(v, "blocker/api (app/words") }) {
		t.Errorf("app/words importing blocker/api was reported as a violation: %q", got)
	}
}
