package words

import (
	"strings"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// PhoneTitle names the place of the phone in the window and the command
// line.
const PhoneTitle = "Your phone"

// PhoneLimits are the honest limits of a block on the phone, said where a
// filter is connected and in the README.
var PhoneLimits = []string{
	"A DNS filter blocks whole sites, never one profile: for a person you block by profile, choose all of that platform on the phone, or nothing.",
	"A filter at home (Pi-hole, AdGuard Home) covers your phone only on your home Wi-Fi, not on mobile data.",
	"An app with its own DNS, a VPN or another Private DNS setting on the phone can go around any filter.",
	"You can always change your filter in its own dashboard. If an entry of ours is removed during a block, No Contact puts it back within a minute and counts it.",
}

// PhoneIntro says what connecting a filter does, before one is connected.
const PhoneIntro = "Most checking happens on the phone. If your phone uses a DNS filter (NextDNS, Control D, or a Pi-hole or AdGuard Home at home), " +
	"No Contact can put each block there too, take it away when the block ends, and count the phone's attempts here."

// Phone says the connection in one line: "Your phone: NextDNS (profile
// abc123), 14 sites of the block on it."
func Phone(st *api.PhoneStatus) string {
	if st == nil || !st.Connected {
		if st != nil && st.Problem != "" {
			return PhoneTitle + ": " + st.Problem
		}
		return PhoneTitle + ": not connected."
	}
	line := PhoneTitle + ": " + PhoneFilter(st)
	switch n := len(st.Published); {
	case st.Pending:
		line += ", taking " + count(n, "site") + " of the last block off it."
	case n > 0:
		line += ", " + count(n, "site") + " of the block on it."
	default:
		line += ", nothing of ours on it now."
	}
	if st.Problem != "" {
		line += " " + st.Problem
	}
	return line
}

// PhoneFilter names the connected filter: "NextDNS (profile abc123)",
// "Pi-hole at http://192.168.1.2".
func PhoneFilter(st *api.PhoneStatus) string {
	switch {
	case st.Profile != "":
		return st.Kind.Title() + " (profile " + st.Profile + ")"
	case st.URL != "":
		return st.Kind.Title() + " at " + st.URL
	}
	return st.Kind.Title()
}

// PhoneSetupLines say what the phone itself needs, one line each.
func PhoneSetupLines(s api.PhoneSetup) []string {
	var out []string
	if s.PrivateDNS != "" {
		out = append(out, "Android: Settings › Network & internet › Private DNS › Private DNS provider, then type "+s.PrivateDNS)
	}
	if s.AppleProfile != "" {
		out = append(out, "iPhone: open "+s.AppleProfile+" in Safari and install the profile it offers.")
	}
	if s.Home != "" {
		out = append(out, s.Home)
	}
	if s.Note != "" {
		out = append(out, s.Note)
	}
	return out
}

// PhoneSecret names the credential a filter asks for and where to find
// it, for the prompt and the window's field.
func PhoneSecret(k api.FilterKind) string {
	switch k {
	case api.FilterNextDNS:
		return "API key (my.nextdns.io › Account › API)"
	case api.FilterControlD:
		return "API token with write access (controld.com › Preferences › API)"
	case api.FilterPiHole:
		return "password or app password"
	}
	return k.SecretWord()
}

// PhoneAsk is the question for a platform a DNS filter can only block
// whole: "On your phone: block all of Instagram, or nothing?"
func PhoneAsk(platform string) string {
	return "On your phone: block all of " + platform + ", or nothing?"
}

// PhoneChoice says the answers given: "All of Instagram; nothing of X".
func PhoneChoice(c api.PhoneChoice) string {
	var parts []string
	for _, s := range c.Whole {
		parts = append(parts, "all of "+s.Title)
	}
	for _, t := range c.Nothing {
		parts = append(parts, "nothing of "+t)
	}
	if len(parts) == 0 {
		return ""
	}
	s := strings.Join(parts, "; ")
	return "On your phone, for people you block by profile: " + s + "."
}
