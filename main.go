// Command nocontact is No Contact's desktop app: the main window, the
// excerpt pop-up (nocontact excerpt --event SEQ) and the command line. It
// runs as the user; blocking is done by the nocontactd daemon.
package main

import (
	"bufio"
	"fmt"
	"io"
	"os"

	"golang.org/x/term"

	"github.com/nocontact-app/nocontact/app"
	"github.com/nocontact-app/nocontact/app/cli"
)

func main() {
	attachConsole()
	os.Exit(cli.Run(os.Args[1:], cliEnv()))
}

func cliEnv() cli.Env {
	env := cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv, Window: app.Run}
	if fd := int(os.Stdout.Fd()); term.IsTerminal(fd) {
		env.IsTerminal = true
		env.Width, _, _ = term.GetSize(fd)
	}
	if term.IsTerminal(int(os.Stdin.Fd())) {
		env.Stdin = os.Stdin
	}
	env.Secret = readSecret
	return env
}

// readSecret reads a secret at the terminal without echo, or one line of
// standard input when it is not a terminal.
func readSecret(prompt string) (string, error) {
	if fd := int(os.Stdin.Fd()); term.IsTerminal(fd) {
		fmt.Fprint(os.Stderr, prompt)
		b, err := term.ReadPassword(fd)
		fmt.Fprintln(os.Stderr)
		return string(b), err
	}
	line, err := bufio.NewReader(io.LimitReader(os.Stdin, 4096)).ReadString('\n')
	if err == io.EOF && line != "" {
		err = nil
	}
	return line, err
}
