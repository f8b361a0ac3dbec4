package browser

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"maps"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"unsafe"

	"golang.org/x/sys/windows"
	"golang.org/x/sys/windows/registry"
)

// machineBase is where the Windows browsers read the machine's policies.
const machineBase = `HKLM\SOFTWARE\Policies`

// systemRegistry is the Windows registry, with policyBase(root).
func systemRegistry(root string) (regStore, string) {
	return winRegistry{}, policyBase(root)
}

// policyBase is the key the browsers' keys go under for root: the
// machine's policies for the system's own root ("", "/", "\" or a drive's
// root), else a key of root's own under HKCU\Software\NoContact\BrowserRoots,
// so that a daemon on a test root never writes the machine's policies, as
// on Linux, where root prefixes every path.
func policyBase(root string) string {
	clean := filepath.Clean(root)
	if root == "" || clean == `\` || clean == filepath.VolumeName(clean)+`\` {
		return machineBase
	}
	return `HKCU\Software\NoContact\BrowserRoots\` + strings.NewReplacer(`\`, "_", "/", "_", ":", "_").Replace(clean)
}

// closeKey and closeHandle let go of what was opened: a failure to close
// changes nothing this package can act on.
func closeKey(k registry.Key)      { _ = k.Close() }
func closeHandle(h windows.Handle) { _ = windows.CloseHandle(h) }

// winRegistry is the registry of this machine, the 64-bit view (the one
// 64-bit browsers read; SOFTWARE\Policies is shared by both views anyway).
type winRegistry struct{}

var hives = map[string]registry.Key{"HKLM": registry.LOCAL_MACHINE, "HKCU": registry.CURRENT_USER}

// split returns key's hive and its path below it.
func split(key string) (registry.Key, string, error) {
	hive, path, _ := strings.Cut(key, `\`)
	root, ok := hives[hive]
	if !ok || path == "" {
		return 0, "", fmt.Errorf("registry: %q is not a key under HKLM or HKCU", key)
	}
	return root, path, nil
}

func openKey(key string, access uint32) (registry.Key, error) {
	root, path, err := split(key)
	if err != nil {
		return 0, err
	}
	return registry.OpenKey(root, path, access|registry.WOW64_64KEY)
}

func (winRegistry) exists(key string) bool {
	k, err := openKey(key, registry.QUERY_VALUE)
	if err == nil {
		closeKey(k)
	}
	return err == nil
}

// readable opens key to read its values; a missing key is nil and no
// error.
func readable(key string) (*registry.Key, error) {
	k, err := openKey(key, registry.QUERY_VALUE)
	if errors.Is(err, registry.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("registry: open %s: %w", key, err)
	}
	return &k, nil
}

func (winRegistry) values(key string) (map[string]regValue, error) {
	k, err := readable(key)
	if k == nil {
		return nil, err
	}
	defer closeKey(*k)
	names, err := k.ReadValueNames(0)
	if err != nil {
		return nil, fmt.Errorf("registry: read %s: %w", key, err)
	}
	out := make(map[string]regValue, len(names))
	buf := make([]byte, 256)
	for _, name := range names {
		n, typ, err := k.GetValue(name, buf)
		if errors.Is(err, registry.ErrShortBuffer) && n > len(buf) {
			buf = make([]byte, n)
			n, typ, err = k.GetValue(name, buf)
		}
		if errors.Is(err, registry.ErrNotExist) {
			continue // removed meanwhile
		}
		if err != nil {
			return nil, fmt.Errorf("registry: read %s\\%s: %w", key, name, err)
		}
		out[name] = regValue{Type: typ, Data: bytes.Clone(buf[:n])}
	}
	return out, nil
}

func (winRegistry) names(key string) ([]string, error) {
	k, err := readable(key)
	if k == nil {
		return nil, err
	}
	defer closeKey(*k)
	return k.ReadValueNames(0)
}

// set sets the values in the order of their numbers: a list key made here
// enumerates 1 first, as Firefox needs.
func (winRegistry) set(key string, vals map[string]regValue) error {
	root, path, err := split(key)
	if err != nil {
		return err
	}
	k, _, err := registry.CreateKey(root, path, registry.SET_VALUE|registry.WOW64_64KEY)
	if err != nil {
		return fmt.Errorf("registry: create %s: %w", key, err)
	}
	defer closeKey(k)
	for _, name := range slices.SortedFunc(maps.Keys(vals), byNumber) {
		if err := setValue(k, name, vals[name]); err != nil {
			return fmt.Errorf("registry: set %s\\%s: %w", key, name, err)
		}
	}
	return nil
}

// regSetValueEx sets a value of any type from its bytes, which the
// registry package does not offer: a value another program set is put back
// exactly as it was.
var regSetValueEx = windows.NewLazySystemDLL("advapi32.dll").NewProc("RegSetValueExW")

func setValue(k registry.Key, name string, v regValue) error {
	p, err := windows.UTF16PtrFromString(name)
	if err != nil {
		return err
	}
	var data *byte
	if len(v.Data) > 0 {
		data = &v.Data[0]
	}
	r, _, _ := regSetValueEx.Call(uintptr(k), uintptr(unsafe.Pointer(p)), 0, uintptr(v.Type), uintptr(unsafe.Pointer(data)), uintptr(len(v.Data)))
	if r != 0 {
		return syscall.Errno(r)
	}
	return nil
}

func (winRegistry) remove(key string, names []string) error {
	if len(names) == 0 {
		return nil
	}
	k, err := openKey(key, registry.SET_VALUE)
	if errors.Is(err, registry.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("registry: open %s: %w", key, err)
	}
	defer closeKey(k)
	for _, name := range names {
		if err := k.DeleteValue(name); err != nil && !errors.Is(err, registry.ErrNotExist) {
			return fmt.Errorf("registry: remove %s\\%s: %w", key, name, err)
		}
	}
	return nil
}

func (winRegistry) removeKey(key string) error {
	k, err := openKey(key, registry.QUERY_VALUE)
	if errors.Is(err, registry.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	info, err := k.Stat()
	closeKey(k)
	if err != nil || info.SubKeyCount > 0 || info.ValueCount > 0 {
		return err
	}
	root, path, _ := split(key)
	if err := registry.DeleteKey(root, path); err != nil && !errors.Is(err, registry.ErrNotExist) {
		return err
	}
	return nil
}

// WatchRegistry calls changed after each change below the policy base (a
// value or key added, altered or removed, by this program too), until ctx
// is done; then it returns nil. Changes within 100 ms of each other are
// one call; changed runs on WatchRegistry's goroutine, one call at a time.
// The daemon runs it beside the guards of Files, with changed applying the
// session again: Apply then finds what another program did, reports it
// and undoes it. While the base does not exist (a test root before its
// first Apply) it looks again every second.
func (m *Manager) WatchRegistry(ctx context.Context, changed func()) error {
	runtime.LockOSThread() // a registration ends with the thread that made it
	defer runtime.UnlockOSThread()
	stop, err := windows.CreateEvent(nil, 1, 0, nil)
	if err != nil {
		return fmt.Errorf("browser: watch the registry: %w", err)
	}
	defer closeHandle(stop)
	var wg sync.WaitGroup
	done := make(chan struct{})
	wg.Go(func() {
		select {
		case <-ctx.Done():
			_ = windows.SetEvent(stop) // it cannot fail on a handle open till wg.Wait
		case <-done:
		}
	})
	defer wg.Wait()
	defer close(done)
	for {
		k, err := openKey(m.regBase, registry.NOTIFY)
		if err != nil { // not there yet
			if s, _ := windows.WaitForSingleObject(stop, 1000); s == windows.WAIT_OBJECT_0 {
				return nil
			}
			continue
		}
		err = watchKey(k, stop, changed)
		closeKey(k)
		if err == nil {
			return nil
		}
		changed() // the base went: what it held is looked at again
	}
}

// watchKey calls changed after each change in k or below it, settled,
// until stop is set (nil) or k can no longer be watched (deleted).
func watchKey(k registry.Key, stop windows.Handle, changed func()) error {
	ev, err := windows.CreateEvent(nil, 0, 0, nil)
	if err != nil {
		return err
	}
	defer closeHandle(ev)
	notify := func() error {
		return windows.RegNotifyChangeKeyValue(windows.Handle(k), true, windows.REG_NOTIFY_CHANGE_NAME|windows.REG_NOTIFY_CHANGE_LAST_SET, ev, true)
	}
	if err := notify(); err != nil {
		return err
	}
	for {
		if s, _ := windows.WaitForMultipleObjects([]windows.Handle{stop, ev}, false, windows.INFINITE); s == windows.WAIT_OBJECT_0 {
			return nil
		}
		for settled := false; !settled; { // registered again before each wait: no change falls between
			if err := notify(); err != nil {
				return err
			}
			switch s, _ := windows.WaitForMultipleObjects([]windows.Handle{stop, ev}, false, 100); s {
			case windows.WAIT_OBJECT_0:
				return nil
			case uint32(windows.WAIT_TIMEOUT):
				settled = true
			}
		}
		changed()
	}
}
