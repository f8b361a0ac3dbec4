package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/nocontact-app/nocontact/app/vault"
	"github.com/nocontact-app/nocontact/content"
)

// Reader shows the article offline: sections and terms on the left, the
// text on the right, and search.
type Reader struct {
	d Deps

	Search   *Entry
	Sections *widget.List
	Text     *widget.RichText
	Size     *widget.Slider // text size, 0.8x to 1.8x
	content  fyne.CanvasObject
	override *container.ThemeOverride

	article *content.Article
	shown   []*content.Section // what the list shows (all, or search hits)
}

func newReader(d Deps) *Reader {
	r := &Reader{d: d, article: content.MustLoad(), Search: newEntry(false), Text: widget.NewRichTextFromMarkdown("")}
	r.shown = r.article.All()
	r.Text.Wrapping = fyne.TextWrapWord
	r.Search.SetPlaceHolder("Search the article")
	r.Search.OnChanged = r.onSearch
	r.Sections = widget.NewList(
		func() int { return len(r.shown) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(r.shown[i].Title) },
	)
	r.Sections.OnSelected = func(i widget.ListItemID) { r.Show(r.shown[i]) }
	r.override = container.NewThemeOverride(container.NewPadded(r.Text), NewTheme())
	r.Size = widget.NewSlider(0.8, 1.8)
	r.Size.Step, r.Size.Value = 0.1, 1
	r.Size.OnChanged = r.setScale
	r.Size.OnChangeEnded = func(v float64) {
		r.d.Async(func() { r.d.Vault.Update(func(d *vault.Data) error { d.Settings.TextScale = v; return nil }) })
	}
	sizeRow := container.NewBorder(nil, nil, widget.NewLabel("Text size"), nil, r.Size)
	left := container.NewBorder(r.Search, sizeRow, nil, nil, r.Sections)
	split := container.NewHSplit(left, container.NewVScroll(r.override))
	split.Offset = 0.32
	r.content = split
	return r
}

// Load shows the whole article if nothing is shown yet. It is called when
// the tab is first opened: laying out the whole text costs start-up time.
func (r *Reader) Load() {
	if len(r.Text.Segments) == 0 {
		r.Text.ParseMarkdown(r.article.Markdown())
	}
}

// setScale sizes the article's text.
func (r *Reader) setScale(v float64) {
	r.override.Theme = Theme{Theme: theme.DefaultTheme(), scale: float32(v)}
	r.override.Refresh()
}

// Show displays one section or term and remembers it.
func (r *Reader) Show(s *content.Section) {
	r.Text.ParseMarkdown(s.Markdown())
	title := s.Title
	r.d.Async(func() {
		r.d.Vault.Update(func(d *vault.Data) error { d.Settings.ReadSection = title; return nil })
	})
}

// ShowTitle opens the section or term called title, if there is one.
func (r *Reader) ShowTitle(title string) {
	if s := r.article.Find(title); s != nil {
		r.Show(s)
	}
}

func (r *Reader) onSearch(q string) {
	if q == "" {
		r.shown = r.article.All()
		r.Sections.Refresh()
		return
	}
	r.shown = nil
	seen := map[*content.Section]bool{}
	for _, m := range r.article.Search(q) {
		if !seen[m.Section] {
			seen[m.Section] = true
			r.shown = append(r.shown, m.Section)
		}
	}
	r.Sections.UnselectAll()
	r.Sections.Refresh()
}
