package content

import (
	_ "embed"
	"fmt"
	"strings"
	"sync"
	"time"
)

//go:embed article.txt
var articleText string

// Text returns the article exactly as shipped.
func Text() string { return articleText }

// Kind tells a section of the article from a term of its glossary.
type Kind int

const (
	KindSection Kind = iota // one of the ten sections before "Important Terms"
	KindTerm                // one of the ten "Important Terms"
)

func (k Kind) String() string {
	if k == KindTerm {
		return "term"
	}
	return "section"
}

// Section is a section or a term: a heading and its paragraphs.
type Section struct {
	Kind       Kind
	Number     int // 1-based, within its kind
	Title      string
	Paragraphs []string
}

// Body returns the paragraphs separated by blank lines.
func (s *Section) Body() string { return strings.Join(s.Paragraphs, "\n\n") }

// Article is the parsed article.
type Article struct {
	Title       string
	Updated     time.Time
	UpdatedText string   // "Feb 28, 2025", as printed
	Intro       []string // paragraphs before the first section
	Sections    []*Section
	Terms       []*Section
	Disclaimer  string

	passOnce sync.Once
	pass     map[*Section][]passage // what may be quoted of each section
}

// All returns the sections followed by the terms.
func (a *Article) All() []*Section {
	return append(append([]*Section(nil), a.Sections...), a.Terms...)
}

// Find returns the section or term whose title is title (case-insensitive),
// or nil.
func (a *Article) Find(title string) *Section {
	for _, s := range a.All() {
		if strings.EqualFold(s.Title, strings.TrimSpace(title)) {
			return s
		}
	}
	return nil
}

var (
	loadOnce sync.Once
	loaded   *Article
	loadErr  error
)

// Load returns the embedded article, parsed once.
func Load() (*Article, error) {
	loadOnce.Do(func() { loaded, loadErr = Parse(articleText) })
	return loaded, loadErr
}

// MustLoad is Load for callers that cannot go on without the article; the
// tests guarantee the embedded text parses.
func MustLoad() *Article {
	a, err := Load()
	if err != nil {
		panic(err)
	}
	return a
}

// Expected shape of the article. Parse fails rather than return less.
const (
	wantSections = 10
	wantTerms    = 10
)

// Parse parses text in the shape of the shipped article. It fails with an
// error saying what it found when the shape differs, instead of silently
// returning fewer sections.
func Parse(text string) (*Article, error) {
	if strings.Contains(text, "\r") {
		return nil, fmt.Errorf("content: article has CR line endings")
	}
	p := &parser{a: &Article{}}
	for _, b := range blocks(text) {
		if err := p.block(b); err != nil {
			return nil, err
		}
	}
	return p.finish()
}

// blocks splits text at blank lines, trimming each block.
func blocks(text string) []string {
	var out []string
	for _, b := range strings.Split(text, "\n\n") {
		if b = strings.TrimSpace(b); b != "" {
			out = append(out, b)
		}
	}
	return out
}

// Next returns the section or term after s in the article, the first
// section after the last term.
func (a *Article) Next(s *Section) *Section {
	all := a.All()
	for i, x := range all {
		if x == s {
			return all[(i+1)%len(all)]
		}
	}
	return all[0]
}

// IsWhole reports whether passage is the whole of s: read, there is
// nothing more of s to show.
func (s *Section) IsWhole(passage string) bool { return s.Body() == passage }
