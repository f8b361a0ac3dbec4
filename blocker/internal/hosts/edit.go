package hosts

import (
	"bytes"
	"fmt"
	"net/netip"
	"slices"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// The markers around the managed section. Only ASCII is ever written inside.
const (
	BeginMarker = "# BEGIN NOCONTACT (managed by nocontactd; restored if edited during a block session)"
	EndMarker   = "# END NOCONTACT"
)

// DefaultSinkhole is the loopback address blocked names point to; the
// daemon's sinkhole listens there.
var DefaultSinkhole = netip.MustParseAddr("127.78.0.1")

var (
	bom        = []byte("\xef\xbb\xbf")
	markerWord = []byte("NOCONTACT")
	ipv6Any    = "::"
)

// Editor applies and strips the managed section. The zero value is not
// usable; use NewEditor.
type Editor struct {
	sinkhole string // IPv4 address every name maps to, besides "::"
	eol      string // line ending for a file that has none yet
}

// NewEditor returns an Editor that maps names to sinkhole, which must be an
// IPv4 loopback address: nothing else may ever be written to the hosts file.
func NewEditor(sinkhole netip.Addr) (*Editor, error) {
	if !sinkhole.Is4() || !sinkhole.IsLoopback() {
		return nil, fmt.Errorf("hosts: sinkhole %s is not an IPv4 loopback address (127.0.0.0/8)", sinkhole)
	}
	return &Editor{sinkhole: sinkhole.String(), eol: defaultEOL}, nil
}

// Apply returns prev with exactly one managed section that maps every name,
// and its fully qualified form with a trailing dot, to the sinkhole and to
// "::", and reports whether that differs from prev. The
// names are validated (see api.NormalizeHostname), lower-cased and
// de-duplicated, and written sorted; an invalid name is an error and nothing is returned. With no
// names Apply is Strip: no empty section is ever written.
//
// The section replaces the first existing one in place, or is appended.
func (e *Editor) Apply(prev []byte, names []string) ([]byte, bool, error) {
	parts, changed, err := e.ApplyParts(prev, names)
	if err != nil {
		return nil, false, err
	}
	if !changed {
		return prev, false, nil
	}
	return bytes.Join(parts, nil), true, nil
}

// ApplyParts is Apply with the new content as consecutive parts, most of
// them slices of prev, for WriteParts: a large file is not copied again.
func (e *Editor) ApplyParts(prev []byte, names []string) ([][]byte, bool, error) {
	hosts, err := api.NormalizeHostnames(names)
	if err != nil {
		return nil, false, fmt.Errorf("hosts: %w", err)
	}
	slices.Sort(hosts) // a set: the same names in any order write the same bytes
	head, body := splitBOM(prev)
	pieces := e.cut(body)
	if len(hosts) == 0 {
		out, changed := joinParts(prev, head, pieces)
		return out, changed, nil
	}
	eol := lineEnding(pieces, e.eol)
	sec := e.section(hosts, eol)
	first := pieces[0]
	if rest := pieces[1:]; len(first) > 0 && first[len(first)-1] != '\n' && isEmpty(rest) {
		// The file had no final newline: keep it that way, after the section.
		first = slices.Concat(first, []byte(eol))
		sec = sec[:len(sec)-len(eol)]
	}
	out, changed := joinParts(prev, head, slices.Concat([][]byte{first, sec}, pieces[1:]))
	return out, changed, nil
}

// Strip returns prev without the managed section (repairing a damaged one)
// and reports whether that differs from prev.
func (e *Editor) Strip(prev []byte) ([]byte, bool) {
	head, body := splitBOM(prev)
	return join(prev, head, e.cut(body))
}

// Section returns the bytes of the managed section(s) in content, marker
// lines and anything between them included, in file order, so that a change
// to any of it, a commented-out line for one, shows. It is empty when there
// is no section.
func (e *Editor) Section(content []byte) []byte {
	_, body := splitBOM(content)
	var sec []byte
	for _, r := range e.findSections(body) {
		sec = append(sec, body[r.start:r.end]...)
	}
	return sec
}

// section returns the managed section for hosts, every line ended by eol.
func (e *Editor) section(hosts []string, eol string) []byte {
	var b bytes.Buffer
	b.Grow(len(BeginMarker) + len(EndMarker) + len(hosts)*(64+len(e.sinkhole)) + 8)
	b.WriteString(BeginMarker + eol)
	for _, h := range hosts {
		// The fully qualified "h." as an alias: glibc compares names
		// literally, so without it "instagram.com." would go to DNS.
		b.WriteString(e.sinkhole + " " + h + " " + h + "." + eol + ipv6Any + " " + h + " " + h + "." + eol)
	}
	b.WriteString(EndMarker + eol)
	return b.Bytes()
}

// join concatenates head and pieces into one new slice and compares it with
// prev. It returns prev itself when nothing changed, so callers can skip
// the write.
func join(prev, head []byte, pieces [][]byte) ([]byte, bool) {
	parts, changed := joinParts(prev, head, pieces)
	if !changed {
		return prev, false
	}
	return bytes.Join(parts, nil), true
}

// joinParts is head then pieces, as parts, and whether they differ from
// prev (then it returns prev alone).
func joinParts(prev, head []byte, pieces [][]byte) ([][]byte, bool) {
	n := len(head)
	for _, p := range pieces {
		n += len(p)
	}
	if n == len(prev) && bytes.HasPrefix(prev, head) && equalPieces(prev[len(head):], pieces) {
		return [][]byte{prev}, false
	}
	return slices.Concat([][]byte{head}, pieces), true
}

// equalPieces reports whether b is the concatenation of pieces.
func equalPieces(b []byte, pieces [][]byte) bool {
	for _, p := range pieces {
		if !bytes.HasPrefix(b, p) {
			return false
		}
		b = b[len(p):]
	}
	return len(b) == 0
}

func isEmpty(pieces [][]byte) bool {
	for _, p := range pieces {
		if len(p) > 0 {
			return false
		}
	}
	return true
}

// splitBOM separates a UTF-8 byte order mark, which is kept but must not hide
// a marker on the first line.
func splitBOM(b []byte) (head, body []byte) {
	if bytes.HasPrefix(b, bom) {
		return b[:len(bom)], b[len(bom):]
	}
	return nil, b
}

// lineEnding returns the ending of the first line of the file without its
// section, or def when it has none.
func lineEnding(pieces [][]byte, def string) string {
	for _, p := range pieces {
		if eol := firstEOL(p); eol != nil {
			return string(eol)
		}
	}
	return def
}
