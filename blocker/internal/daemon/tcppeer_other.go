//go:build !linux

package daemon

import (
	"errors"
	"net/netip"
)

// tcpPeerUID is not known here: the sinkhole's own pages then name no one.
func tcpPeerUID(local, remote netip.AddrPort) (int, error) {
	return -1, errors.New("the peer of a TCP connection is not known on this system")
}
