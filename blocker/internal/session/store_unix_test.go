//go:build !windows

package session

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/atomicfile"
)

// On Windows the state directory's access list keeps the state
// (atomicfile.MkdirPrivate, tested as a descriptor there).
func TestStateFileMode(t *testing.T) {
	m, _, dir := newTestManager(t)
	start(t, m, time.Hour, api.Lock{})
	if private, err := atomicfile.Private(filepath.Join(dir, currentFile)); err != nil || !private {
		t.Fatalf("the state file may be read by others: %v", err)
	}
}
