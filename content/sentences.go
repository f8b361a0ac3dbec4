package content

import (
	"unicode"
	"unicode/utf8"
)

// Sentences splits a paragraph into sentences, each a substring of p. A
// sentence ends at '.', '?' or '!' followed by a space and an upper-case
// letter or a quotation mark.
func Sentences(p string) []string {
	var out []string
	start := 0
	for i := 0; i < len(p); i++ {
		if c := p[i]; c != '.' && c != '?' && c != '!' {
			continue
		}
		if i+2 >= len(p) || p[i+1] != ' ' {
			continue
		}
		r, _ := utf8.DecodeRuneInString(p[i+2:])
		if unicode.IsUpper(r) || r == '"' || r == '“' {
			out = append(out, p[start:i+1])
			start = i + 2
		}
	}
	if start < len(p) {
		out = append(out, p[start:])
	}
	return out
}
