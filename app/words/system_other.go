//go:build !windows

package words

// The sentences that name the system's own tools, here those of a Linux
// desktop.
const (
	// NoKeyring is said when no keyring keeps the vault's key.
	NoKeyring = "This computer has no keyring to keep the key to your saved profiles and journal. " +
		"To keep them in a file only you can read instead, run in a terminal: nocontact vault --allow-unencrypted"
	// KeyringLocked is said when the keyring is locked.
	KeyringLocked = "Your keyring is locked, so your saved profiles and journal cannot be opened. " +
		"Unlock it (log in to the desktop, or open Passwords and Keys), then come back to this window."
	// ServiceLook is where a person looks at the daemon's service.
	ServiceLook = "systemctl status nocontactd"
	// StuckWayOut is the way out of a block that got stuck, named where
	// a long block is confirmed.
	StuckWayOut = "If a block ever gets stuck, \"sudo nocontact cleanup\" in a terminal ends it, whatever its lock."
	// StuckHow says, in the window's Help, how to run StuckCommand.
	StuckHow = "Open a terminal, type the line below and press Enter, then type your password."
	// StuckCommand is the way out of a stuck block, to type as it is.
	StuckCommand = "sudo nocontact cleanup"
	// ServiceData is where the blocking service keeps past blocks,
	// schedules and attempts.
	ServiceData = "/var/lib/nocontact"
	// HostsFile is the file a block writes its section into.
	HostsFile = "/etc/hosts"
)

// ExtensionNote says what the browsers' extension does for a blocked
// profile, where the browsers take it (on Linux, through their policies).
const ExtensionNote = "In Chrome and its kin, No Contact's extension shows a passage in the tab and catches the profile written in any way " +
	"(other capitals, escaped letters) or opened from inside the feed; a browser started with --disable-extensions still refuses " +
	"the usual spellings, but not those, and catches a profile opened from the feed only when its page loads anew."

// FirefoxNote says what a block does in Firefox: Firefox ESR takes the
// extension once its signature requirement is off (which the note names,
// with what that changes); other Firefox builds cannot.
const FirefoxNote = "Firefox ESR (Debian's Firefox) gets No Contact's extension too: a blocked profile or site shows a passage there, " +
	"a profile opened from the feed is caught, and a new block applies at once. So that Firefox ESR can install it, No Contact turns " +
	"off, for as long as it runs, Firefox ESR's setting that only extensions signed by Mozilla may be installed " +
	"(xpinstall.signatures.required): while it is off, Firefox ESR also accepts other extensions Mozilla has not signed, " +
	"if you or a program install them. Firefox ESR takes the extension the next time it starts after No Contact is installed. " +
	"Other Firefox builds install only extensions Mozilla signed: there a blocked profile shows Firefox's own \"blocked\" page, " +
	"a new block applies when Firefox next starts, and a profile opened from the feed is caught when its page loads anew (reload it)."
