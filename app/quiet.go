package app

import (
	"os"
	"path/filepath"
)

// dropEmptyPreferences removes Fyne's preferences file when it is empty.
// The app keeps its settings in the vault, but Fyne writes its own file at
// exit; a process killed during that write (the demo's Ctrl-C, a logout)
// leaves it empty, and every later start printed "Preferences load error:
// EOF".
func dropEmptyPreferences() {
	dir, err := os.UserConfigDir()
	if err != nil {
		return
	}
	path := filepath.Join(dir, "fyne", ID, "preferences.json")
	if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() && fi.Size() == 0 {
		os.Remove(path)
	}
}
