package hosts

import (
	"os"
	"path/filepath"
)

// DefaultPath is the system hosts file.
var DefaultPath = filepath.Join(systemRoot(), "System32", "drivers", "etc", "hosts")

// defaultEOL ends lines in a hosts file that has none yet: Windows' own
// tools write CRLF.
const defaultEOL = "\r\n"

func systemRoot() string {
	if r := os.Getenv("SystemRoot"); r != "" {
		return r
	}
	return `C:\Windows`
}
