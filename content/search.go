package content

import (
	"strings"
	"unicode"

	"github.com/kljensen/snowball/english"
)

// Match is one hit of a search: the section or term, and the sentence that
// holds every word of the query (the title, when the title does).
type Match struct {
	Section  *Section
	Sentence string
	InTitle  bool
}

// Query limits: longer queries are not searches anyone types.
const (
	maxQueryLen   = 200
	maxQueryWords = 12
)

// Search finds the sections and terms where every word of query appears,
// case-insensitively, as the start of a word or as another form of the
// same word ("lonely" finds "loneliness", by the Snowball English
// stemmer), or as one of the words people use for it ("stories" finds
// "social media", synonyms.go): in the title, or in one sentence of the
// text. It returns at most one match per sentence and nothing for an
// empty or absurd query.
func (a *Article) Search(query string) []Match {
	words := queryWords(query)
	if len(words) == 0 {
		return nil
	}
	var out []Match
	for _, s := range a.All() {
		if containsAll(s.Title, words) {
			out = append(out, Match{Section: s, Sentence: s.Title, InTitle: true})
		}
		for _, p := range s.Paragraphs {
			for _, sent := range Sentences(p) {
				if containsAll(sent, words) {
					out = append(out, Match{Section: s, Sentence: sent})
				}
			}
		}
	}
	return out
}

// queryWords splits query into lower-case words of letters and digits.
func queryWords(query string) []string {
	if len(query) > maxQueryLen {
		return nil
	}
	words := wordsOf(query)
	if len(words) > maxQueryWords {
		return nil
	}
	return words
}

// containsAll reports whether every word starts a word of text, is a
// form of one, or has a synonym in text (our table, synonyms.go).
func containsAll(text string, words []string) bool {
	tw := wordsOf(text)
	lower := strings.ToLower(text)
	for _, w := range words {
		if !hasWord(tw, w) && !hasSynonym(lower, tw, w) {
			return false
		}
	}
	return true
}

// hasWord reports whether w starts one of words or is a form of one.
func hasWord(words []string, w string) bool {
	for _, t := range words {
		if strings.HasPrefix(t, w) || sameWord(t, w) {
			return true
		}
	}
	return false
}

// wordsOf splits s into lower-case runs of letters and digits.
func wordsOf(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// minStem is the shortest stem that may stand for a family of words: a
// shorter one ("a", "is") would match too much.
const minStem = 4

// sameWord reports whether a and b are forms of one word: their stems are
// equal, or one is the start of the other (the stemmer leaves "lonely" as
// "lone" and "loneliness" as "loneli").
func sameWord(a, b string) bool {
	sa, sb := english.Stem(a, false), english.Stem(b, false)
	if len(sa) > len(sb) {
		sa, sb = sb, sa
	}
	return len([]rune(sa)) >= minStem && strings.HasPrefix(sb, sa)
}
