package app

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// banned are words of the machine, not of a person at 1 am: what the
// window, the tray, the pop-up and the command line say has none of them.
var banned = regexp.MustCompile(`(?i)\b(hostnames?|sessions?|served)\b`)

// sweepAllowed are literals that are names, not sentences: flag
// names and event kinds.
var sweepAllowed = regexp.MustCompile(`^(session_started|--[a-z-]+)$`)

// TestNoMachineWordsInWhatPeopleRead fails on "hostname", "session" or
// "served" in a string literal of the packages people read the words of
// (comments, struct tags and test files aside).
func TestNoMachineWordsInWhatPeopleRead(t *testing.T) {
	for _, dir := range []string{".", "words", "ui", "tray", "cli", "cmd/nocontact-tray"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: no Go files (%v)", dir, err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			sweepFile(t, f)
		}
	}
}

func sweepFile(t *testing.T, path string) {
	t.Helper()
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	tags := map[*ast.BasicLit]bool{}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.Field:
			if n.Tag != nil {
				tags[n.Tag] = true
			}
		case *ast.ImportSpec:
			tags[n.Path] = true
		case *ast.BasicLit:
			if n.Kind != token.STRING || tags[n] {
				return true
			}
			s, err := strconv.Unquote(n.Value)
			if err != nil || sweepAllowed.MatchString(s) {
				return true
			}
			if w := banned.FindString(s); w != "" {
				t.Errorf("%s: %q says %q", fset.Position(n.Pos()), s, w)
			}
		}
		return true
	})
}
