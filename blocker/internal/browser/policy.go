package browser

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// MaxListEntries is the most entries a Chromium URL list or a Firefox
// WebsiteFilter list holds (both browsers' documented limit).
const MaxListEntries = 1000

// FileName is the Chromium-family policy file this package owns.
const FileName = "nocontact.json"

// Want is what a session asks of the browsers.
type Want struct {
	// Paths are the profile paths blocked ("instagram.com/jane.doe",
	// "facebook.com/profile.php?id=4").
	Paths []string
	// Hosts are the names the hosts file blocks: the browsers refuse them
	// too, so that a browser with its own resolver, secure DNS or a proxy
	// still does.
	Hosts []string
	// ClosePrivate turns off private (incognito) windows for the block.
	ClosePrivate bool
}

// chromiumPolicy returns the policy file for w (and the extension to
// force-install, if any) and whether it blocks exactly the profiles
// (false: the carve-outs did not fit, and names that begin with a blocked
// one are blocked too). allowOK says whether URLAllowlist may be written
// (no other policy sets it or URLBlocklist). Hostnames that do not fit
// beside the paths are left to the hosts file: notes says so.
func chromiumPolicy(t Target, w Want, allowOK bool, forcelist []string) (file []byte, exact bool, notes []string) {
	p, exact, notes := chromiumPolicies(w, allowOK, forcelist, len(forcelist) == 0, MaxListEntries)
	b, _ := json.MarshalIndent(t.rename(p), "", "  ")
	return append(b, '\n'), exact, notes
}

// chromiumPolicies are chromiumPolicy's policies before they are written
// down, by Chromium's names: each a string, an int or a list of strings,
// for a file (JSON) or the registry (values and subkeys) to hold. room is
// how many entries URLBlocklist may hold: MaxListEntries in a file of its
// own, fewer beside another program's entries in the registry.
//
// listNames says whether the names blocked whole go into URLBlocklist
// too. Where the extension is forced in and obeyed (a file on Linux) they
// do not: the browser checks its list before any extension sees the
// request, so a listed name would show the browser's own refusal and
// only then, after a second navigation, the passage (issue 34.4); the
// extension's redirect answers it in the same navigation, and without the
// extension the hosts file still refuses it.
func chromiumPolicies(w Want, allowOK bool, forcelist []string, listNames bool, room int) (p map[string]any, exact bool, notes []string) {
	p = map[string]any{"DnsOverHttpsMode": "off"}
	if len(forcelist) > 0 {
		p["ExtensionInstallForcelist"] = forcelist
	}
	if w.ClosePrivate {
		p["IncognitoModeAvailability"] = 1 // disabled
	}
	block := slices.Clone(w.Paths)
	switch {
	case !listNames: // the extension's redirect and the hosts file refuse them
	case len(w.Paths)+len(w.Hosts) <= room:
		for _, h := range w.Hosts {
			block = append(block, "."+h) // this name exactly, as the hosts file
		}
	case len(w.Hosts) > 0:
		notes = append(notes, fmt.Sprintf("the %d blocked names are too many for its URL list; the hosts file still blocks them", len(w.Hosts)))
	}
	n := len(block)
	block, all := withCaseVariants(block, w.Paths, room-len(block))
	if !all {
		notes = append(notes, "its URL list has no room for every profile name in upper and title case; the extension still matches any case")
	}
	block, all = withWrapped(block, w.Paths, room)
	if !all {
		notes = append(notes, "its URL list has no room for every profile on the translation proxy (translate.goog); the extension still refuses them")
	}
	variants := block[n:] // blocked, with no carve-outs of their own
	exact = true
	if len(block) > 0 {
		p["URLBlocklist"] = block
	}
	if len(w.Paths) > 0 {
		allow, fits := carveOuts(w.Paths, variants, w.Hosts, MaxListEntries)
		if allowOK && fits && len(allow) > 0 {
			p["URLAllowlist"] = allow
		} else if !allowOK || !fits {
			exact = false
		}
	}
	return p, exact, notes
}

// firefoxPatterns are the WebsiteFilter match patterns for one path: the
// page itself, anything below it, the page with a query and with a ";"
// parameter, on the host
// and every subdomain; for a path with a query, the page with that
// key=value among its parameters.
func firefoxPatterns(path string) []string {
	host, p, q := api.SplitPath(path)
	base := "*://*." + host + p
	if q != "" {
		return []string{base + "?" + q, base + "?" + q + "&*", base + "?*&" + q, base + "?*&" + q + "&*"}
	}
	return []string{base, base + "/*", base + "?*", base + ";*"} // ;x: a parameter the platform ignores
}

// firefoxPolicies are the policies Firefox gets for w, beside have
// WebsiteFilter.Block entries already there (its file's own, or another
// program's in the registry): the path patterns and, where they fit and
// listNames asks (no extension of ours runs there: see chromiumPolicies),
// the blocked names for WebsiteFilter.Block, DNSOverHTTPS off and locked,
// and private windows off when w asks. firefoxMerge writes them into a
// policies.json, the registry merge into values (a bool as a DWORD).
func firefoxPolicies(w Want, have int, listNames bool) (p map[string]any, notes []string, err error) {
	var block []string
	for _, path := range w.Paths {
		block = append(block, firefoxPatterns(path)...)
	}
	if have+len(block) > MaxListEntries {
		return nil, nil, fmt.Errorf("its WebsiteFilter would hold %d entries, more than Firefox's %d", have+len(block), MaxListEntries)
	}
	block, all := firefoxWrapped(block, w.Paths, MaxListEntries-have-len(w.Hosts))
	if !all {
		notes = append(notes, "its website filter has no room for every profile in archives and on the translation proxy")
	}
	switch {
	case !listNames: // the extension's redirect and the hosts file refuse them
	case have+len(block)+len(w.Hosts) <= MaxListEntries:
		for _, h := range w.Hosts {
			block = append(block, "*://"+h+"/*")
		}
	case len(w.Hosts) > 0:
		notes = append(notes, fmt.Sprintf("the %d blocked names are too many for its website filter; the hosts file still blocks them", len(w.Hosts)))
	}
	p = map[string]any{"DNSOverHTTPS": map[string]any{"Enabled": false, "Locked": true}}
	if len(block) > 0 {
		p["WebsiteFilter"] = map[string]any{"Block": block}
	}
	if w.ClosePrivate {
		p["DisablePrivateBrowsing"] = true
	}
	return p, notes, nil
}

func mustJSON(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// override is another policy file that sets a policy ours sets, or one
// that can keep our extension out.
type override struct{ file, key string }

func (c override) String() string { return c.file + " also sets " + c.key }

// chromiumConflicts names the other files in a managed-policy directory
// that set a policy this package writes (the browser then uses one of the
// two) or one that can keep our extension out, sorted; allowOK says
// whether URLAllowlist may be written (no other file sets a URL list).
func chromiumConflicts(others map[string][]byte) (conflicts []override, allowOK bool) {
	allowOK = true
	for name, b := range others {
		var p map[string]json.RawMessage
		if json.Unmarshal(b, &p) != nil {
			continue
		}
		for _, key := range []string{"URLBlocklist", "URLAllowlist", "DnsOverHttpsMode", "ExtensionInstallForcelist", "IncognitoModeAvailability", "InPrivateModeAvailability",
			"ExtensionSettings", "ExtensionInstallBlocklist"} { // the last two can keep our extension out
			if _, ok := p[key]; ok {
				conflicts = append(conflicts, override{name, key})
				if key == "URLBlocklist" || key == "URLAllowlist" {
					allowOK = false
				}
			}
		}
	}
	slices.SortFunc(conflicts, func(a, b override) int { return strings.Compare(a.String(), b.String()) })
	return conflicts, allowOK
}
