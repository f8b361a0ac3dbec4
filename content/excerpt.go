package content

import (
	"strings"
	"time"

	"github.com/nocontact-app/nocontact/content/attempt"
)

// Trigger is what happened: the kinds of daemon events that get a passage.
type Trigger string

const (
	Visit           Trigger = "visit"            // a blocked site was opened
	Tamper          Trigger = "tamper"           // the hosts file was edited
	UnlockRequested Trigger = "unlock_requested" // the user asked to end early
	SessionStarted  Trigger = "session_started"  // a block began
	EndingEarly     Trigger = "ending_early"     // the pause before an early-end request
	EndConfirm      Trigger = "end_confirm"      // the cool-down is over: the last step before ending
)

// Moment is everything a pick depends on. The root daemon knows all of it
// but Motives; the user side knows Motives too (its journal).
type Moment struct {
	Trigger       Trigger
	Host          string        // for Visit
	Time          time.Time     // local time of the event
	AttemptsHour  int           // attempts in the last hour, this one included
	AttemptsToday int           // attempts today, this one included
	Quiet         time.Duration // since the attempt before this one (0: none known)
	Scheduled     bool          // in a block a schedule started, or (SessionStarted) started by one
	Motives       []string      // the person's journal motives (app/vault IDs), weightiest first
	Before        []Excerpt     // what the day's earlier attempts were shown, oldest first
	Seq           uint64        // turns the rotation for moments that have no Before (0 for visits)
}

// Excerpt is a verbatim passage with where it comes from and our line on
// why it was chosen.
type Excerpt struct {
	Text    string   // one paragraph or one or two whole sentences of the article
	Title   string   // its section or term
	Section *Section // the section or term itself
	Reason  string   // our own line: why this passage now, in plain second person
	sit     situation
}

// Pick returns the passage for m: the most pressing situation's sections
// first (many attempts, the late hour, a first attempt after days without
// one, a schedule's hours, the person's own motives, the kind of site),
// then any section; within them the first passage that shares no sentence
// with what m.Before already showed, while one does. When everything has
// been shown it takes what was shown longest ago. Pick is a pure function
// of m: the page in the tab and the pop-up pick alike.
func (a *Article) Pick(m Moment) Excerpt {
	cands := a.candidates(m)
	rot := rotation(m)
	shown := shownSentences(m.Before)
	best, bestAge := -1, 0
	var bestText string
	for i, c := range cands {
		ps := a.passagesOf(c.section)
		for j := range ps {
			p := ps[(j+int(rot%uint64(len(ps))))%len(ps)]
			age := p.lastShown(shown)
			if age < 0 {
				return a.excerpt(m, c, p.text, rot)
			}
			if best < 0 || age < bestAge {
				best, bestAge, bestText = i, age, p.text
			}
		}
	}
	return a.excerpt(m, cands[best], bestText, rot)
}

// PickDay picks for each moment of a day in turn, each knowing what the
// ones before it got, and returns the last one's passage.
func (a *Article) PickDay(day []Moment) Excerpt {
	var before []Excerpt
	for _, m := range day {
		m.Before = before
		before = append(before, a.Pick(m))
	}
	return before[len(before)-1]
}

// candidate is a section or term a tier offers.
type candidate struct {
	section *Section
	tier    tier
}

// candidates lists m's tiers' sections, each once (for its most pressing
// tier), each tier's own turned by the rotation.
func (a *Article) candidates(m Moment) []candidate {
	var all []string
	for _, s := range a.All() {
		all = append(all, s.Title)
	}
	rot := rotation(m)
	seen := map[*Section]bool{}
	var out []candidate
	for _, t := range tiers(m, all) {
		n := len(t.titles)
		for i := range n {
			s := a.Find(t.titles[(i+int(rot%uint64(n)))%n])
			if s != nil && !seen[s] {
				seen[s] = true
				out = append(out, candidate{s, t})
			}
		}
	}
	return out
}

// rotation turns the order within a tier: by Seq, the day, and the site,
// so that two platforms, or two days, start in different places.
func rotation(m Moment) uint64 {
	r := m.Seq
	if !m.Time.IsZero() {
		y, mo, d := m.Time.Date()
		r += uint64(time.Date(y, mo, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
	}
	for _, c := range m.Host {
		r = r*31 + uint64(c)
	}
	return r
}

func (a *Article) excerpt(m Moment, c candidate, text string, rot uint64) Excerpt {
	e := Excerpt{Text: text, Title: c.section.Title, Section: c.section, sit: c.tier.sit}
	e.Reason = line(m, c, rot)
	return e
}

// passage is a quotable piece of a section and its sentences.
type passage struct {
	text  string
	sents []string
}

// lastShown returns the index of the latest of the day's excerpts that
// shares a sentence with p, -1 for none.
func (p passage) lastShown(shown []map[string]bool) int {
	for i := len(shown) - 1; i >= 0; i-- {
		for _, s := range p.sents {
			if shown[i][s] {
				return i
			}
		}
	}
	return -1
}

func shownSentences(before []Excerpt) []map[string]bool {
	out := make([]map[string]bool, len(before))
	for i, e := range before {
		out[i] = map[string]bool{}
		for _, s := range Sentences(e.Text) {
			out[i][s] = true
		}
	}
	return out
}

// passagesOf returns what may be quoted of s, computed once per article.
func (a *Article) passagesOf(s *Section) []passage {
	a.passOnce.Do(func() {
		a.pass = map[*Section][]passage{}
		for _, x := range a.All() {
			for _, t := range passages(x) {
				a.pass[x] = append(a.pass[x], passage{t, Sentences(t)})
			}
		}
	})
	return a.pass[s]
}

// passages returns what may be quoted of s: each whole paragraph, then
// every two consecutive sentences of a paragraph of three or more.
func passages(s *Section) []string {
	out := append([]string(nil), s.Paragraphs...)
	for _, p := range s.Paragraphs {
		sents := Sentences(p)
		for i := 0; len(sents) >= 3 && i+1 < len(sents); i++ {
			start := strings.Index(p, sents[i])
			end := strings.Index(p, sents[i+1]) + len(sents[i+1])
			out = append(out, p[start:end])
		}
	}
	return out
}

// Ordinal returns 1st, 2nd, 3rd, 4th...
func Ordinal(n int) string { return attempt.Ordinal(n) }
