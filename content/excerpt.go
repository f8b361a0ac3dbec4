package content

import (
	"fmt"
	"strings"
	"time"
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

// Moment is the context of a pick.
type Moment struct {
	Trigger       Trigger
	Host          string    // for Visit
	Time          time.Time // local time of the event
	AttemptsHour  int       // attempts in the last hour, this one included
	AttemptsToday int       // attempts today, this one included
	Seq           uint64    // the event's sequence number: rotates the passages
}

// Excerpt is a verbatim passage with where it comes from and why it was
// chosen.
type Excerpt struct {
	Text    string   // one paragraph or one or two whole sentences of the article
	Title   string   // its section or term
	Section *Section // the section or term itself
	Reason  string   // one line, in plain words
}

// candidate is a section or term a rule offers, with the rule's reason.
type candidate struct {
	title  string
	reason string
}

// Pick returns the passage for m. Every rule that matches m offers its
// sections and terms, the most pressing rule first; consecutive sequence
// numbers walk through every candidate before one repeats, and then through
// the passages within each.
func (a *Article) Pick(m Moment) Excerpt {
	cands := candidates(m)
	n := uint64(len(cands))
	c := cands[m.Seq%n]
	s := a.Find(c.title)
	ps := passages(s)
	text := ps[(m.Seq/n)%uint64(len(ps))]
	return Excerpt{Text: text, Title: s.Title, Section: s, Reason: c.reason}
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

// AttemptsToday says how many attempts today, this one included:
// "Your first attempt today", "3rd attempt today".
func AttemptsToday(n int) string {
	if n <= 1 {
		return "Your first attempt today"
	}
	return Ordinal(n) + " attempt today"
}

// Ordinal returns 1st, 2nd, 3rd, 4th...
func Ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return fmt.Sprintf("%d%s", n, suffix)
}
