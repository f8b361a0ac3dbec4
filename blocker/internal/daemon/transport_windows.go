package daemon

import (
	"errors"
	"net"
)

// The API's transport on Windows, the other side of the platform seam of
// transport_unix.go. It is to be a named pipe whose ACL admits SYSTEM,
// the Administrators and the owner, each connection's peer named by its
// SID. Until then the daemon refuses to serve rather than serve a socket
// it cannot authorise.

// listen refuses: no transport is built for Windows yet.
func listen(string, int) (net.Listener, error) {
	return nil, errors.New("daemon: the API's named pipe is not built yet; nocontactd cannot serve on Windows")
}

// connUID names no peer: every request would be refused.
func connUID(net.Conn) int { return -1 }
