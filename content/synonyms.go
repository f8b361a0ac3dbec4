package content

import "strings"

// synonyms is our own small table beside the stemmer: the words people
// type when they search ("stories", "text her", "miss", "unblock"), and
// the article's words for the same things. A query word matches a
// sentence that holds it or one of these; a phrase of several words
// matches as written. A test checks every one of them is in the article.
var synonyms = map[string][]string{}

var synonymGroups = []struct {
	said    []string // what people type
	article []string // what the article says
}{
	{[]string{"stories", "story", "reel", "reels", "post", "posts", "feed", "scroll", "scrolling", "instagram", "tiktok", "facebook", "snapchat", "twitter", "insta"},
		[]string{"social media", "updates", "online", "digital"}},
	{[]string{"profile", "page", "account"}, []string{"online presence", "updates", "social media"}},
	{[]string{"check", "checking", "look", "looking", "watch", "watching", "lurk", "lurking", "stalk", "stalking", "peek", "see"},
		[]string{"checking", "exposure", "online presence", "social media"}},
	{[]string{"text", "texting", "message", "messaging", "dm", "call", "calling", "write", "email", "reply", "talk"},
		[]string{"reach out", "reaching out", "communication", "messages", "interaction"}},
	{[]string{"her", "him", "ex", "boyfriend", "girlfriend", "husband", "wife", "bf", "gf"}, []string{"ex-partner", "former partner"}},
	{[]string{"miss", "missing"}, []string{"longing", "nostalgia", "memories", "cravings", "attachment"}},
	{[]string{"lonely", "alone"}, []string{"loneliness", "isolation"}},
	{[]string{"unblock", "unblocking", "block", "blocking"}, []string{"boundaries", "distance", "limit interaction", "digital tools"}},
	{[]string{"why", "answer", "answers", "understand"}, []string{"closure", "unanswered questions", "clarity"}},
	{[]string{"sorry", "apologize", "apology", "fault", "guilty"}, []string{"guilt", "responsibility", "harm"}},
	{[]string{"help", "worried", "worry", "care", "okay"}, []string{"altruistic", "support", "well-being", "kindness"}},
	{[]string{"friends", "family"}, []string{"friends", "social circles", "peer pressure", "social support"}},
	{[]string{"memories", "photos", "pictures", "songs", "remember"}, []string{"memories", "nostalgia", "shared experiences", "past"}},
	{[]string{"sad", "hurt", "hurting", "cry", "crying", "heartbroken", "heartbreak"}, []string{"pain", "healing", "vulnerability"}},
	{[]string{"sign", "signs"}, []string{"misinterpret", "messages", "false hope"}},
	{[]string{"together", "reunite", "reconcile", "back"}, []string{"reconciliation", "rekindle", "reconnect", "hope"}},
	{[]string{"urge", "urges", "craving", "tempted"}, []string{"urge", "cravings", "impulse", "impulsive", "temptation"}},
	{[]string{"anxious", "anxiety", "panic"}, []string{"anxiety", "anxious", "abandonment"}},
	{[]string{"excuse", "justify"}, []string{"justify", "rationalize", "dissonance"}},
	{[]string{"move", "moving", "heal"}, []string{"move on", "healing", "recovery"}},
}

func init() {
	for _, g := range synonymGroups {
		for _, w := range g.said {
			synonyms[w] = append(synonyms[w], g.article...)
		}
	}
}

// synonymsOf returns the article's words for w, a query word.
func synonymsOf(w string) []string {
	if s, ok := synonyms[w]; ok {
		return s
	}
	for _, g := range synonymGroups { // in order: the first family wins
		for _, k := range g.said {
			if len(k) >= minStem && sameWord(k, w) {
				return synonyms[k]
			}
		}
	}
	return nil
}

// hasSynonym reports whether text (lower case, split into tw) holds one
// of w's synonyms: a phrase as written, a word as the search finds words.
func hasSynonym(text string, tw []string, w string) bool {
	for _, s := range synonymsOf(w) {
		if strings.ContainsAny(s, " -") {
			if strings.Contains(text, s) {
				return true
			}
		} else if hasWord(tw, s) {
			return true
		}
	}
	return false
}
