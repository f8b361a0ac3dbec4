package daemon

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/testutil"
	"github.com/nocontact-app/nocontact/content/profile"
)

// A person saved on a platform with viewer sites blocks those sites whole
// during a block: each is in the hosts section, in Chromium's URL list
// and in Firefox's website filter, and none is left after the block. One
// subtest per platform; the person's profile reach keeps the platform
// itself open.
func TestViewerSitesFollowTheBlock(t *testing.T) {
	for _, pl := range profile.Platforms() {
		viewers := profile.Viewers(pl.ID)
		if len(viewers) == 0 {
			continue
		}
		t.Run(pl.ID, func(t *testing.T) {
			e, root := newEnvWithChromium(t, func(c *Config) {
				ff := filepath.Join(c.BrowserRoot, "usr/lib/firefox-esr/firefox-esr")
				testutil.Must(t, os.MkdirAll(filepath.Dir(ff), 0o755))
				testutil.Must(t, os.WriteFile(ff, nil, 0o755))
			})
			person := profile.Profile{Platform: pl.ID, Handle: "jane.doe", Scope: profile.ScopePlatform, Reach: profile.ReachProfile}
			block, err := profile.BlockOf([]profile.Profile{person})
			testutil.Must(t, err)
			_, err = e.client.Start(ctx, api.StartRequest{Hostnames: block.Names, Paths: block.Paths, Duration: api.Duration(time.Hour)})
			testutil.Must(t, err)
			chromium := filepath.Join(root, "etc/chromium/policies/managed/nocontact.json")
			firefox := filepath.Join(root, "etc/firefox/policies/policies.json")
			lists := func() (hosts, cr, ff string) {
				c, _ := os.ReadFile(chromium)
				f, _ := os.ReadFile(firefox)
				return e.hosts(t), string(c), string(f)
			}
			hosts, cr, ff := lists()
			for _, v := range viewers {
				inHosts := strings.Contains(hosts, "127.78.0.1 "+v.Host+" ")
				inChromium := strings.Contains(cr, `".`+v.Host+`"`)
				inFirefox := strings.Contains(ff, `"*://`+v.Host+`/*"`)
				if !inHosts || !inChromium || !inFirefox {
					t.Errorf("%s is not blocked whole (hosts %v, Chromium %v, Firefox %v)", v.Host, inHosts, inChromium, inFirefox)
				}
			}
			if pl.Hosts != nil && strings.Contains(hosts, " "+pl.Hosts[0]+" ") {
				t.Errorf("their profile's reach blocked all of %s", pl.Name)
			}
			testutil.Must(t, e.d.Cleanup())
			hosts, cr, ff = lists()
			for _, v := range viewers {
				if strings.Contains(hosts+cr+ff, v.Host) {
					t.Errorf("%s is still blocked after the block", v.Host)
				}
			}
		})
	}
}
