package daemon

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"

	"github.com/nocontact-app/nocontact/blocker/internal/sinkhole"
	"github.com/nocontact-app/nocontact/content"
	"github.com/nocontact-app/nocontact/content/profile"
)

//go:embed interstitial.html.tmpl
var interstitialSource string

var interstitialTemplate = template.Must(template.New("page").Parse(interstitialSource))

// plainPage is served if the article or the template cannot be used.
const plainPage = "<!DOCTYPE html><title>No Contact</title><p>This site is blocked by No Contact."

// interstitialData is what the page shows.
type interstitialData struct {
	Host    string
	What    string // "jane.doe's profile on Instagram", or the host
	Excerpt content.Excerpt
	Today   string // "3rd attempt today"
	Article string // the article's page on the sinkhole, "" if none
	Style   template.CSS
}

// page renders the interstitial for an HTTP hit on host.
func (p *pages) page(host string) []byte { return p.pageFor(host, "") }

// pageFor renders the interstitial for a visit to host, or to the profile
// at path on it: an excerpt chosen for the host, the time and the
// attempts, with its title and reason; a profile's page names the person.
func (p *pages) pageFor(host, path string) []byte {
	now := p.cfg.Clock.Now().Local()
	hour, today := p.visits.attempts(now)
	a, err := content.Load()
	if err != nil {
		return []byte(plainPage)
	}
	ex := a.Pick(content.Moment{Trigger: content.Visit, Host: host, Time: now, AttemptsHour: hour, AttemptsToday: today, Seq: p.visits.lastVisit(host)})
	var b bytes.Buffer
	err = interstitialTemplate.Execute(&b, interstitialData{Host: host, What: whatWasOpened(host, path), Excerpt: ex,
		Today: content.AttemptsToday(today) + ".", Article: p.articleURL(), Style: content.Style()})
	if err != nil {
		return []byte(plainPage)
	}
	return b.Bytes()
}

// whatWasOpened names what a visit tried to open: "jane.doe's profile on
// Instagram" for a profile path, else the host.
func whatWasOpened(host, path string) string {
	if path == "" {
		return host
	}
	p, err := profile.Parse("https://" + host + path)
	if err != nil || p.Handle == "" {
		return host + path
	}
	name := profile.Lookup(p.Platform).Name
	if p.Platform == "mastodon" {
		name = p.Host
	}
	return p.Handle + "’s profile on " + name
}

// articleURL is the article's page on the sinkhole ("" when the sinkhole
// serves no plain HTTP).
func (p *pages) articleURL() string {
	if p.cfg.HTTPPort == 0 {
		return ""
	}
	return p.localBase() + "/nocontact/article"
}

// localBase is where the sinkhole serves its own pages: "http://127.78.0.1"
// (with the port if not 80).
func (p *pages) localBase() string {
	base := "http://" + p.cfg.Sinkhole.String()
	if p.cfg.HTTPPort != 80 {
		base += fmt.Sprintf(":%d", p.cfg.HTTPPort)
	}
	return base
}

// articlePage is the whole article as a page, offline.
func articlePage() sinkhole.LocalResponse {
	a, err := content.Load()
	if err != nil {
		return sinkhole.LocalResponse{Status: 500, ContentType: "text/plain", Body: []byte("The article could not be read.")}
	}
	b, err := a.HTML()
	if err != nil {
		return sinkhole.LocalResponse{Status: 500, ContentType: "text/plain", Body: []byte("The article could not be read.")}
	}
	return sinkhole.LocalResponse{Status: 200, ContentType: "text/html; charset=utf-8", Body: b}
}
