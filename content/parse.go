package content

import (
	"fmt"
	"strings"
	"time"
)

// furniture is page text that carries no content.
var furniture = map[string]bool{"About the author.": true, "Comments": true, "No comment yet": true}

const (
	updatedPrefix   = "Last Updated "
	termsHeading    = "Important Terms"
	disclaimerLabel = "Disclaimer."
	maxHeadingLen   = 100
)

// parser walks the blocks of the article in order.
type parser struct {
	a       *Article
	n       int      // blocks seen
	inTerms bool     // past "Important Terms"
	cur     *Section // the section or term collecting paragraphs
}

func (p *parser) block(b string) error {
	p.n++
	switch {
	case p.n == 1:
		p.a.Title = b
	case p.n == 2:
		return p.updated(b)
	case furniture[b]:
	case strings.HasPrefix(b, disclaimerLabel+"\n"):
		p.a.Disclaimer = strings.TrimSpace(strings.TrimPrefix(b, disclaimerLabel))
	case b == termsHeading:
		p.inTerms = true
		p.cur = nil
	case isHeading(b):
		return p.heading(b)
	case p.cur != nil:
		p.cur.Paragraphs = append(p.cur.Paragraphs, b)
	case len(p.a.Sections) == 0 && !p.inTerms:
		p.a.Intro = append(p.a.Intro, b)
	default:
		return fmt.Errorf("content: paragraph without a heading: %.40q", b)
	}
	return nil
}

func (p *parser) updated(b string) error {
	date, ok := strings.CutPrefix(b, updatedPrefix)
	if !ok {
		return fmt.Errorf("content: second block %.40q is not %q + date", b, updatedPrefix)
	}
	t, err := time.Parse("Jan 2, 2006", date)
	if err != nil {
		return fmt.Errorf("content: last-updated date: %w", err)
	}
	p.a.Updated, p.a.UpdatedText = t, date
	return nil
}

func (p *parser) heading(title string) error {
	if p.cur != nil && len(p.cur.Paragraphs) == 0 {
		return fmt.Errorf("content: %q has no text", p.cur.Title)
	}
	list := &p.a.Sections
	kind := KindSection
	if p.inTerms {
		list, kind = &p.a.Terms, KindTerm
	}
	p.cur = &Section{Kind: kind, Number: len(*list) + 1, Title: title}
	*list = append(*list, p.cur)
	return nil
}

// isHeading reports whether a block is a heading: one short line that does
// not end a sentence with a full stop.
func isHeading(b string) bool {
	return !strings.Contains(b, "\n") && len(b) <= maxHeadingLen && !strings.HasSuffix(b, ".")
}

func (p *parser) finish() (*Article, error) {
	a := p.a
	var problems []string
	if len(a.Intro) == 0 {
		problems = append(problems, "no introduction")
	}
	if len(a.Sections) != wantSections {
		problems = append(problems, fmt.Sprintf("%d sections, want %d", len(a.Sections), wantSections))
	}
	if len(a.Terms) != wantTerms {
		problems = append(problems, fmt.Sprintf("%d terms, want %d", len(a.Terms), wantTerms))
	}
	if a.Disclaimer == "" {
		problems = append(problems, "no disclaimer")
	}
	for _, s := range a.All() {
		if len(s.Paragraphs) == 0 {
			problems = append(problems, fmt.Sprintf("%q has no text", s.Title))
		}
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("content: the article does not have the expected shape: %s", strings.Join(problems, "; "))
	}
	return a, nil
}
