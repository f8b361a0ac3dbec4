package daemon

import "net"

// transport is how the API is reached on this system, a platform seam:
// a unix socket with the peer's uid (transport_unix.go), a named pipe with
// the peer's SID (transport_windows.go).
type transport interface {
	// listen opens the endpoint so that only root (SYSTEM and the
	// administrators on Windows) and the owner can connect.
	listen() (net.Listener, error)
	// peer names the caller at the other end of c as the API authorises
	// it: 0 for root (SYSTEM or an elevated administrator on Windows),
	// Config.OwnerUID for the owner, another number for anyone else, -1
	// when it cannot be told (refused).
	peer(c net.Conn) int
}
