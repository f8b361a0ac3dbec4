//go:build !linux

package app

// canNotify reports whether a desktop notification can be shown: elsewhere
// the system always has a notification centre.
func canNotify() bool { return true }
