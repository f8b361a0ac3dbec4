// Package locale is a copy of github.com/jeandeaual/go-locale (MIT, see
// LICENSE), used by Fyne through a replace directive in No Contact's
// go.mod. It differs from upstream in one place, locale_unix.go: a
// "C.UTF-8" or "POSIX.*" locale is the C locale, so Fyne no longer prints
// an error before every command on systems whose default it is (see
// README.md). The other files are upstream's, unchanged.
package locale
