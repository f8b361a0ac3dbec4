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
const ExtensionNote = "In Chrome and its kin, No Contact's extension catches the profile written in any way (other capitals, " +
	"escaped letters); a browser started with --disable-extensions still refuses the usual spellings, but not those."
