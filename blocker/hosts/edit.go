package hosts

import (
	"bytes"
	"fmt"
	"net/netip"
	"slices"

	"github.com/nocontact-app/nocontact/blocker"
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

// Apply returns prev with exactly one managed section that maps every name to
// the sinkhole and to "::", and reports whether that differs from prev. The
// names are validated (see blocker.NormalizeHostname), lower-cased and
// de-duplicated, and written sorted; an invalid name is an error and nothing is returned. With no
// names Apply is Strip: no empty section is ever written.
//
// The section replaces the first existing one in place, or is appended.
func (e *Editor) Apply(prev []byte, names []string) ([]byte, bool, error) {
	hosts, err := blocker.NormalizeHostnames(names)
	if err != nil {
		return nil, false, fmt.Errorf("hosts: %w", err)
	}
	slices.Sort(hosts) // a set: the same names in any order write the same bytes
	head, body := splitBOM(prev)
	stripped, at := e.strip(body)
	if len(hosts) == 0 {
		return result(prev, head, stripped)
	}
	eol := lineEnding(stripped, e.eol)
	var out bytes.Buffer
	out.Grow(len(head) + len(stripped) + len(hosts)*(2*len(eol)+len(e.sinkhole)+len(ipv6Any)+64) + 128)
	out.Write(head)
	out.Write(stripped[:at])
	last := at == len(stripped) && at > 0 && stripped[at-1] != '\n'
	if last {
		// The file had no final newline: keep it that way, after the section.
		out.WriteString(eol)
	}
	e.writeSection(&out, hosts, eol)
	if last {
		out.Truncate(out.Len() - len(eol))
	}
	out.Write(stripped[at:])
	return result(prev, nil, out.Bytes())
}

// Strip returns prev without the managed section (repairing a damaged one)
// and reports whether that differs from prev.
func (e *Editor) Strip(prev []byte) ([]byte, bool) {
	head, body := splitBOM(prev)
	stripped, _ := e.strip(body)
	out, changed, _ := result(prev, head, stripped)
	return out, changed
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

func (e *Editor) writeSection(out *bytes.Buffer, hosts []string, eol string) {
	out.WriteString(BeginMarker)
	out.WriteString(eol)
	for _, h := range hosts {
		fmt.Fprintf(out, "%s %s%s%s %s%s", e.sinkhole, h, eol, ipv6Any, h, eol)
	}
	out.WriteString(EndMarker)
	out.WriteString(eol)
}

// result joins head and body and compares the outcome with prev. It returns
// prev itself when nothing changed, so callers can skip the write.
func result(prev, head, body []byte) ([]byte, bool, error) {
	var out []byte
	if len(head) == 0 {
		out = body
	} else {
		out = append(append(make([]byte, 0, len(head)+len(body)), head...), body...)
	}
	if bytes.Equal(out, prev) {
		return prev, false, nil
	}
	return out, true, nil
}

// splitBOM separates a UTF-8 byte order mark, which is kept but must not hide
// a marker on the first line.
func splitBOM(b []byte) (head, body []byte) {
	if bytes.HasPrefix(b, bom) {
		return b[:len(bom)], b[len(bom):]
	}
	return nil, b
}

// lineEnding returns the ending of the first line of b (the file without
// its section), or def.
func lineEnding(b []byte, def string) string {
	i := bytes.IndexByte(b, '\n')
	switch {
	case i < 0:
		return def
	case i > 0 && b[i-1] == '\r':
		return "\r\n"
	default:
		return "\n"
	}
}
