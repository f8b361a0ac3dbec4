package vault

import (
	"encoding/json"
	"fmt"

	"github.com/nocontact-app/nocontact/content/profile"
)

// dataV0 is the pre-release schema: profiles as the links people pasted,
// the last contact as a string.
type dataV0 struct {
	Version     int      `json:"version"`
	Profiles    []string `json:"profiles"`
	LastContact string   `json:"last_contact"`
}

// decode reads Data of any known schema version, migrating older ones.
func decode(plain []byte) (*Data, error) {
	var head struct{ Version int }
	if err := json.Unmarshal(plain, &head); err != nil {
		return nil, ErrTampered
	}
	switch head.Version {
	case schemaVersion:
		var d Data
		if err := json.Unmarshal(plain, &d); err != nil {
			return nil, fmt.Errorf("vault: %w", err)
		}
		return &d, nil
	case 0:
		return migrateV0(plain)
	}
	return nil, fmt.Errorf("vault: schema version %d is newer than this No Contact understands; update the app", head.Version)
}

// migrateV0 parses the saved links into profiles. A link that no longer
// parses is kept as a website profile of its host rather than dropped.
func migrateV0(plain []byte) (*Data, error) {
	var old dataV0
	if err := json.Unmarshal(plain, &old); err != nil {
		return nil, fmt.Errorf("vault: version 0: %w", err)
	}
	d := &Data{Version: schemaVersion}
	for _, link := range old.Profiles {
		p, err := profile.Parse(link)
		if err != nil {
			return nil, fmt.Errorf("vault: migrating profile %q: %w", link, err)
		}
		d.Profiles = append(d.Profiles, p)
	}
	if old.LastContact != "" {
		day, err := ParseDate(old.LastContact)
		if err != nil {
			return nil, fmt.Errorf("vault: migrating the last contact: %w", err)
		}
		d.LastContact = &day
	}
	return d, nil
}
