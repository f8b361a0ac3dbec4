// Command fyne-hello is the smallest Fyne window, built like nocontact, as
// the baseline of the GUI start-up benchmark (make bench).
package main

import (
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.New()
	w := a.NewWindow("Hello")
	w.SetContent(widget.NewLabel("Hello"))
	w.ShowAndRun()
}
