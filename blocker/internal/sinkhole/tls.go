package sinkhole

import (
	"encoding/binary"
	"errors"
	"io"
	"strings"
)

// MaxHead bounds what is read of a connection: a TLS ClientHello or an HTTP
// request head.
const MaxHead = 16 << 10

// Errors of the parsers.
var (
	ErrNotHandshake = errors.New("sinkhole: not a TLS handshake")
	ErrTooLarge     = errors.New("sinkhole: hello or head larger than 16 KiB")
	ErrMalformed    = errors.New("sinkhole: malformed hello")
)

const (
	recordHandshake = 22
	typeClientHello = 1
	extServerName   = 0
)

// ReadClientHello reads TLS records from r until it holds the whole
// ClientHello (which may span records), at most MaxHead bytes, and returns
// the server name it asks for ("" without SNI).
func ReadClientHello(r io.Reader) (string, error) {
	var msg []byte
	hdr := make([]byte, 5)
	for {
		if _, err := io.ReadFull(r, hdr); err != nil {
			return "", err
		}
		if hdr[0] != recordHandshake || hdr[1] != 3 {
			return "", ErrNotHandshake
		}
		n := int(binary.BigEndian.Uint16(hdr[3:]))
		if n == 0 || len(msg)+n > MaxHead {
			return "", ErrTooLarge
		}
		start := len(msg)
		msg = append(msg, make([]byte, n)...)
		if _, err := io.ReadFull(r, msg[start:]); err != nil {
			return "", err
		}
		if len(msg) >= 4 {
			if msg[0] != typeClientHello {
				return "", ErrNotHandshake
			}
			want := 4 + (int(msg[1])<<16 | int(msg[2])<<8 | int(msg[3]))
			if want > MaxHead {
				return "", ErrTooLarge
			}
			if len(msg) >= want {
				return ParseClientHello(msg[4:want])
			}
		}
	}
}

// ParseClientHello returns the server name of a ClientHello body (after the
// handshake header), "" when it has no SNI.
func ParseClientHello(b []byte) (string, error) {
	p := parser{b: b}
	p.skip(2 + 32)  // legacy_version, random
	p.skip(p.u8())  // session_id
	p.skip(p.u16()) // cipher_suites
	p.skip(p.u8())  // compression_methods
	if p.err == nil && len(p.b) == 0 {
		return "", nil // no extensions at all
	}
	exts := parser{b: p.take(p.u16())}
	if p.err != nil {
		return "", ErrMalformed
	}
	for len(exts.b) > 0 && exts.err == nil {
		typ, body := exts.u16(), exts.take(exts.u16())
		if exts.err == nil && typ == extServerName {
			return serverName(body)
		}
	}
	if exts.err != nil {
		return "", ErrMalformed
	}
	return "", nil
}

// serverName reads the host_name entry of a server_name extension.
func serverName(b []byte) (string, error) {
	p := parser{b: b}
	list := parser{b: p.take(p.u16())}
	for len(list.b) > 0 && list.err == nil {
		typ, name := list.u8(), list.take(list.u16())
		if list.err == nil && typ == 0 {
			if len(name) == 0 || strings.ContainsAny(string(name), "\x00") {
				return "", ErrMalformed
			}
			return strings.ToLower(string(name)), nil
		}
	}
	if p.err != nil || list.err != nil {
		return "", ErrMalformed
	}
	return "", nil
}

// parser reads big-endian fields and remembers the first overrun.
type parser struct {
	b   []byte
	err error
}

func (p *parser) take(n int) []byte {
	if p.err != nil || n > len(p.b) {
		p.err = ErrMalformed
		p.b = nil
		return nil
	}
	out := p.b[:n]
	p.b = p.b[n:]
	return out
}

func (p *parser) skip(n int) { p.take(n) }

func (p *parser) u8() int {
	b := p.take(1)
	if b == nil {
		return 0
	}
	return int(b[0])
}

func (p *parser) u16() int {
	b := p.take(2)
	if b == nil {
		return 0
	}
	return int(binary.BigEndian.Uint16(b))
}

// alertUnrecognizedName is a fatal TLS alert record: the browser stops at
// once, and no certificate is ever presented.
var alertUnrecognizedName = []byte{21, 3, 3, 0, 2, 2, 112}
