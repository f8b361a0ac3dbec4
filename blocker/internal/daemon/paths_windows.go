package daemon

// DefaultStateDir is where the daemon keeps its session state and log.
const DefaultStateDir = `C:\ProgramData\NoContact`
