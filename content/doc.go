// Package content holds the article No Contact ships, "Understanding Why
// People Break No Contact Rules After a Breakup", embedded verbatim; parses
// it into its introduction, ten sections, ten terms and disclaimer; renders
// it as Markdown (for Fyne's RichText), self-contained HTML and wrapped
// terminal text; searches it (with a small table of the words people use
// beside the stemmer); and picks the passage that fits a moment (an
// attempt to open a blocked site, a tampered hosts file, a request to end a
// block early), with a line of our own on why it was chosen.
//
// The one chooser, Pick, is a pure function of the moment: the site, the
// hour, the attempts in the hour and the day, how long there was none, a
// schedule's hours, the person's journal motives (the user side only) and
// what the day's earlier attempts were shown. The root daemon's page in
// the tab and the user side's pop-up both call it (through ForAttempt,
// replaying the day), so no passage comes twice in a day while others fit.
//
// Every passage it returns is a byte-exact substring of the article: the
// product quotes the article, it never paraphrases it. Our own lines
// (lines.go) are kept apart from it and shown apart from the quote. The
// package is pure Go and imports no UI toolkit.
package content
