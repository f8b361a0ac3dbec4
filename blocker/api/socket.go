package api

import "os"

// SocketEnv overrides the socket path for clients.
const SocketEnv = "NOCONTACT_SOCKET"

// SocketPath returns the socket clients use: $NOCONTACT_SOCKET, else the
// default.
func SocketPath() string {
	if s := os.Getenv(SocketEnv); s != "" {
		return s
	}
	return DefaultSocket
}

// MaxMessage bounds a request body and a line of the event stream.
const MaxMessage = 64 << 10
