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
		return []byte("<!DOCTYPE html><title>No Contact</title><p>This site is blocked by No Contact.")
	}
	ex := a.Pick(content.Moment{Trigger: content.Visit, Host: host, Time: now, AttemptsHour: hour, AttemptsToday: today, Seq: d.lastVisit(host)})
	var b bytes.Buffer
	err = interstitialTemplate.Execute(&b, interstitialData{Host: host, Excerpt: ex, Today: attemptsText(today), Style: content.Style()})
	if err != nil {
		return []byte("<!DOCTYPE html><title>No Contact</title><p>This site is blocked by No Contact.")
	}
	return b.Bytes()
}

func attemptsText(n int) string {
	if n <= 1 {
		return "Your first attempt today."
	}
	return content.Ordinal(n) + " attempt today."
}
