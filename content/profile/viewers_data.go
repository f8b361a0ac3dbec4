package profile

// CatalogueChecked is the day the viewer sites below were last read in
// their sources. The window shows it, so a list that goes stale says so.
const CatalogueChecked = "2026-12-06"

// viewerSources say where the viewer sites were learned: a list that
// tracks them, the commit read, its date and its licence. Only facts
// were taken from them (host names), never code.
var viewerSources = []ViewerSource{
	{ID: "libredirect", Where: "github.com/libredirect/instances data.json (the instance lists LibRedirect redirects to)",
		Commit: "4a7124656e57f51c32984450e454abcf09309772", Date: "2026-08-21", Licence: "GPL-3.0 (the repository); host names only"},
	{ID: "redlib", Where: "github.com/redlib-org/redlib-instances instances.json (Redlib's own list of public instances)",
		Commit: "55d9fc6a16dfcd67a1d5b44d5507c415a784d6b4", Date: "2026-08-21", Licence: "GPL-3.0 (the repository); host names only"},
	{ID: "fmhy", Where: "github.com/fmhy/edit docs/social-media-tools.md (FMHY: \"Frontends / Viewers\" and \"Anonymous Story / Profile Viewers\")",
		Commit: "2285e2e71d7321188f1907c638e0c8c6a3cde188", Date: "2026-08-21", Licence: "none stated for the list (the site's code is Apache-2.0); host names only"},
	{ID: "picture", Where: "github.com/ANSH3LL/Picture README (a Firefox add-on that sends Instagram links to these viewers)",
		Commit: "5c8029d3019914d8f6ff3af033419b725112c109", Date: "2026-12-06", Licence: "none stated; host names only"},
	{ID: "scrapers", Where: "public scraper code in a code index that fetches profiles from these mirrors (a GPL-3.0 userscript \"Bypass Instagram Login Redirects\" and two scrapers whose repositories the index does not name); the issue's reporter named storiesig and dumpor",
		Date: "2026-12-06", Licence: "GPL-3.0 (the userscript), unknown (the others); host names only"},
}

// viewerSites are, per platform, the third-party sites that exist to show
// that platform's people without an account: blocked whole during a
// block, for every person saved on the platform (unless the person's
// switch is off). One host each: a registrable name (imginn.com, blocked
// with its www.) or one instance on a shared domain (nitter.poast.org,
// blocked alone). Onion and I2P addresses are left out: a hosts file does
// not reach them.
var viewerSites = map[string][]viewer{
	"instagram": {
		{"imginn.com", "fmhy"}, {"dumpor.io", "fmhy"}, {"greatfon.io", "fmhy"}, {"anonyig.com", "fmhy"},
		{"picuki.com", "picture"}, {"smihub.com", "picture"},
		{"dumpor.com", "scrapers"}, {"pixwox.com", "scrapers"}, {"storiesig.info", "scrapers"}, {"storiesdown.com", "scrapers"},
		{"greatfon.com", "scrapers"}, {"picnob.com", "scrapers"}, {"inflact.com", "scrapers"},
		{"kittygr.am", "libredirect"}, {"kittygram.irelephant.net", "libredirect"}, {"kittygram.nexussfan.cz", "libredirect"},
		{"kittygram.kareem.one", "libredirect"}, {"kg.lus.lu", "libredirect"}, {"kg.meowing.de", "libredirect"},
		{"kittygram.nadeko.net", "libredirect"}, {"kittygram.pussthecat.org", "libredirect"},
		{"ig.opnxng.com", "libredirect"}, {"proxigram.lunar.icu", "libredirect"}, {"gram.whatever.social", "libredirect"},
		{"ig.snine.nl", "libredirect"}, {"proxigram.privacyredirect.com", "libredirect"},
	},
	"x": {
		{"xcancel.com", "libredirect"}, {"nitter.poast.org", "libredirect"}, {"nitter.privacyredirect.com", "libredirect"},
		{"lightbrd.com", "libredirect"}, {"nitter.space", "libredirect"}, {"nitter.tiekoetter.com", "libredirect"},
		{"nuku.trabun.org", "libredirect"}, {"nitter.catsarch.com", "libredirect"}, {"nitter.kareem.one", "libredirect"},
		{"nitter.net", "fmhy"}, {"sotwe.com", "fmhy"}, {"twstalker.com", "fmhy"}, {"xtwitterviewer.com", "fmhy"},
	},
	"reddit": {
		{"safereddit.com", "redlib"}, {"redlib.catsarch.com", "redlib"}, {"red.artemislena.eu", "redlib"},
		{"redlib.cow.rip", "redlib"}, {"redlib.privadency.com", "redlib"},
	},
	"tiktok": {
		{"urlebird.com", "fmhy"},
		{"proxitok.pabloferreiro.es", "libredirect"}, {"proxitok.pussthecat.org", "libredirect"}, {"tok.habedieeh.re", "libredirect"},
		{"proxitok.privacydev.net", "libredirect"}, {"tok.artemislena.eu", "libredirect"}, {"tok.adminforge.de", "libredirect"},
		{"cringe.whatever.social", "libredirect"}, {"proxitok.lunar.icu", "libredirect"}, {"proxitok.privacy.com.de", "libredirect"},
		{"cringe.seitan-ayoub.lol", "libredirect"}, {"tt.opnxng.com", "libredirect"}, {"tiktok.wpme.pl", "libredirect"},
		{"proxitok.r4fo.com", "libredirect"}, {"proxitok.belloworld.it", "libredirect"},
	},
	"snapchat": {{"storylooker.com", "fmhy"}, {"snoopchat.co", "fmhy"}},
	"pinterest": {
		{"pinterest.bunk.im", "fmhy"}, {"pinterest.fsky.io", "fmhy"},
		{"binternet.revvy.de", "libredirect"}, {"binternet.darkness.services", "libredirect"}, {"bn.bloat.cat", "libredirect"},
		{"bn.opnxng.com", "libredirect"}, {"binternet.ducks.party", "libredirect"}, {"binternet.4o1x5.dev", "libredirect"},
		{"binternet.privacyredirect.com", "libredirect"}, {"binternet.lunar.icu", "libredirect"}, {"binternet.canine.tools", "libredirect"},
		{"bn.kuuro.net", "libredirect"}, {"binternet.privadency.com", "libredirect"},
	},
	"tumblr": {
		{"tumlook.com", "fmhy"}, {"tumgik.com", "fmhy"},
		{"pb.bloat.cat", "libredirect"}, {"tb.opnxng.com", "libredirect"}, {"priviblur.pussthecat.org", "libredirect"},
		{"priviblur.thebunny.zone", "libredirect"}, {"priviblur.canine.tools", "libredirect"}, {"pb.cleberg.net", "libredirect"},
		{"tumblr.nerdvpn.de", "libredirect"}, {"pb.proxik.cloud", "libredirect"}, {"priviblur.privadency.com", "libredirect"},
	},
	"medium": {
		{"scribe.nixnet.services", "libredirect"}, {"scribe.rawbit.ninja", "libredirect"}, {"sc.vern.cc", "libredirect"},
		{"m.opnxng.com", "libredirect"}, {"scribe.r4fo.com", "libredirect"}, {"scribe.privacyredirect.com", "libredirect"},
		{"libmedium.batsense.net", "libredirect"}, {"md.vern.cc", "libredirect"}, {"medium.hostux.net", "libredirect"},
		{"r.sudovanilla.org", "libredirect"}, {"libmedium.ducks.party", "libredirect"},
	},
	"twitch": {
		{"safetwitch.drgns.space", "libredirect"}, {"ttv.vern.cc", "libredirect"}, {"twitch.sudovanilla.org", "libredirect"},
		{"safetwitch.ducks.party", "libredirect"}, {"safetwitch.nogafam.fr", "libredirect"}, {"safetwitch.privacyredirect.com", "libredirect"},
		{"safetwitch.darkness.services", "libredirect"}, {"safetwitch.4o1x5.dev", "libredirect"}, {"safetwitch.adminforge.de", "libredirect"},
		{"twitch.blitzw.in", "libredirect"}, {"safetwitch.canine.tools", "libredirect"}, {"safetwitch.privadency.com", "libredirect"},
		{"twineo.exozy.me", "libredirect"}, {"twineo.drgns.space", "libredirect"},
	},
	"youtube": {
		{"inv.nadeko.net", "libredirect"}, {"invidious.nerdvpn.de", "libredirect"}, {"invidious.f5.si", "libredirect"},
		{"yt.chocolatemoo53.com", "libredirect"}, {"invidious.tiekoetter.com", "libredirect"}, {"inv-ygg.nadeko.net", "libredirect"},
	},
}
