package daemon

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"

	"github.com/nocontact-app/nocontact/blocker/internal/sinkhole"
	"github.com/nocontact-app/nocontact/content"
	"github.com/nocontact-app/nocontact/content/attempt"
)

//go:embed interstitial.html.tmpl
var interstitialSource string

var interstitialTemplate = template.Must(template.New("page").Parse(interstitialSource))

// plainPage is served if the article or the template cannot be used.
const plainPage = "<!DOCTYPE html><title>No Contact</title><p>This site is blocked by No Contact."

// interstitialData is what the page shows.
type interstitialData struct {
	Host    string
	What    string // "jane.doe’s profile on Instagram", "Instagram", "janedoe.com"
	Excerpt content.Excerpt
	Today   string // "3rd attempt today."
	Article string // the article's page on the sinkhole, "" if none
	Style   template.CSS
}

// page renders the interstitial for an HTTP hit on host.
func (p *pages) page(host string) []byte { return p.pageFor(host, "") }

// pageFor renders the interstitial for a visit to host, or to the profile
// at path on it: the attempt told as the pop-up tells it (content/attempt:
// what was opened, the how-manieth today), and the passage the one
// chooser gives it knowing what the day's earlier attempts got (without
// the person's journal, which root cannot read).
func (p *pages) pageFor(host, path string) []byte {
	now := p.cfg.Clock.Now().Local()
	at, day := attempt.At(p.visits.all(), host, path, now)
	a, err := content.Load()
	if err != nil {
		return []byte(plainPage)
	}
	var b bytes.Buffer
	err = interstitialTemplate.Execute(&b, interstitialData{Host: host, What: at.What(), Excerpt: a.ForAttempt(day, nil),
		Today: at.Count() + ".", Article: p.articleURL(), Style: content.Style()})
	if err != nil {
		return []byte(plainPage)
	}
	return b.Bytes()
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
