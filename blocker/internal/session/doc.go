// Package session is the block-session state machine: one session at a
// time that can only get stronger while it runs (names added, end
// extended), three locks for ending early, credited time that a changed
// wall clock cannot skip, and persistence that survives crashes and damaged
// files.
//
// Time is credited, not read off the wall clock: on every tick and every
// operation the manager credits min(Δboottime, max(0, Δwall)) since the last
// credit; across a reboot (a new boot ID) it credits max(0, Δwall). Setting
// the clock forward therefore does not end a block, and time spent in
// suspend still counts.
//
// The Manager does no I/O besides its state files; the daemon applies the
// hostnames it reports to the hosts file.
package session
