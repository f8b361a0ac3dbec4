package content

import "time"

// The rule table: which sections and terms answer which moment. Titles are
// the article's own; a test checks each exists and that every section and
// term is offered by some moment.
var (
	earlyEndTitles   = []string{"Cognitive Dissonance: Justifying the Contact", "Post-Breakup Cognitive Dissonance"}
	pauseTitles      = []string{"Strategies for Maintaining Boundaries Post-Breakup", "Cognitive Dissonance: Justifying the Contact", "Post-Breakup Cognitive Dissonance"}
	startTitles      = []string{"The Psychology Behind No Contact: Why It’s Recommended", "Strategies for Maintaining Boundaries Post-Breakup"}
	scheduleTitles   = []string{"Strategies for Maintaining Boundaries Post-Breakup", "The Psychology Behind No Contact: Why It’s Recommended"}
	repeatTitles     = []string{"Emotional Uncertainty Loop", "Attachment Rebound Spiral", "Reward Expectancy Resurgence"}
	nightTitles      = []string{"Fear of Loneliness and Its Impact on Behavior", "Loneliness Avoidance Impulse"}
	afterQuietTitles = []string{"Attachment Rebound Spiral", "The Psychology Behind No Contact: Why It’s Recommended", "Strategies for Maintaining Boundaries Post-Breakup"}
	closureTitles    = []string{"Seeking Closure: Is It Ever Truly Achievable?", "Longing-for-Closure Bias"}
	attachmentTitles = []string{"The Role of Attachment Styles in Breaking No Contact", "Attachment Rebound Spiral", "Emotional Attachments: The Pull to Reconnect"}
	dissonanceTitles = []string{"Cognitive Dissonance: Justifying the Contact", "Post-Breakup Cognitive Dissonance"}
	placeTitles      = map[place][]string{
		feedPlace:         {"Social Media Relapse", "Nostalgia-driven Contact", "Digital Liminality"},
		postsPlace:        {"Phantom Communication Syndrome", "Digital Liminality", "Social Media Relapse"},
		videoPlace:        {"Reward Expectancy Resurgence", "Digital Liminality", "Social Media Relapse"},
		photosPlace:       {"Nostalgia-driven Contact", "Digital Liminality"},
		messagingPlace:    {"Seeking Closure: Is It Ever Truly Achievable?", "Longing-for-Closure Bias", "Guilt and Responsibility: Moral Reasons for Reaching Out", "Altruistic Motivations: Wanting to Help an Ex-Partner", "Phantom Communication Syndrome"},
		professionalPlace: {"The Influence of Social Support and Peer Pressure", "Cognitive Dissonance: Justifying the Contact"},
		blogPlace:         {"Phantom Communication Syndrome", "Emotional Uncertainty Loop"},
		moneyPlace:        {"Cognitive Dissonance: Justifying the Contact", "Emotional Uncertainty Loop"},
		otherPlace:        {"Emotional Attachments: The Pull to Reconnect", "The Role of Attachment Styles in Breaking No Contact"},
	}
	// motiveTitles answer the motives a person gives in their journal
	// (app/vault's Motives, by ID; app/ui's journal test checks every one but
	// "other" is here).
	motiveTitles = map[string][]string{
		"altruism":             {"Altruistic Motivations: Wanting to Help an Ex-Partner"},
		"guilt":                {"Guilt and Responsibility: Moral Reasons for Reaching Out"},
		"loneliness":           nightTitles,
		"closure":              closureTitles,
		"nostalgia":            {"Nostalgia-driven Contact", "Emotional Attachments: The Pull to Reconnect"},
		"attachment":           attachmentTitles,
		"peer_pressure":        {"The Influence of Social Support and Peer Pressure"},
		"cognitive_dissonance": dissonanceTitles,
	}
)

// Thresholds of the rules.
const (
	repeatPerHour = 3              // this many attempts within the hour is a loop
	manyPerDay    = 5              // this many in a day is a hard day
	nightStart    = 22             // 22:00 ...
	nightEnd      = 5              // ... to 05:00
	longQuiet     = 48 * time.Hour // a first attempt after this long without one
	motivesUsed   = 2              // the person's weightiest motives that count
)

// situation is why a tier of candidates is offered; our line says it.
type situation string

const (
	sitTamper, sitUnlock, sitEnding, sitConfirm situation = "tamper", "unlock", "ending", "confirm"
	sitStart, sitScheduleStart                  situation = "start", "schedule-start"
	sitManyHour, sitManyDay, sitLate            situation = "many-hour", "many-day", "late"
	sitQuiet, sitScheduled, sitMotive           situation = "quiet", "scheduled", "motive"
	sitPlace, sitSection                        situation = "place", "section"
)

// tier is a situation and the sections and terms it offers.
type tier struct {
	sit    situation
	titles []string
	motive string // for sitMotive
}

// tiers returns what m offers, the most pressing first, ending with every
// section and term (so that a day of many attempts still finds a passage
// it has not shown).
func tiers(m Moment, all []string) []tier {
	var out []tier
	add := func(s situation, titles []string) { out = append(out, tier{sit: s, titles: titles}) }
	switch m.Trigger {
	case Tamper:
		add(sitTamper, earlyEndTitles)
	case UnlockRequested:
		add(sitUnlock, earlyEndTitles)
	case EndingEarly:
		add(sitEnding, pauseTitles)
	case EndConfirm:
		add(sitConfirm, pauseTitles)
	case SessionStarted:
		if m.Scheduled {
			add(sitScheduleStart, scheduleTitles)
		}
		add(sitStart, startTitles)
	default:
		out = visitTiers(m)
	}
	return append(out, tier{sit: sitSection, titles: all})
}

func visitTiers(m Moment) []tier {
	var out []tier
	add := func(s situation, titles []string) { out = append(out, tier{sit: s, titles: titles}) }
	switch {
	case m.AttemptsHour >= repeatPerHour:
		add(sitManyHour, repeatTitles)
	case m.AttemptsToday >= manyPerDay:
		add(sitManyDay, repeatTitles)
	}
	if h := m.Time.Hour(); !m.Time.IsZero() && (h >= nightStart || h < nightEnd) {
		add(sitLate, nightTitles)
	}
	if m.AttemptsToday <= 1 && m.Quiet >= longQuiet {
		add(sitQuiet, afterQuietTitles)
	}
	if m.Scheduled {
		add(sitScheduled, scheduleTitles)
	}
	used := 0
	for _, id := range m.Motives {
		if titles, ok := motiveTitles[id]; ok && used < motivesUsed {
			out = append(out, tier{sit: sitMotive, titles: titles, motive: id})
			used++
		}
	}
	k, _ := placeOf(m.Host)
	add(sitPlace, placeTitles[k])
	return out
}
