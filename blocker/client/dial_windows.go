package client

import (
	"context"
	"net"

	"github.com/Microsoft/go-winio"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// dial connects to the daemon's named pipe (api.PipeName of the socket
// address); a busy pipe is tried again until ctx ends.
func dial(ctx context.Context, sock string) (net.Conn, error) {
	return winio.DialPipeContext(ctx, api.PipeName(sock))
}

// serviceLook is where a person looks at the daemon's service.
const serviceLook = "Services (services.msc), No Contact blocker"
