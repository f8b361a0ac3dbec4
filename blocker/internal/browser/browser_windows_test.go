package browser

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/testutil"
	"golang.org/x/sys/windows/registry"
)

// testRegistry is this machine's registry (Wine's, under
// scripts/test-windows.sh) with a private base under
// HKCU\Software\NoContactTest, removed with all it holds after the test:
// no test reads or writes the machine's policies.
func testRegistry(t *testing.T) (regStore, string) {
	t.Helper()
	base := fmt.Sprintf(`HKCU\Software\NoContactTest\%s-%08x`, t.Name(), rand.Uint32())
	t.Cleanup(func() {
		if err := deleteTree(base); err != nil {
			t.Errorf("clean-up: %v", err)
		}
		winRegistry{}.removeKey(`HKCU\Software\NoContactTest`) // when no other test's is left
	})
	return winRegistry{}, base
}

// deleteTree removes key and everything below it.
func deleteTree(key string) error {
	k, err := openKey(key, registry.ENUMERATE_SUB_KEYS)
	if errors.Is(err, registry.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	subs, err := k.ReadSubKeyNames(0)
	k.Close()
	if err != nil {
		return err
	}
	for _, s := range subs {
		if err := deleteTree(key + `\` + s); err != nil {
			return err
		}
	}
	root, path, _ := split(key)
	return registry.DeleteKey(root, path)
}

// useRegistryTargets leaves Targets as they are: on Windows they are the
// registry's.
func useRegistryTargets(*testing.T) {}

func TestPolicyBase(t *testing.T) {
	for root, want := range map[string]string{
		"": machineBase, "/": machineBase, `\`: machineBase, `C:\`: machineBase, `D:\`: machineBase,
		`C:\Users\me\AppData\Local\Temp\x1`: `HKCU\Software\NoContact\BrowserRoots\C__Users_me_AppData_Local_Temp_x1`,
	} {
		if got := policyBase(root); got != want {
			t.Errorf("policyBase(%q) = %q, want %q", root, got, want)
		}
	}
}

// TestWindowsTargets: the four Chromium-family browsers and Firefox are
// written whether or not they are installed, in the registry only, Edge
// under its own name for private windows.
func TestWindowsTargets(t *testing.T) {
	found, notCovered := Installed(t.TempDir())
	if len(found) != 5 || len(notCovered) != 0 {
		t.Fatalf("installed: %v %v", found, notCovered)
	}
	for i, tg := range found {
		if tg.Kind != map[bool]Kind{true: Firefox, false: Chromium}[i == 4] || tg.PolicyKey == "" || len(tg.PolicyDirs) != 0 || tg.SystemFile != "" {
			t.Errorf("%+v", tg)
		}
	}
	if found[1].Names["IncognitoModeAvailability"] != "InPrivateModeAvailability" {
		t.Errorf("Edge: %+v", found[1])
	}
}

// TestWatchRegistry: a value of ours removed by another program is seen
// within a second (WatchRegistry calls changed, and the Apply it runs
// puts the value back and reports it); WatchRegistry returns when ctx is
// done.
func TestWatchRegistry(t *testing.T) {
	e := newRegEnv(t)
	w := Want{Paths: []string{"instagram.com/jane.doe"}}
	_, _, err := e.m.Apply(w)
	testutil.Must(t, err)
	var calls, tampered atomic.Int32
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() {
		done <- e.m.WatchRegistry(ctx, func() {
			calls.Add(1)
			if _, changes, _ := e.m.Apply(w); len(changes) > 0 {
				tampered.Add(1)
			}
		})
	}()
	time.Sleep(200 * time.Millisecond) // registered
	testutil.Must(t, e.reg.remove(e.base+`\Google\Chrome\URLBlocklist`, []string{"1"}))
	testutil.WaitFor(t, "the removal to be seen and undone", 2*time.Second, func() bool { return tampered.Load() == 1 })
	if v := e.vals(t, `Google\Chrome\URLBlocklist`); !v["1"].same(regString("instagram.com/jane.doe")) {
		t.Errorf("not restored: %v", v)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Error(err)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("WatchRegistry did not return when its context was done")
	}
	if n := calls.Load(); n > 3 {
		t.Errorf("changed called %d times for one removal and its repair", n)
	}
	testutil.Must(t, e.m.Lift())
	if strings.Contains(fmt.Sprint(e.vals(t, `Google\Chrome`)), "off") {
		t.Error("the policy is left")
	}
}

// TestRegistryNamesInAnyCase: the registry matches value names in any
// case, so an employer's DNSOVERHTTPSMODE is the value ours replaces and
// puts back, not one ours would remove at the end.
func TestRegistryNamesInAnyCase(t *testing.T) {
	e := newRegEnv(t)
	e.put(t, `Google\Chrome`, "DNSOVERHTTPSMODE", regString("automatic"))
	_, _, err := e.m.Apply(Want{})
	testutil.Must(t, err)
	holds := func(want string) bool {
		v := e.vals(t, `Google\Chrome`)
		f := found(v, "DnsOverHttpsMode")
		return len(v) == 1 && f != nil && f.same(regString(want))
	}
	if !holds("off") {
		t.Errorf("during the block: %v", e.vals(t, `Google\Chrome`))
	}
	testutil.Must(t, e.m.Lift())
	if !holds("automatic") {
		t.Errorf("after the block: %v", e.vals(t, `Google\Chrome`))
	}
}
