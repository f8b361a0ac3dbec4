package dnsfilter

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"strings"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// Kind names a DNS filter service.
type Kind string

// The services a block can be published to (the API's names).
const (
	NextDNS     = Kind(api.FilterNextDNS)
	ControlD    = Kind(api.FilterControlD)
	PiHole      = Kind(api.FilterPiHole)
	AdGuardHome = Kind(api.FilterAdGuardHome)
)

// Kinds returns every supported kind, cloud services first.
func Kinds() []Kind { return []Kind{NextDNS, ControlD, PiHole, AdGuardHome} }

// Title returns the service's name as its makers write it.
func (k Kind) Title() string { return api.FilterKind(k).Title() }

// cloud reports whether k is a hosted service with a default address.
func (k Kind) cloud() bool { return k == NextDNS || k == ControlD }

// defaultURL is the API address of a cloud service.
func (k Kind) defaultURL() string {
	switch k {
	case NextDNS:
		return "https://api.nextdns.io"
	case ControlD:
		return "https://api.controld.com"
	}
	return ""
}

// secretWord is what the service calls the secret, for sentences.
func (k Kind) secretWord() string { return api.FilterKind(k).SecretWord() }

// ReadsQueryLog reports whether the service's API gives its query log
// (Control D's does not: its Queries answers ErrNoQueryLog).
func (k Kind) ReadsQueryLog() bool { return k != ControlD }

// Account is how to reach one filter. Secret is an API key (NextDNS), a
// token (Control D), a password or app password (Pi-hole), a password
// (AdGuard Home). String, GoString and LogValue never show it.
type Account struct {
	Kind    Kind   `json:"kind"`
	URL     string `json:"url,omitempty"`     // base URL; empty = the cloud default; required (http or https) for pihole and adguardhome
	Profile string `json:"profile,omitempty"` // NextDNS / Control D profile ID; required there, refused elsewhere
	User    string `json:"user,omitempty"`    // AdGuard Home's user name (basic auth)
	Secret  string `json:"secret,omitempty"`
}

// Limits on what an account may hold.
const (
	maxProfileLen = 64
	maxUserLen    = 256
	maxSecretLen  = 1024
)

// Validate reports, as a sentence, what is wrong with a, or nil.
func (a Account) Validate() error {
	if !a.Kind.known() {
		return fmt.Errorf("dnsfilter: %q is not a filter this program knows: use one of nextdns, controld, pihole or adguardhome", string(a.Kind))
	}
	if _, err := a.baseURL(); err != nil {
		return err
	}
	if err := a.validateProfile(); err != nil {
		return err
	}
	if err := a.validateUser(); err != nil {
		return err
	}
	return a.validateSecret()
}

func (k Kind) known() bool {
	for _, x := range Kinds() {
		if k == x {
			return true
		}
	}
	return false
}

// baseURL returns the API's base address, the cloud default when a.URL is
// empty, with any trailing slash dropped.
func (a Account) baseURL() (*url.URL, error) {
	raw := a.URL
	if raw == "" {
		if !a.Kind.cloud() {
			return nil, fmt.Errorf("dnsfilter: %s needs its address, such as http://192.168.1.2", a.Kind.Title())
		}
		raw = a.Kind.defaultURL()
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.Opaque != "" {
		return nil, fmt.Errorf("dnsfilter: %q is not a web address: write it as http://192.168.1.2 or https://host", raw)
	}
	switch {
	case u.Scheme != "http" && u.Scheme != "https":
		return nil, fmt.Errorf("dnsfilter: %q must start with http:// or https://", raw)
	case u.User != nil:
		return nil, errors.New("dnsfilter: the address must not carry a user name or password: give them separately")
	case u.RawQuery != "" || u.ForceQuery || u.Fragment != "":
		return nil, fmt.Errorf("dnsfilter: %q must not have a ?query or #fragment", raw)
	case a.Kind.cloud() && u.Scheme == "http" && !loopback(u.Hostname()):
		return nil, fmt.Errorf("dnsfilter: %s's address must use https:// so the %s is not sent in the clear", a.Kind.Title(), a.Kind.secretWord())
	}
	u.Path = strings.TrimRight(u.Path, "/")
	u.RawPath = ""
	return u, nil
}

func loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func (a Account) validateProfile() error {
	if !a.Kind.cloud() {
		if a.Profile != "" {
			return fmt.Errorf("dnsfilter: %s has no profile ID: leave it out", a.Kind.Title())
		}
		return nil
	}
	if a.Profile == "" {
		return fmt.Errorf("dnsfilter: %s needs the profile ID (%s)", a.Kind.Title(), profileHint(a.Kind))
	}
	if len(a.Profile) > maxProfileLen || !alnum(a.Profile) {
		return fmt.Errorf("dnsfilter: %q is not a %s profile ID: it has only letters and digits (%s)", a.Profile, a.Kind.Title(), profileHint(a.Kind))
	}
	return nil
}

func profileHint(k Kind) string {
	if k == NextDNS {
		return "the 6 characters after my.nextdns.io/ in the dashboard's address"
	}
	return "shown under Profiles in the Control D dashboard"
}

func alnum(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return s != ""
}

func (a Account) validateUser() error {
	if a.User == "" {
		return nil
	}
	if a.Kind != AdGuardHome {
		return fmt.Errorf("dnsfilter: %s takes no user name: leave it out", a.Kind.Title())
	}
	if len(a.User) > maxUserLen || strings.ContainsAny(a.User, ":\r\n\x00") {
		return errors.New("dnsfilter: the AdGuard Home user name must not contain ':' or line breaks")
	}
	return nil
}

func (a Account) validateSecret() error {
	if a.Secret == "" {
		switch {
		case a.Kind.cloud():
			return fmt.Errorf("dnsfilter: %s needs its %s", a.Kind.Title(), a.Kind.secretWord())
		case a.Kind == AdGuardHome && a.User != "":
			return errors.New("dnsfilter: AdGuard Home needs the password of that user")
		}
		return nil
	}
	if len(a.Secret) > maxSecretLen {
		return fmt.Errorf("dnsfilter: the %s is longer than %d characters: paste it again", a.Kind.secretWord(), maxSecretLen)
	}
	for _, r := range a.Secret {
		if r < 0x20 || r == 0x7f {
			return fmt.Errorf("dnsfilter: the %s contains a line break or control character: paste it again", a.Kind.secretWord())
		}
	}
	return nil
}

// Public returns a copy of a with the secret cleared, fit to show or log.
func (a Account) Public() Account {
	a.Secret = ""
	return a
}

// String describes a for people, such as "NextDNS profile abc123" or
// "Pi-hole at http://192.168.1.2"; never the secret.
func (a Account) String() string {
	var b strings.Builder
	b.WriteString(a.Kind.Title())
	if a.Profile != "" {
		b.WriteString(" profile " + a.Profile)
	}
	if a.URL != "" {
		b.WriteString(" at " + a.URL)
	}
	if a.User != "" {
		b.WriteString(" as " + a.User)
	}
	return b.String()
}

// GoString keeps %#v from printing the secret.
func (a Account) GoString() string {
	return fmt.Sprintf("dnsfilter.Account{Kind:%q, URL:%q, Profile:%q, User:%q, Secret:%q}",
		string(a.Kind), a.URL, a.Profile, a.User, redact(a.Secret))
}

// LogValue logs a's fields with the secret replaced by "REDACTED".
func (a Account) LogValue() slog.Value {
	attrs := []slog.Attr{slog.String("kind", string(a.Kind))}
	for _, f := range []struct{ k, v string }{{"url", a.URL}, {"profile", a.Profile}, {"user", a.User}, {"secret", redact(a.Secret)}} {
		if f.v != "" {
			attrs = append(attrs, slog.String(f.k, f.v))
		}
	}
	return slog.GroupValue(attrs...)
}

func redact(secret string) string {
	if secret == "" {
		return ""
	}
	return "REDACTED"
}
