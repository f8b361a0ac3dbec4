package cli

import (
	"fmt"
	"github.com/spf13/pflag"
	"strconv"
	"strings"

	"github.com/nocontact-app/nocontact/content"
)

// Text widths: the terminal's, capped for reading; 80 when unknown.
const (
	defaultWidth = 80
	maxWidth     = 100
)

func readCommand(fs *pflag.FlagSet) runFunc {
	list := fs.Bool("list", false, "list the sections and terms")
	search := fs.String("search", "", "search for words")
	width := fs.Int("width", 0, "wrap text to this many columns")
	return func(rest []string, env Env) error {
		a, err := content.Load()
		if err != nil {
			return err
		}
		searching := false
		fs.Visit(func(f *pflag.Flag) { searching = searching || f.Name == "search" })
		w := textWidth(*width, env)
		switch {
		case *list:
			return page(env, listText(a))
		case searching:
			return page(env, searchText(a, strings.TrimSpace(*search+" "+strings.Join(rest, " ")), w))
		case len(rest) == 0:
			return page(env, a.Text(w))
		}
		s, err := findSection(a, strings.Join(rest, " "))
		if err != nil {
			return err
		}
		return page(env, s.Text(w))
	}
}

func textWidth(flagWidth int, env Env) int {
	switch {
	case flagWidth > 0:
		return flagWidth
	case env.Width > 0:
		return min(env.Width, maxWidth)
	}
	return defaultWidth
}

// number gives sections 1–10 and terms 11–20, as --list shows them.
func number(a *content.Article, s *content.Section) int {
	if s.Kind == content.KindTerm {
		return len(a.Sections) + s.Number
	}
	return s.Number
}

func listText(a *content.Article) string {
	var b strings.Builder
	b.WriteString(a.Title + "\n\nSections\n")
	for _, s := range a.All() {
		if s.Kind == content.KindTerm && s.Number == 1 {
			b.WriteString("\nImportant Terms\n")
		}
		fmt.Fprintf(&b, "%4d  %s\n", number(a, s), s.Title)
	}
	return b.String()
}

// findSection finds by number (as --list shows), by title, or by a piece
// of a title that only one section or term holds.
func findSection(a *content.Article, q string) (*content.Section, error) {
	all := a.All()
	if n, err := strconv.Atoi(q); err == nil {
		if n < 1 || n > len(all) {
			return nil, usagef("no section %d: there are %d (see nocontact read --list)", n, len(all))
		}
		return all[n-1], nil
	}
	if s := a.Find(q); s != nil {
		return s, nil
	}
	var hits []*content.Section
	for _, s := range all {
		if strings.Contains(strings.ToLower(s.Title), strings.ToLower(q)) {
			hits = append(hits, s)
		}
	}
	switch len(hits) {
	case 1:
		return hits[0], nil
	case 0:
		return nil, usagef("no section or term is called %q (see nocontact read --list)", q)
	}
	titles := make([]string, len(hits))
	for i, s := range hits {
		titles[i] = fmt.Sprintf("%d %q", number(a, s), s.Title)
	}
	return nil, usagef("%q fits %d sections: %s", q, len(hits), strings.Join(titles, ", "))
}

func searchText(a *content.Article, q string, width int) string {
	ms := a.Search(q)
	if len(ms) == 0 {
		return fmt.Sprintf("Nothing in the article holds %q.\n", q)
	}
	// One heading per section, in the order the search found them, with
	// each sentence that holds the words under it (a match in the title
	// alone shows the heading).
	var order []*content.Section
	lines := map[*content.Section][]string{}
	for _, m := range ms {
		if _, seen := lines[m.Section]; !seen {
			order = append(order, m.Section)
			lines[m.Section] = nil
		}
		if !m.InTitle {
			lines[m.Section] = append(lines[m.Section], indent(content.Wrap(m.Sentence, width-4), "    "))
		}
	}
	var b strings.Builder
	for _, sec := range order {
		fmt.Fprintf(&b, "%d. %s\n", number(a, sec), sec.Title)
		for _, l := range lines[sec] {
			b.WriteString(l + "\n")
		}
		b.WriteString("\n")
	}
	return b.String()
}

func indent(s, prefix string) string {
	return prefix + strings.ReplaceAll(s, "\n", "\n"+prefix)
}
