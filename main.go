// Command nocontact is No Contact's desktop app: the main window, the
// excerpt pop-up (nocontact excerpt --event SEQ) and the command line. It
// runs as the user; blocking is done by the nocontactd daemon.
package main

import (
	"os"

	"golang.org/x/term"

	"github.com/nocontact-app/nocontact/app"
	"github.com/nocontact-app/nocontact/app/cli"
	"github.com/nocontact-app/nocontact/app/single"
)

func main() {
	args := os.Args[1:]
	if seq, ok := cli.PopupEvent(args); ok {
		app.Run(single.Request{Open: "popup", Event: seq})
		return
	}
	if tab, ok := cli.OpenTab(args); ok {
		app.Run(single.Request{Open: "main", Tab: tab, EndEarly: args[len(args)-1] == cli.EndEarlyArg})
		return
	}
	if len(args) > 0 {
		os.Exit(cli.Run(args, cliEnv()))
	}
	app.Run(single.Request{Open: "main"})
}

func cliEnv() cli.Env {
	env := cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
	if fd := int(os.Stdout.Fd()); term.IsTerminal(fd) {
		env.IsTerminal = true
		env.Width, _, _ = term.GetSize(fd)
	}
	return env
}
