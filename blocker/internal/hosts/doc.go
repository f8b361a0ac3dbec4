// Package hosts edits the one section of the system hosts file that No
// Contact manages, writes the file atomically and flushes the caches that
// hold hosts lookups.
//
// The edit is a pure function over bytes (Editor.Apply, Editor.Strip):
// everything outside the section between the BEGIN and END NOCONTACT markers
// is kept byte for byte (comments, spacing, CRLF endings, a UTF-8 BOM, a
// missing final newline, bytes that are not UTF-8), and a damaged section is
// repaired without losing a line outside it. WriteFile replaces the file by
// rename and falls back to an in-place rewrite with a backup where rename is
// impossible (a bind-mounted /etc/hosts).
package hosts
