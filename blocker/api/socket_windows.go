package api

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// DefaultSocket is where nocontactd serves its API on Windows: a named
// pipe.
const DefaultSocket = `\\.\pipe\nocontactd`

// PipeName is the pipe for a socket address: itself when it names a pipe,
// else a pipe named after the path (a test's private "socket" in a
// temporary folder), so that --socket works the same on every system.
func PipeName(socket string) string {
	if strings.HasPrefix(socket, `\\.\pipe\`) {
		return socket
	}
	sum := sha256.Sum256([]byte(strings.ToLower(socket)))
	return `\\.\pipe\nocontactd-` + hex.EncodeToString(sum[:8])
}
