package browser

import (
	"encoding/json"
	"fmt"
	"strings"
)

// MaxListEntries is the most entries a Chromium URL list or a Firefox
// WebsiteFilter list holds (both browsers' documented limit).
const MaxListEntries = 1000

// nextChars are the characters that can continue a profile name. A
// Chromium URL filter matches a path prefix, so "instagram.com/jane.doe"
// also blocks /jane.doe.other; an allow entry for each possible next
// character ("instagram.com/jane.doe.", ...) is longer, so it wins, and
// only /jane.doe itself, /jane.doe/... and /jane.doe?... stay blocked.
const nextChars = "abcdefghijklmnopqrstuvwxyz0123456789._-"

// FileName is the Chromium-family policy file this package owns.
const FileName = "nocontact.json"

// chromiumPolicy returns the policy file for paths (and the extension to
// force-install, if any) ("host/path" entries)
// and whether it blocks exactly those profiles (false: the carve-outs did
// not fit, and names that begin with a blocked one are blocked too).
// allowOK says whether URLAllowlist may be written (no other policy sets
// it or URLBlocklist).
func chromiumPolicy(paths []string, allowOK bool, forcelist []string) ([]byte, bool) {
	p := map[string]any{"DnsOverHttpsMode": "off"}
	if len(forcelist) > 0 {
		p["ExtensionInstallForcelist"] = forcelist
	}
	exact := true
	if len(paths) > 0 {
		p["URLBlocklist"] = paths
		var allow []string
		for _, path := range paths {
			for _, c := range nextChars {
				allow = append(allow, path+string(c))
			}
		}
		if allowOK && len(allow) <= MaxListEntries {
			p["URLAllowlist"] = allow
		} else {
			exact = false
		}
	}
	b, _ := json.MarshalIndent(p, "", "  ")
	return append(b, '\n'), exact
}

// firefoxPatterns are the WebsiteFilter match patterns for one path:
// the page itself, anything below it and the page with a query, on the
// host and every subdomain.
func firefoxPatterns(path string) []string {
	host, p, _ := strings.Cut(path, "/")
	base := "*://*." + host + "/" + p
	return []string{base, base + "/*", base + "?*"}
}

// firefoxMerge returns orig (a policies.json, or nil) with the session's
// entries added: the path patterns appended to WebsiteFilter.Block (its
// other entries and keys kept) and DNSOverHTTPS turned off and locked.
// Every other policy is kept as it was. Invalid JSON is an error: such a
// file is left alone.
func firefoxMerge(orig []byte, paths []string) ([]byte, error) {
	top := map[string]json.RawMessage{}
	if len(strings.TrimSpace(string(orig))) > 0 {
		if err := json.Unmarshal(orig, &top); err != nil {
			return nil, fmt.Errorf("it is not valid JSON (%v), so it is left alone", err)
		}
	}
	policies := map[string]json.RawMessage{}
	if raw, ok := top["policies"]; ok {
		if err := json.Unmarshal(raw, &policies); err != nil {
			return nil, fmt.Errorf("its \"policies\" is not an object, so it is left alone")
		}
	}
	filter := map[string]json.RawMessage{}
	if raw, ok := policies["WebsiteFilter"]; ok {
		if err := json.Unmarshal(raw, &filter); err != nil {
			return nil, fmt.Errorf("its WebsiteFilter is not an object, so it is left alone")
		}
	}
	var block []string
	if raw, ok := filter["Block"]; ok {
		if err := json.Unmarshal(raw, &block); err != nil {
			return nil, fmt.Errorf("its WebsiteFilter.Block is not a list, so it is left alone")
		}
	}
	for _, p := range paths {
		block = append(block, firefoxPatterns(p)...)
	}
	if len(block) > MaxListEntries {
		return nil, fmt.Errorf("its WebsiteFilter would hold %d entries, more than Firefox's %d", len(block), MaxListEntries)
	}
	if len(paths) > 0 {
		filter["Block"] = mustJSON(block)
		policies["WebsiteFilter"] = mustJSON(filter)
	}
	policies["DNSOverHTTPS"] = mustJSON(map[string]bool{"Enabled": false, "Locked": true})
	top["policies"] = mustJSON(policies)
	b, err := json.MarshalIndent(top, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

func mustJSON(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		panic(err)
	}
	return b
}

// chromiumConflicts names the other files in a managed-policy directory
// that set a policy this package writes: the browser then uses one of the
// two, and an employer's policy is not fought.
func chromiumConflicts(others map[string][]byte) (conflicts []string, allowOK bool) {
	allowOK = true
	for name, b := range others {
		var p map[string]json.RawMessage
		if json.Unmarshal(b, &p) != nil {
			continue
		}
		for _, key := range []string{"URLBlocklist", "URLAllowlist", "DnsOverHttpsMode", "ExtensionInstallForcelist"} {
			if _, ok := p[key]; ok {
				conflicts = append(conflicts, fmt.Sprintf("%s also sets %s", name, key))
				if key == "URLBlocklist" || key == "URLAllowlist" {
					allowOK = false
				}
			}
		}
	}
	return conflicts, allowOK
}
