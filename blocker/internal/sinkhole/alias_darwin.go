package sinkhole

import (
	"net/netip"
	"os/exec"
)

// addLoopbackAlias adds addr to lo0: macOS routes only 127.0.0.1 there by
// default.
func addLoopbackAlias(addr netip.Addr) error {
	return exec.Command("ifconfig", "lo0", "alias", addr.String(), "up").Run()
}
