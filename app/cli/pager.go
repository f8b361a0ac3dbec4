package cli

import (
	"io"
	"os"
	"os/exec"
	"strings"
)

// page writes text to stdout, through $PAGER (or less) when stdout is a
// terminal. Without a pager it writes the text as it is.
func page(env Env, text string) error {
	if !env.IsTerminal {
		_, err := io.WriteString(env.Stdout, text)
		return err
	}
	pager := env.Getenv("PAGER")
	if pager == "" {
		if _, err := exec.LookPath("less"); err != nil {
			_, err := io.WriteString(env.Stdout, text)
			return err
		}
		pager = "less"
	}
	cmd := exec.Command("sh", "-c", pager)
	cmd.Stdin = strings.NewReader(text)
	cmd.Stdout, cmd.Stderr = env.Stdout, env.Stderr
	cmd.Env = os.Environ()
	if env.Getenv("LESS") == "" {
		// Quit at once when the text fits the screen; keep it on screen.
		cmd.Env = append(cmd.Env, "LESS=FRX")
	}
	if err := cmd.Run(); err != nil {
		_, werr := io.WriteString(env.Stdout, text)
		return werr
	}
	return nil
}
