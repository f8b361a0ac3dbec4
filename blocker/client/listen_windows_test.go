package client

import (
	"net"

	"github.com/Microsoft/go-winio"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// listenFor listens where a client for sock dials: its named pipe.
func listenFor(sock string) (net.Listener, error) { return winio.ListenPipe(api.PipeName(sock), nil) }
