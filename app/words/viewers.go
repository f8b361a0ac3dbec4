package words

// Sentences about the sites that show a person without an account.
const (
	// ViewersTitle heads a profile's viewer sites in its details.
	ViewersTitle = "Sites that show their profile without an account"
	// ViewersSwitch labels the switch that blocks them (on by default).
	ViewersSwitch = "Block these sites whole during a block"
	// ViewersWhy says why they are blocked whole.
	ViewersWhy = "These sites exist to show people's profiles, stories and followers without an account, so nobody sees who looked. During a block they are blocked whole, on this computer and in your browsers."
	// WrappersWhere says where a person's pages in archives and
	// translators are refused, and where not.
	WrappersWhere = "Archives and translators are never blocked whole; only their pages of this person are refused: " +
		"web.archive.org and archive.today (archive.ph, .is, ...) in Chromium, Chrome, Brave, Edge and Vivaldi through No Contact's extension, and in Firefox; " +
		"Google Translate's copy (…translate.goog) in every covered browser. " +
		"Where the extension does not run (a browser started without extensions, private windows), Chromium-family browsers show archived copies."
	// CaseWhere says where a profile in other letter cases is refused.
	CaseWhere = "Their name in any letter case or with escapes (/JANE.DOE, /Jane.Doe, /jane%2Edoe) is refused in Firefox and wherever No Contact's extension runs; " +
		"without the extension, Chromium-family browsers refuse the name as saved, in lower and upper case and capitalised, not rarer mixes (/jAnE.doe) or escapes."
	// ViewerAddHint is the placeholder of the field that adds a site.
	ViewerAddHint = "Another site where I watch them: imginn.com"
	// ViewersOffKeeps follows the switch turned off while a block may run.
	ViewersOffKeeps = "The running block keeps these sites blocked until it ends; your next block leaves them open."
)
