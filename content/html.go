package content

import (
	"bytes"
	_ "embed"
	"html/template"
)

//go:embed article.html.tmpl
var pageSource string

// pageTemplate renders the article as one self-contained page: inline
// style, no scripts, no external resources; html/template escapes the text.
var pageTemplate = template.Must(template.New("article").Parse(pageSource))

// HTML renders the whole article as a self-contained HTML page that reads
// well on a phone and on a desktop, in light and dark mode.
func (a *Article) HTML() ([]byte, error) {
	var b bytes.Buffer
	if err := pageTemplate.ExecuteTemplate(&b, "page", a); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// HTML renders one section or term as an HTML fragment.
func (s *Section) HTML() ([]byte, error) {
	var b bytes.Buffer
	if err := pageTemplate.ExecuteTemplate(&b, "section", s); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Style returns the page's CSS, for other self-contained pages (the
// sinkhole's) that show passages of the article.
func Style() template.CSS {
	var b bytes.Buffer
	if err := pageTemplate.ExecuteTemplate(&b, "style", nil); err != nil {
		panic(err) // the embedded template is checked by the tests: only a broken build gets here
	}
	return template.CSS(b.String())
}
