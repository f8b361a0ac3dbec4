package daemon

import (
	"net/netip"
	"net/url"
	"slices"
	"strings"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/internal/browser"
	"github.com/nocontact-app/nocontact/blocker/internal/extension"
	"github.com/nocontact-app/nocontact/blocker/internal/hosts"
	"github.com/nocontact-app/nocontact/blocker/internal/session"
	"github.com/nocontact-app/nocontact/blocker/internal/sinkhole"
)

// pages are the sinkhole's own pages: the passage a blocked tab shows, the
// article, and the extension with its rules.
type pages struct {
	cfg    *Config
	snap   func() session.Snapshot
	visits *visits
	// tcpPeer is the uid behind a connection to the sinkhole (tcpPeerUID).
	tcpPeer func(local, remote netip.AddrPort) (int, error)
	ext     *ext // the extension, when it is served
}

// ext is the packed extension the sinkhole serves and the policies
// force-install: a CRX for the Chromium family, an XPI for Firefox ESR.
type ext struct {
	id, base string // base: "http://127.78.0.1" (with the port if not 80)
	crx, xpi []byte
}

// xpiPath is where the sinkhole serves the XPI. It names the version:
// Firefox installs again from its policy only when the URL changes.
const xpiPath = "/nocontact/extension-" + extension.Version + ".xpi"

// setupExtension packs the extension with the key kept in the state
// directory. It is on with browser policies, the sinkhole's HTTP port and
// the default sinkhole address, which the extension's own CSP names.
func (p *pages) setupExtension(bm *browser.Manager) error {
	if bm == nil || p.cfg.HTTPPort == 0 || p.cfg.Sinkhole != hosts.DefaultSinkhole {
		return nil
	}
	key, err := extension.LoadOrCreateKey(p.cfg.StateDir)
	if err != nil {
		return err
	}
	crx, err := extension.Pack(key)
	if err != nil {
		return err
	}
	id, err := extension.ID(&key.PublicKey)
	if err != nil {
		return err
	}
	xpi, err := extension.XPI()
	if err != nil {
		return err
	}
	base := p.localBase()
	p.ext = &ext{id: id, base: base, crx: crx, xpi: xpi}
	bm.Forcelist = []string{id + ";" + base + "/nocontact/updates.xml"}
	bm.Firefox = &browser.FirefoxExtension{ID: extension.FirefoxID, URL: base + xpiPath}
	return nil
}

// local answers the requests for the sinkhole's own address: the
// extension's update manifest, its CRX, XPI and rules, and the page a blocked
// tab is sent to (a visit, over https as the tab asked).
func (p *pages) local(req sinkhole.Request) (sinkhole.LocalResponse, bool) {
	if req.Host != p.cfg.Sinkhole.String() || !strings.HasPrefix(req.Path, "/nocontact/") {
		return sinkhole.LocalResponse{}, false
	}
	u, err := url.ParseRequestURI(req.Path)
	if err != nil {
		return sinkhole.LocalResponse{Status: 400, ContentType: "text/plain"}, true
	}
	switch {
	case u.Path == "/nocontact/blocked":
		return p.blockedPage(u.Query(), p.localPeerAllowed(req)), true
	case u.Path == "/nocontact/article":
		return articlePage(), true
	case p.ext == nil:
	case u.Path == "/nocontact/updates.xml":
		return sinkhole.LocalResponse{Status: 200, ContentType: "application/xml",
			Body: extension.UpdateManifest(p.ext.id, p.ext.base+"/nocontact/extension.crx")}, true
	case u.Path == "/nocontact/extension.crx":
		return sinkhole.LocalResponse{Status: 200, ContentType: "application/x-chrome-extension", Body: p.ext.crx}, true
	case u.Path == xpiPath:
		return sinkhole.LocalResponse{Status: 200, ContentType: "application/x-xpinstall", Body: p.ext.xpi}, true
	case u.Path == "/nocontact/rules.json" && !p.localPeerAllowed(req):
		return sinkhole.LocalResponse{Status: 403, ContentType: "text/plain"}, true // the names are the owner's
	case u.Path == "/nocontact/rules.json":
		snap := p.snap()
		return sinkhole.LocalResponse{Status: 200, ContentType: "application/json",
			Body: extension.RulesFor(p.ext.base, snap.Hostnames, snap.Paths)}, true
	}
	return sinkhole.LocalResponse{Status: 404, ContentType: "text/plain"}, true
}

// localPeerAllowed reports whether the program asking the sinkhole for a
// page of its own runs as a uid the API admits (root, the owner): only
// those learn which names and profiles the block holds (issue 29.9). Any
// other user's browser gets the policies too, but not the names.
func (p *pages) localPeerAllowed(req sinkhole.Request) bool {
	uid, err := p.tcpPeer(req.Local, req.Remote)
	return err == nil && allowedUID(p.cfg, uid)
}

// blockedPage is the passage for a tab the extension redirected: a visit
// to host when it (or a profile path on it) is in the running session;
// named only for a uid that may know the block (named).
func (p *pages) blockedPage(q url.Values, named bool) sinkhole.LocalResponse {
	host, err := api.NormalizeHostname(q.Get("host"))
	if err != nil {
		return sinkhole.LocalResponse{Status: 400, ContentType: "text/plain"}
	}
	snap := p.snap()
	blocked := slices.Contains(snap.Hostnames, host)
	path := q.Get("path")
	if path != "" {
		blocked = slices.Contains(snap.Paths, host+path)
	}
	if !blocked || !named {
		path = "" // name only what the running block covers, to its owner
	}
	resp := sinkhole.LocalResponse{Status: 200, ContentType: "text/html; charset=utf-8", Body: p.pageFor(host, path)}
	if blocked {
		resp.Hit = &sinkhole.Hit{Host: host, Scheme: "https", Path: path}
	}
	return resp
}
