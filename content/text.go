package content

import (
	"strings"
	"unicode/utf8"
)

// Text renders the whole article as plain text wrapped to width columns,
// paragraphs separated by blank lines.
func (a *Article) Text(width int) string {
	var b strings.Builder
	writeHeading(&b, a.Title, '=', width)
	b.WriteString("Last updated " + a.UpdatedText + "\n\n")
	for _, p := range a.Intro {
		b.WriteString(Wrap(p, width) + "\n\n")
	}
	for _, s := range a.Sections {
		b.WriteString(s.Text(width))
	}
	writeHeading(&b, termsHeading, '=', width)
	for _, s := range a.Terms {
		b.WriteString(s.Text(width))
	}
	b.WriteString(Wrap(disclaimerLabel+" "+a.Disclaimer, width) + "\n")
	return b.String()
}

// Text renders one section or term, its title underlined.
func (s *Section) Text(width int) string {
	var b strings.Builder
	writeHeading(&b, s.Title, '-', width)
	for _, p := range s.Paragraphs {
		b.WriteString(Wrap(p, width) + "\n\n")
	}
	return b.String()
}

// writeHeading writes title wrapped to width, underlined as wide as its
// widest line.
func writeHeading(b *strings.Builder, title string, rule byte, width int) {
	wrapped := Wrap(title, width)
	n := 0
	for _, line := range strings.Split(wrapped, "\n") {
		n = max(n, utf8.RuneCountInString(line))
	}
	b.WriteString(wrapped + "\n" + strings.Repeat(string(rule), n) + "\n\n")
}

// Wrap breaks text into lines of at most width columns at spaces. A word
// longer than width gets a line of its own. A width under 20 is taken as 20.
func Wrap(text string, width int) string {
	width = max(width, 20)
	var b strings.Builder
	col := 0
	for _, w := range strings.Fields(text) {
		n := utf8.RuneCountInString(w)
		switch {
		case col == 0:
		case col+1+n > width:
			b.WriteByte('\n')
			col = 0
		default:
			b.WriteByte(' ')
			col++
		}
		b.WriteString(w)
		col += n
	}
	return b.String()
}
