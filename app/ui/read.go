package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"image/color"

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
	NoMatch  *widget.Label  // shown instead of an empty list
	content  fyne.CanvasObject
	scroll   *container.Scroll
	override *container.ThemeOverride

	article *content.Article
	shown   []*content.Section // what the list shows (all, or search hits)
	sel     int                // the item the list marks, -1 for none
}

func newReader(d Deps) *Reader {
	r := &Reader{d: d, article: content.MustLoad(), Search: newEntry(false), Text: widget.NewRichTextFromMarkdown("")}
	r.shown = r.article.All()
	r.Text.Wrapping = fyne.TextWrapWord
	r.Search.SetPlaceHolder("Search the article")
	r.Search.OnChanged = r.onSearch
	r.Sections = widget.NewList(
		func() int { return len(r.shown) },
		newTitleItem,
		func(i widget.ListItemID, o fyne.CanvasObject) { titleLabel(o).SetText(r.shown[i].Title) },
	)
	r.sel = -1
	r.Sections.OnSelected = func(i widget.ListItemID) { r.sel = i; r.Show(r.shown[i]) }
	r.Sections.OnUnselected = func(widget.ListItemID) { r.sel = -1 }
	r.override = container.NewThemeOverride(container.NewPadded(r.Text), NewTheme())
	r.Size = widget.NewSlider(0.8, 1.8)
	r.Size.Step, r.Size.Value = 0.1, 1
	r.Size.OnChanged = r.setScale
	r.Size.OnChangeEnded = func(v float64) {
		r.d.Async(func() { _ = r.d.Vault.Update(func(d *vault.Data) error { d.Settings.TextScale = v; return nil }) }) // a preference: lost, not harmful
	}
	sizeRow := container.NewBorder(nil, nil, widget.NewLabel("Text size"), nil, r.Size)
	r.NoMatch = widget.NewLabel("No matches. Try another word, or fewer words.")
	r.NoMatch.Wrapping, r.NoMatch.Importance = fyne.TextWrapWord, widget.LowImportance
	r.NoMatch.Hide()
	titles := container.New(&titlesLayout{r: r}, r.Sections, container.NewVBox(r.NoMatch))
	left := container.NewBorder(r.Search, sizeRow, nil, nil, titles)
	r.scroll = container.NewVScroll(r.override)
	// The article keeps a readable measure however narrow the window: the
	// window's minimum grows with it rather than breaking words.
	measure := canvas.NewRectangle(color.Transparent)
	measure.SetMinSize(fyne.NewSize(320, 0))
	split := container.NewHSplit(left, container.NewStack(measure, r.scroll))
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

// titleWidth is the narrowest Read's list of titles gets.
const titleWidth = 190

// newTitleItem is one title in Read's list, wrapped: a title is read,
// not guessed, at the window's smallest. Each item is as tall as its
// title needs (fitTitles).
func newTitleItem() fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	return l
}

// titleLabel is the label of a newTitleItem.
func titleLabel(o fyne.CanvasObject) *widget.Label { return o.(*widget.Label) }

// fitTitles sets each shown title's item height for the list's width
// (at its first layout, a change of width, and a search).
func (r *Reader) fitTitles(width float32) {
	if width <= 0 {
		return
	}
	measure := titleLabel(newTitleItem())
	for i, s := range r.shown {
		measure.SetText(s.Title)
		measure.Resize(fyne.NewSize(width, 1000))
		r.Sections.SetItemHeight(i, measure.MinSize().Height)
	}
}

// titlesLayout stacks Read's list and what stands in for it, and fits the
// titles to the width whenever it changes.
type titlesLayout struct {
	r     *Reader
	width float32
}

func (t *titlesLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if size.Width != t.width {
		t.width = size.Width
		t.r.fitTitles(size.Width)
	}
	layout.NewStackLayout().Layout(objs, size)
}

func (t *titlesLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return layout.NewStackLayout().MinSize(objs).Max(fyne.NewSize(titleWidth, 0))
}

// setScale sizes the article's text.
func (r *Reader) setScale(v float64) {
	r.override.Theme = Theme{Theme: theme.DefaultTheme(), scale: float32(v)}
	r.override.Refresh()
}

// selected is the item the list marks, -1 for none.
func (r *Reader) selected() int { return r.sel }

// Show displays one section or term and remembers it.
func (r *Reader) Show(s *content.Section) { r.show(s, s.Markdown()) }

func (r *Reader) show(s *content.Section, markdown string) {
	r.Text.ParseMarkdown(markdown)
	// Lay the text out again at the width it has now: parsed while the
	// screen was hidden (opened from the pop-up), it kept a stale width and
	// ran past the right edge until the window was resized.
	r.scroll.ScrollToTop()
	r.scroll.Refresh()
	title := s.Title
	r.d.Async(func() {
		_ = r.d.Vault.Update(func(d *vault.Data) error { d.Settings.ReadSection = title; return nil }) // where reading resumes: a preference
	})
}

// ShowTitle opens the section or term called title, if there is one, and
// selects it in the list (the whole list: a search in the way is cleared).
func (r *Reader) ShowTitle(title string) {
	s := r.article.Find(title)
	if s == nil {
		return
	}
	r.Search.SetText("")
	for i, x := range r.shown {
		if x == s {
			r.Sections.Select(i) // shows it
			r.Sections.ScrollTo(i)
			return
		}
	}
	r.Show(s)
}

// ShowPassage opens the article where a passage just read in the pop-up
// is, without showing it as if new: its section with the passage in bold
// and a line saying so, or, when the passage was the whole section, the
// section after it.
func (r *Reader) ShowPassage(e content.Excerpt) {
	s := r.article.Find(e.Title)
	if s == nil {
		return
	}
	note := "*The part in bold is the passage you just read.*\n\n"
	md := s.MarkdownMarked(e.Text)
	if s.IsWhole(e.Text) {
		next := r.article.Next(s)
		note = "*You just read all of “" + e.Title + "”. The article goes on:*\n\n"
		if next.Kind == content.KindSection && s.Kind == content.KindTerm {
			note = "*You just read all of “" + e.Title + "”, the article's last term. From its beginning:*\n\n"
		}
		s, md = next, next.Markdown()
	}
	r.ShowTitle(s.Title) // marks it in the list, and shows it plainly ...
	r.show(s, note+md)   // ... then as it should read now
}

func (r *Reader) onSearch(q string) {
	r.NoMatch.Hide()
	if q == "" {
		r.shown = r.article.All()
		r.fitTitles(r.Sections.Size().Width)
		r.Sections.UnselectAll() // the marked row would now be another section
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
	r.fitTitles(r.Sections.Size().Width)
	r.Sections.UnselectAll()
	r.Sections.Refresh()
	if len(r.shown) == 0 {
		r.NoMatch.Show()
	}
}
