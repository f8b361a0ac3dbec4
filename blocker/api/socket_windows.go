package api

// DefaultSocket is where nocontactd serves its API. Windows 10 and later
// have AF_UNIX sockets.
const DefaultSocket = `C:\ProgramData\NoContact\nocontactd.sock`
