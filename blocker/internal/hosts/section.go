package hosts

import "bytes"

type markerKind int

const (
	notMarker markerKind = iota
	beginKind
	endKind
)

// marker is a BEGIN or END line: its kind and its byte range, terminator
// included.
type marker struct {
	kind       markerKind
	start, end int
}

// span is a byte range [start, end) of whole lines.
type span struct{ start, end int }

// cut returns b without its managed sections, as pieces of b: the text
// before the first section, then the text after each section. The new
// section goes after the first piece. No section: one piece, all of b.
//
// A section that ended the file without a final newline takes the line
// ending of the line before it along (the one its own first line has, as
// Apply writes it), so that Apply followed by Strip gives back a file
// without a final newline unchanged.
func (e *Editor) cut(b []byte) [][]byte {
	spans := e.findSections(b)
	pieces := make([][]byte, 0, len(spans)+1)
	prev := 0
	for _, s := range spans {
		pieces = append(pieces, b[prev:s.start])
		prev = s.end
	}
	pieces = append(pieces, b[prev:])
	if len(spans) == 0 {
		return pieces
	}
	if last := spans[len(spans)-1]; last.end == len(b) && b[len(b)-1] != '\n' {
		eol := firstEOL(b[last.start:last.end])
		for i := len(pieces) - 1; i >= 0; i-- {
			if len(pieces[i]) > 0 {
				pieces[i] = bytes.TrimSuffix(pieces[i], eol)
				break
			}
		}
	}
	return pieces
}

// findSections returns the byte ranges to remove: each BEGIN..END pair, and
// for a BEGIN without END (or an END without BEGIN) the marker line with the
// run of entry lines that follows (precedes) it. Lines that are not entries
// this editor would write are never included, so a damaged section never
// takes the user's lines with it.
func (e *Editor) findSections(b []byte) []span {
	ms := markers(b)
	var spans []span
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		switch {
		case m.kind == beginKind && i+1 < len(ms) && ms[i+1].kind == endKind:
			spans = append(spans, span{m.start, ms[i+1].end})
			i++
		case m.kind == beginKind:
			end := m.end
			for end < len(b) {
				le := lineEnd(b, end)
				if !e.isEntry(b[end:le]) {
					break
				}
				end = le
			}
			spans = append(spans, span{m.start, end})
		default: // an END without its BEGIN
			floor := 0
			if len(spans) > 0 {
				floor = spans[len(spans)-1].end
			}
			start := m.start
			for start > floor {
				ls := lineStart(b, start-1)
				if !e.isEntry(b[ls:start]) {
					break
				}
				start = ls
			}
			spans = append(spans, span{start, m.end})
		}
	}
	return spans
}

// markers finds the marker lines. It looks only at lines holding the word
// NOCONTACT, so a large file without a section costs one fast scan.
func markers(b []byte) []marker {
	var ms []marker
	for off := 0; off < len(b); {
		i := bytes.Index(b[off:], markerWord)
		if i < 0 {
			break
		}
		ls, le := lineStart(b, off+i), lineEnd(b, off+i)
		if k := kindOf(b[ls:le]); k != notMarker {
			ms = append(ms, marker{k, ls, le})
		}
		off = le
	}
	return ms
}

// kindOf recognises a marker line, commented out any number of times and
// whatever follows the marker words.
func kindOf(line []byte) markerKind {
	t := bytes.TrimLeft(line, " \t")
	if len(t) == 0 || t[0] != '#' {
		return notMarker
	}
	t = bytes.TrimLeft(t, "# \t")
	switch {
	case bytes.HasPrefix(t, []byte("BEGIN NOCONTACT")):
		return beginKind
	case bytes.HasPrefix(t, []byte("END NOCONTACT")):
		return endKind
	}
	return notMarker
}

// isEntry reports whether line is one this editor writes inside a section
// ("SINKHOLE name name." or ":: name name.", or the older form without the
// dotted alias), possibly commented out.
func (e *Editor) isEntry(line []byte) bool {
	t := bytes.TrimLeft(line, "# \t")
	f := bytes.Fields(t)
	if len(f) != 2 && len(f) != 3 {
		return false
	}
	return string(f[0]) == e.sinkhole || string(f[0]) == ipv6Any
}

func lineStart(b []byte, pos int) int {
	return bytes.LastIndexByte(b[:pos], '\n') + 1
}

func lineEnd(b []byte, pos int) int {
	i := bytes.IndexByte(b[pos:], '\n')
	if i < 0 {
		return len(b)
	}
	return pos + i + 1
}

// firstEOL returns the line ending of the first line of b, nil if none.
func firstEOL(b []byte) []byte {
	i := bytes.IndexByte(b, '\n')
	switch {
	case i < 0:
		return nil
	case i > 0 && b[i-1] == '\r':
		return b[i-1 : i+1]
	default:
		return b[i : i+1]
	}
}
