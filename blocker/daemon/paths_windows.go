package daemon

// Default locations of the daemon's socket and state. Windows 10 and later
// have AF_UNIX sockets.
const (
	DefaultSocket   = `C:\ProgramData\NoContact\nocontactd.sock`
	DefaultStateDir = `C:\ProgramData\NoContact`
)
