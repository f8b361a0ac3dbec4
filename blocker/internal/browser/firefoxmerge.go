package browser

import (
	"encoding/json"
	"fmt"
	"strings"
)

// firefoxMerge returns orig (a policies.json, or nil) with our policies
// merged in: WebsiteFilter.Block entries appended to its own (its other
// keys kept), ExtensionSettings and Preferences merged entry by entry
// (ours win), and any other policy of ours replacing its own; every other
// policy is kept as it was. ours is told how many WebsiteFilter.Block
// entries the file holds already. A file that is not valid JSON, or whose
// policies have another shape, is an error: such a file is left alone.
func firefoxMerge(orig []byte, ours func(have int) (map[string]any, []string, error)) (file []byte, notes []string, err error) {
	top := map[string]json.RawMessage{}
	if len(strings.TrimSpace(string(orig))) > 0 {
		if err := json.Unmarshal(orig, &top); err != nil {
			return nil, nil, fmt.Errorf("it is not valid JSON (%v), so it is left alone", err)
		}
	}
	policies := map[string]json.RawMessage{}
	if err := unmarshalPart(top, "policies", &policies, `its "policies" is not an object`); err != nil {
		return nil, nil, err
	}
	filter := map[string]json.RawMessage{}
	if err := unmarshalPart(policies, "WebsiteFilter", &filter, "its WebsiteFilter is not an object"); err != nil {
		return nil, nil, err
	}
	var block []string
	if err := unmarshalPart(filter, "Block", &block, "its WebsiteFilter.Block is not a list"); err != nil {
		return nil, nil, err
	}
	p, notes, err := ours(len(block))
	if err != nil {
		return nil, nil, err
	}
	for name, v := range p {
		switch name {
		case "WebsiteFilter":
			filter["Block"] = mustJSON(append(block, v.(map[string]any)["Block"].([]string)...))
			policies[name] = mustJSON(filter)
		case "ExtensionSettings", "Preferences":
			entries := map[string]json.RawMessage{}
			if err := unmarshalPart(policies, name, &entries, "its "+name+" is not an object"); err != nil {
				return nil, nil, err
			}
			for k, e := range v.(map[string]any) {
				entries[k] = mustJSON(e)
			}
			policies[name] = mustJSON(entries)
		default:
			policies[name] = mustJSON(v)
		}
	}
	top["policies"] = mustJSON(policies)
	b, err := json.MarshalIndent(top, "", "  ")
	if err != nil {
		return nil, nil, err
	}
	return append(b, '\n'), notes, nil
}

// unmarshalPart reads m[key], if there, into v; if it does not fit, the
// error says what is wrong (what) and that the file is left alone.
func unmarshalPart(m map[string]json.RawMessage, key string, v any, what string) error {
	raw, ok := m[key]
	if !ok {
		return nil
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return fmt.Errorf("%s, so it is left alone", what)
	}
	return nil
}
