// Package content holds the article No Contact ships, "Understanding Why
// People Break No Contact Rules After a Breakup", embedded verbatim; parses
// it into its introduction, ten sections, ten terms and disclaimer; renders
// it as Markdown (for Fyne's RichText), self-contained HTML and wrapped
// terminal text; searches it; and picks the passage that fits a moment (an
// attempt to open a blocked site, a tampered hosts file, a request to end a
// block early).
//
// Every passage it returns is a byte-exact substring of the article: the
// product quotes the article, it never paraphrases it. The package is pure
// Go and imports no UI toolkit.
package content
