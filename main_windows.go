package main

import (
	"os"

	"golang.org/x/sys/windows"
)

// attachParentProcess is ATTACH_PARENT_PROCESS: the console of the process
// that started this one.
const attachParentProcess = ^uintptr(0)

var procAttachConsole = windows.NewLazySystemDLL("kernel32.dll").NewProc("AttachConsole")

// attachConsole gives the command line somewhere to write. nocontact.exe is
// a GUI program, so that no console window opens behind the window; started
// with a command from a console (cmd, PowerShell), it attaches to that
// console and writes there. With its output redirected it already has
// handles, and with no command it is the window and needs none.
func attachConsole() {
	if len(os.Args) < 2 {
		return
	}
	if h, err := windows.GetStdHandle(windows.STD_OUTPUT_HANDLE); err == nil && h != 0 && h != windows.InvalidHandle {
		return
	}
	if r, _, _ := procAttachConsole.Call(attachParentProcess); r == 0 {
		return
	}
	if out, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
		os.Stdout, os.Stderr = out, out
	}
	if in, err := os.Open("CONIN$"); err == nil {
		os.Stdin = in
	}
}
