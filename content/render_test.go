package content

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./content -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file:\n got:\n%s\nwant:\n%s", name, got, want)
	}
}

func TestRenderGolden(t *testing.T) {
	s := MustLoad().Find("Seeking Closure: Is It Ever Truly Achievable?")
	html, err := s.HTML()
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "seeking-closure.md", s.Markdown())
	golden(t, "seeking-closure.html", string(html))
	golden(t, "seeking-closure.txt", s.Text(60))
}

func TestMarkdownHasNoMarkupFromText(t *testing.T) {
	if got := escapeMarkdown("a *b* _c_ [d](e) <f> #g |h| - i"); got != `a \*b\* \_c\_ \[d\](e) \<f\> \#g \|h\| - i` {
		t.Errorf("escapeMarkdown = %q", got)
	}
	if got := escapeMarkdown("- item"); got != `\- item` {
		t.Errorf("escapeMarkdown of a list item = %q", got)
	}
	md := MustLoad().Markdown()
	if strings.Contains(md, "<") || strings.Contains(md, "|") {
		t.Error("Markdown holds HTML or a table")
	}
	if n := strings.Count(md, "\n## "); n != 11 { // ten sections and "Important Terms"
		t.Errorf("%d level-two headings", n)
	}
}

func TestHTMLIsSelfContainedAndEscaped(t *testing.T) {
	a := &Article{Title: "<script>alert(1)</script>", UpdatedText: "x", Intro: []string{"a < b & c"},
		Sections:   []*Section{{Title: "<b>", Paragraphs: []string{`"><img src=x onerror=alert(1)>`}}},
		Disclaimer: "</main>"}
	page, err := a.HTML()
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<script>", "<img", "<b>", "a < b", "</main>\n</main>"} {
		if strings.Contains(string(page), bad) {
			t.Errorf("unescaped %q in the page", bad)
		}
	}
	real, err := MustLoad().HTML()
	if err != nil {
		t.Fatal(err)
	}
	text := regexp.MustCompile(`(?s)<style>.*?</style>`).ReplaceAllString(string(real), "")
	if m := regexp.MustCompile(`(?i)(https?:|//[a-z]|src=|<script|<link|@import|url\()`).FindString(string(real)); m != "" {
		t.Errorf("the page refers to something external: %q", m)
	}
	if !strings.Contains(string(real), `name="viewport"`) || !strings.Contains(string(real), "max-width") {
		t.Error("the page is not laid out for phones and desktops")
	}
	// Every '<' outside the style is a tag this package wrote.
	for _, m := range regexp.MustCompile(`<[^a-z/!]`).FindAllString(text, -1) {
		t.Errorf("unescaped '<' from the text: %q", m)
	}
}

func TestWrap(t *testing.T) {
	got := Wrap("one two three four five six seven eight nine ten eleven", 20)
	for _, line := range strings.Split(got, "\n") {
		if len(line) > 20 {
			t.Errorf("line %q longer than 20", line)
		}
	}
	if strings.Join(strings.Fields(got), " ") != "one two three four five six seven eight nine ten eleven" {
		t.Errorf("Wrap lost words: %q", got)
	}
	if got := Wrap(strings.Repeat("x", 30)+" y", 20); got != strings.Repeat("x", 30)+"\ny" {
		t.Errorf("long word: %q", got)
	}
	for _, line := range strings.Split(MustLoad().Text(72), "\n") {
		if len([]rune(line)) > 72 {
			t.Errorf("Text(72) line of %d columns: %q", len([]rune(line)), line)
		}
	}
}

func TestMarkdownMarked(t *testing.T) {
	a := MustLoad()
	s := a.Find("Fear of Loneliness and Its Impact on Behavior")
	sents := Sentences(s.Paragraphs[0])
	passage := sents[1] + " " + sents[2]
	md := s.MarkdownMarked(passage)
	if !strings.Contains(md, "**"+escapeMarkdown(passage)+"**") || !strings.HasPrefix(md, "## Fear of Loneliness") || strings.Count(md, "**") != 2 {
		t.Errorf("MarkdownMarked = %s", md)
	}
	if s.MarkdownMarked("") != s.Markdown() || s.IsWhole(passage) || !s.IsWhole(s.Body()) {
		t.Error("without a passage, or whole")
	}
	last := a.Terms[len(a.Terms)-1]
	if a.Next(a.Sections[0]) != a.Sections[1] || a.Next(a.Sections[len(a.Sections)-1]) != a.Terms[0] || a.Next(last) != a.Sections[0] {
		t.Error("Next")
	}
}
