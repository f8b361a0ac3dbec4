// Command nocontact-docs writes the nocontact command line's man pages and
// its bash, zsh and fish completions, from the same command table the
// binary runs (make build calls it; make install installs what it wrote).
//
//	nocontact-docs OUT_DIR
package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra/doc"

	"github.com/nocontact-app/nocontact/app/cli"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: nocontact-docs OUT_DIR")
		os.Exit(2)
	}
	if err := write(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "nocontact-docs:", err)
		os.Exit(1)
	}
}

func write(out string) error {
	root := cli.Root(cli.Env{Stdout: io.Discard, Stderr: io.Discard})
	root.DisableAutoGenTag = true // the same bytes on every build
	man := filepath.Join(out, "man1")
	comp := filepath.Join(out, "completions")
	for _, d := range []string{man, comp} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return err
		}
	}
	header := &doc.GenManHeader{Title: "NOCONTACT", Section: "1", Source: "No Contact", Manual: "No Contact"}
	if err := doc.GenManTree(root, header, man); err != nil {
		return err
	}
	for name, gen := range map[string]func(io.Writer) error{
		"nocontact.bash": func(w io.Writer) error { return root.GenBashCompletionV2(w, true) },
		"_nocontact":     root.GenZshCompletion,
		"nocontact.fish": func(w io.Writer) error { return root.GenFishCompletion(w, true) },
	} {
		f, err := os.Create(filepath.Join(comp, name))
		if err != nil {
			return err
		}
		if err := gen(f); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
	}
	return nil
}
