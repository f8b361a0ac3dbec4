// Package words says the blocker's facts to people. The window (app/ui),
// the command line (app/cli) and the tray's menu (app/tray) take the
// sentences they share from here, so that a block, its lock, the state of
// the hosts file or a time soon reads the same wherever it is shown.
//
// The wire (blocker/api) carries facts: counts, durations, times, states.
// Wording them is the user side's job, and this is its one place. The
// package imports nothing of the module but blocker/api and no toolkit, so
// the command line and the tray, which link no Fyne, can use it.
package words
