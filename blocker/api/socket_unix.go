//go:build !windows

package api

// DefaultSocket is where nocontactd serves its API.
const DefaultSocket = "/run/nocontact/nocontactd.sock"
