package atomicfile

// SyncDir is a no-op: Windows cannot open a directory to flush it.
func SyncDir(dir string) error { return nil }
