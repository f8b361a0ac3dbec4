//go:build !windows

package client

import "net"

// listenFor listens where a client for sock dials: the socket itself.
func listenFor(sock string) (net.Listener, error) { return net.Listen("unix", sock) }
