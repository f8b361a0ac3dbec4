// Package resources holds No Contact's embedded assets as plain bytes: the
// application icon, the tray icons and the system files setup installs. It
// imports no UI toolkit, so the tray, the GUI and the daemon can all use it.
package resources

import "embed"

// Icon is the application icon, a 512×512 PNG.
//
//go:embed icon.png
var Icon []byte

// Tray icons, 64×64 PNGs that stay legible when a panel scales them to
// 16–48 px: a block is running, none is, or something needs attention.
var (
	//go:embed tray-blocking.png
	TrayBlocking []byte
	//go:embed tray-idle.png
	TrayIdle []byte
	//go:embed tray-problem.png
	TrayProblem []byte
)

// SystemdUnit is the daemon's unit file with @LIBEXEC@ (the directory of
// the nocontactd binary) and @OWNER_UID@ to fill in.
//
//go:embed nocontactd.service.in
var SystemdUnit string

// Desktop integration files, installed by `nocontact setup` (for the user)
// and `make install` (system-wide).
var (
	//go:embed app.nocontact.NoContact.desktop
	DesktopApp string
	//go:embed nocontact-tray.desktop
	DesktopTray string
	//go:embed app.nocontact.nocontactd.policy
	PolkitPolicy string
	//go:embed app.nocontact.NoContact.metainfo.xml
	Metainfo string
)

// IconSizes holds the app icon at 32, 48, 64, 128 and 256 px as
// icons/SIZE.png.
//
//go:embed icons/*.png
var IconSizes embed.FS
