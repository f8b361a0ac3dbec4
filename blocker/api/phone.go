package api

import "time"

// FilterKind names a DNS filter service the phone can use.
type FilterKind string

// The DNS filters a block can be published to.
const (
	FilterNextDNS     FilterKind = "nextdns"
	FilterControlD    FilterKind = "controld"
	FilterPiHole      FilterKind = "pihole"
	FilterAdGuardHome FilterKind = "adguardhome"
)

// FilterKinds are the filters, in the order they are offered.
func FilterKinds() []FilterKind {
	return []FilterKind{FilterNextDNS, FilterControlD, FilterPiHole, FilterAdGuardHome}
}

// Title is the service's own name.
func (k FilterKind) Title() string {
	switch k {
	case FilterNextDNS:
		return "NextDNS"
	case FilterControlD:
		return "Control D"
	case FilterPiHole:
		return "Pi-hole"
	case FilterAdGuardHome:
		return "AdGuard Home"
	}
	return string(k)
}

// SecretWord is what the service calls its credential: "API key", "API
// token", "password".
func (k FilterKind) SecretWord() string {
	switch k {
	case FilterNextDNS:
		return "API key"
	case FilterControlD:
		return "API token"
	}
	return "password"
}

// AtHome reports whether the filter runs on the person's own network
// (it then needs its address, and covers only that network).
func (k FilterKind) AtHome() bool { return k == FilterPiHole || k == FilterAdGuardHome }

// PhoneConnect is POST /v1/phone: the filter to publish blocks to. Secret
// is its API key, token or password; the daemon keeps it where only it can
// read it and never sends it back.
type PhoneConnect struct {
	Kind    FilterKind `json:"kind"`
	URL     string     `json:"url,omitempty"`
	Profile string     `json:"profile,omitempty"`
	User    string     `json:"user,omitempty"`
	Secret  string     `json:"secret"`
}

// String never shows the secret.
func (p PhoneConnect) String() string {
	return string(p.Kind) + " " + p.URL + " " + p.Profile
}

// PhoneSite is one platform the person chose to block whole on the phone,
// since a DNS filter cannot block one profile: its names are published
// during any block that holds a profile on it.
type PhoneSite struct {
	Title string   `json:"title"`
	Names []string `json:"names"`
}

// PhoneChoice is PUT /v1/phone/sites: the answer to "On your phone: block
// all of this platform, or nothing?" for each platform asked about.
type PhoneChoice struct {
	Whole   []PhoneSite `json:"whole"`
	Nothing []string    `json:"nothing,omitempty"` // titles answered "nothing"
}

// PhoneSetup is what the phone itself needs to use the filter.
type PhoneSetup struct {
	PrivateDNS   string `json:"private_dns,omitempty"`   // Android's Private DNS hostname
	AppleProfile string `json:"apple_profile,omitempty"` // a link an iPhone opens to install the filter
	Home         string `json:"home,omitempty"`          // for a home filter: what the phone must do
	Note         string `json:"note,omitempty"`          // where the service's own dashboard guides the rest
}

// PhoneStatus is GET /v1/phone.
type PhoneStatus struct {
	Connected bool        `json:"connected"`
	Kind      FilterKind  `json:"kind,omitempty"`
	URL       string      `json:"url,omitempty"`
	Profile   string      `json:"profile,omitempty"`
	User      string      `json:"user,omitempty"`
	Setup     PhoneSetup  `json:"setup"`
	Choice    PhoneChoice `json:"choice"`
	// Published are the names of ours on the filter now (or being put
	// there); Pending those still to be taken off after a block ended.
	Published []string `json:"published,omitempty"`
	Pending   bool     `json:"pending,omitempty"`
	// QueryLog: the filter's log of the phone's queries is read.
	QueryLog bool `json:"query_log"`
	// Problem is why the filter could not be reached or changed, in a
	// sentence; empty when the last attempt worked.
	Problem  string    `json:"problem,omitempty"`
	LastSync time.Time `json:"last_sync,omitzero"`
}
