package main

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestMain lets the test binary stand in for nocontact in child processes.
func TestMain(m *testing.M) {
	if os.Getenv("NOCONTACT_TEST_AS_MAIN") == "1" {
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestNoToolkitNoiseUnderAnyLocale: a command prints only its own output
// whatever the locale, C.UTF-8 (the default of containers, servers and
// WSL) included, where Fyne used to print three error lines first.
func TestNoToolkitNoiseUnderAnyLocale(t *testing.T) {
	for _, lang := range []string{"", "C", "C.UTF-8", "POSIX", "en_US.UTF-8", "de_DE.UTF-8"} {
		cmd := exec.Command(os.Args[0], "version")
		var env []string
		for _, kv := range os.Environ() {
			if !strings.HasPrefix(kv, "LANG=") && !strings.HasPrefix(kv, "LC_") && !strings.HasPrefix(kv, "LANGUAGE=") {
				env = append(env, kv)
			}
		}
		if lang != "" {
			env = append(env, "LANG="+lang)
		}
		cmd.Env = append(env, "NOCONTACT_TEST_AS_MAIN=1")
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil || !strings.HasPrefix(stdout.String(), "nocontact ") || stderr.Len() > 0 {
			t.Errorf("LANG=%q: %v, stdout %q, stderr %q", lang, err, stdout.String(), stderr.String())
		}
	}
}
