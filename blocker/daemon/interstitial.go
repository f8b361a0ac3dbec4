package daemon

import (
	"bytes"
	_ "embed"
	"html/template"

	"github.com/nocontact-app/nocontact/content"
)

//go:embed interstitial.html.tmpl
var interstitialSource string

var interstitialTemplate = template.Must(template.New("page").Parse(interstitialSource))

// plainPage is served if the article or the template cannot be used.
const plainPage = "<!DOCTYPE html><title>No Contact</title><p>This site is blocked by No Contact."

// interstitialData is what the page shows.
type interstitialData struct {
	Host    string
	Excerpt content.Excerpt
	Today   string // "3rd attempt today"
	Style   template.CSS
}

// page renders the interstitial for an HTTP hit on host: an excerpt chosen
// for the host, the time and the attempts, with its title and reason.
func (d *Daemon) page(host string) []byte {
	now := d.cfg.Clock.Now().Local()
	hour, today := d.Attempts(now)
	a, err := content.Load()
	if err != nil {
		return []byte(plainPage)
	}
	ex := a.Pick(content.Moment{Trigger: content.Visit, Host: host, Time: now, AttemptsHour: hour, AttemptsToday: today, Seq: d.lastVisit(host)})
	var b bytes.Buffer
	err = interstitialTemplate.Execute(&b, interstitialData{Host: host, Excerpt: ex, Today: content.AttemptsToday(today) + ".", Style: content.Style()})
	if err != nil {
		return []byte(plainPage)
	}
	return b.Bytes()
}
