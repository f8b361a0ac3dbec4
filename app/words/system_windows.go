package words

// The sentences that name the system's own tools, here those of Windows,
// where the vault's key is kept in Credential Manager.
const (
	// NoKeyring is said when Credential Manager cannot keep the vault's key.
	NoKeyring = "Windows' Credential Manager is not available to your account, so the key to your saved profiles and journal has nowhere to be kept. " +
		"Log in to Windows as yourself (not as a service or a guest) and open No Contact again; to keep them in a file only your account can read instead, run: nocontact vault --allow-unencrypted"
	// KeyringLocked is said when Credential Manager refuses the key.
	KeyringLocked = "Windows' Credential Manager refused the key to your saved profiles and journal. " +
		"Log out and in again, then come back to this window."
	// ServiceLook is where a person looks at the daemon's service.
	ServiceLook = "open Services (services.msc) and find No Contact blocker"
	// StuckWayOut is the way out of a block that got stuck, named where
	// a long block is confirmed.
	StuckWayOut = "If a block ever gets stuck, \"nocontactd cleanup\", run as an administrator in C:\\Program Files\\No Contact, ends it, whatever its lock."
	// StuckHow says, in the window's Help, how to run StuckCommand: an
	// elevated Command Prompt, reached from the Start menu.
	StuckHow = "Open the Start menu and type cmd. Right-click Command Prompt, choose Run as administrator and answer Yes. " +
		"In the window that opens, type the line below (quotes included) and press Enter."
	// StuckCommand is the way out of a stuck block, to type as it is.
	StuckCommand = `"C:\Program Files\No Contact\nocontactd.exe" cleanup`
	// ServiceData is where the blocking service keeps past blocks,
	// schedules and attempts.
	ServiceData = `C:\ProgramData\NoContact`
	// HostsFile is the file a block writes its section into.
	HostsFile = `C:\Windows\System32\drivers\etc\hosts`
)

// ExtensionNote says what a blocked profile looks like in a browser on
// Windows, where Chrome and Edge refuse an extension from outside their
// stores on a PC no organization manages, and No Contact's is not in them
// yet.
const ExtensionNote = "On Windows, Chrome and Edge show their own \"blocked\" page for a blocked profile, not a passage: " +
	"No Contact's extension is not in their stores yet, and they take no other on a home PC. A site blocked whole " +
	"still brings the passage, in the pop-up."

// FirefoxNote says what a block does in Firefox on Windows, where it
// reads its policies at its start and runs no extension of ours.
const FirefoxNote = "Firefox applies a new block when it next starts. Where no extension of ours runs (Firefox, and Chrome and Edge here), " +
	"a profile opened from inside the feed is caught when its page loads anew (reload it)."
