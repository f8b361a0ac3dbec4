package content

import "fmt"

// The rule table: which sections and terms answer which moment. Titles are
// the article's own; a test checks each exists and that every section and
// term is offered by some moment.
var (
	earlyEndTitles = []string{"Cognitive Dissonance: Justifying the Contact", "Post-Breakup Cognitive Dissonance"}
	pauseTitles    = []string{"Strategies for Maintaining Boundaries Post-Breakup", "Cognitive Dissonance: Justifying the Contact", "Post-Breakup Cognitive Dissonance"}
	startTitles    = []string{"The Psychology Behind No Contact: Why It’s Recommended", "Strategies for Maintaining Boundaries Post-Breakup"}
	repeatTitles   = []string{"Emotional Uncertainty Loop", "Attachment Rebound Spiral", "Reward Expectancy Resurgence"}
	nightTitles    = []string{"Fear of Loneliness and Its Impact on Behavior", "Loneliness Avoidance Impulse"}
	categoryTitles = map[Category][]string{
		Feed:         {"Social Media Relapse", "Digital Liminality"},
		Messaging:    {"Seeking Closure: Is It Ever Truly Achievable?", "Longing-for-Closure Bias", "Guilt and Responsibility: Moral Reasons for Reaching Out", "Altruistic Motivations: Wanting to Help an Ex-Partner", "Phantom Communication Syndrome"},
		Photos:       {"Nostalgia-driven Contact"},
		Professional: {"The Influence of Social Support and Peer Pressure"},
		Other:        {"Emotional Attachments: The Pull to Reconnect", "The Role of Attachment Styles in Breaking No Contact"},
	}
)

// Thresholds of the rules.
const (
	repeatPerHour = 3  // this many attempts within the hour is a loop
	nightStart    = 22 // 22:00 ...
	nightEnd      = 5  // ... to 05:00
)

// candidates returns the candidates for m, the most pressing rule first.
// It never returns an empty list.
func candidates(m Moment) []candidate {
	var out []candidate
	add := func(titles []string, reason string) {
		for _, t := range titles {
			out = append(out, candidate{t, reason})
		}
	}
	switch m.Trigger {
	case Tamper:
		add(earlyEndTitles, "The hosts file was edited during your block. If that was you, this passage is for the moment you are in.")
	case UnlockRequested:
		add(earlyEndTitles, "You asked to end your block early. Read this slowly while the cool-down runs.")
	case EndingEarly:
		add(pauseTitles, "You are thinking about ending your block early. Give this a moment before you choose.")
	case EndConfirm:
		add(pauseTitles, "Your cool-down is over and the choice is yours. Read this once more before you decide.")
	case SessionStarted:
		add(startTitles, "You just started a block: here is why keeping distance helps.")
	default:
		if m.AttemptsHour >= repeatPerHour {
			add(repeatTitles, fmt.Sprintf("This is your %s attempt in the last hour: the pull comes back in loops.", Ordinal(m.AttemptsHour)))
		}
		if h := m.Time.Hour(); !m.Time.IsZero() && (h >= nightStart || h < nightEnd) {
			add(nightTitles, "It is late at night, when loneliness pulls hardest.")
		}
		cat := CategoryOf(m.Host)
		add(categoryTitles[cat], categoryReason(cat, m.Host))
	}
	return out
}

func categoryReason(c Category, host string) string {
	if host == "" {
		host = "a blocked site"
	}
	switch c {
	case Feed:
		return fmt.Sprintf("%s is a feed, where their life keeps showing up in yours.", host)
	case Messaging:
		return fmt.Sprintf("%s is where a message to them would begin.", host)
	case Photos:
		return fmt.Sprintf("%s is full of photos, and photos bring the good days back.", host)
	case Professional:
		return fmt.Sprintf("%s keeps them in your network and your shared circles.", host)
	}
	return fmt.Sprintf("You tried to open %s.", host)
}
