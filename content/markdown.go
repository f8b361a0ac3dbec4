package content

import "strings"

// Markdown renders the whole article for Fyne's RichText: headings and
// paragraphs only (Fyne's Markdown has no tables or HTML).
func (a *Article) Markdown() string {
	var b strings.Builder
	b.WriteString("# " + escapeMarkdown(a.Title) + "\n\n")
	b.WriteString("*Last updated " + escapeMarkdown(a.UpdatedText) + "*\n\n")
	for _, p := range a.Intro {
		b.WriteString(escapeMarkdown(p) + "\n\n")
	}
	for _, s := range a.Sections {
		b.WriteString(s.markdown("## "))
	}
	b.WriteString("## " + termsHeading + "\n\n")
	for _, s := range a.Terms {
		b.WriteString(s.markdown("### "))
	}
	b.WriteString("---\n\n*" + disclaimerLabel + "* " + escapeMarkdown(a.Disclaimer) + "\n")
	return b.String()
}

// Markdown renders one section or term with a level-two heading.
func (s *Section) Markdown() string { return s.markdown("## ") }

func (s *Section) markdown(level string) string {
	var b strings.Builder
	b.WriteString(level + escapeMarkdown(s.Title) + "\n\n")
	for _, p := range s.Paragraphs {
		b.WriteString(escapeMarkdown(p) + "\n\n")
	}
	return b.String()
}

// markdownEscaper backslash-escapes what Markdown would otherwise read as
// markup, so the text shows exactly as written.
var markdownEscaper = strings.NewReplacer(
	`\`, `\\`, "`", "\\`", "*", `\*`, "_", `\_`, "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "#", `\#`, "|", `\|`, "~", `\~`,
)

func escapeMarkdown(s string) string {
	s = markdownEscaper.Replace(s)
	// A line that starts like a list item or a numbered list would become one.
	if len(s) > 0 && strings.ContainsRune("-+=", rune(s[0])) {
		s = `\` + s
	}
	return s
}

// MarkdownMarked renders s with passage, a passage of it just read
// elsewhere, in bold: the reader sees where it stands in the section
// instead of meeting it as new. Without passage it is Markdown.
func (s *Section) MarkdownMarked(passage string) string {
	var b strings.Builder
	b.WriteString("## " + escapeMarkdown(s.Title) + "\n\n")
	for _, p := range s.Paragraphs {
		before, after, ok := strings.Cut(p, passage)
		if !ok || passage == "" {
			b.WriteString(escapeMarkdown(p) + "\n\n")
			continue
		}
		b.WriteString(escapeMarkdown(before) + "**" + escapeMarkdown(passage) + "**" + markdownEscaper.Replace(after) + "\n\n")
	}
	return b.String()
}
