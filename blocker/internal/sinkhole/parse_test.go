package sinkhole

import (
	"bufio"
	"bytes"
	"crypto/tls"
	"io"
	"net"
	"strings"
	"testing"
	"time"
)

// clientHello captures the ClientHello Go's TLS client sends with cfg.
func clientHello(t testing.TB, cfg *tls.Config) []byte {
	t.Helper()
	a, b := net.Pipe()
	go func() {
		tls.Client(a, cfg).Handshake()
		a.Close()
	}()
	b.SetDeadline(time.Now().Add(2 * time.Second))
	var buf bytes.Buffer
	hdr := make([]byte, 5)
	if _, err := io.ReadFull(b, hdr); err != nil {
		t.Fatal(err)
	}
	n := int(hdr[3])<<8 | int(hdr[4])
	body := make([]byte, n)
	io.ReadFull(b, body)
	buf.Write(hdr)
	buf.Write(body)
	b.Close()
	return buf.Bytes()
}

func TestReadClientHello(t *testing.T) {
	manyProtos := make([]string, 200)
	for i := range manyProtos {
		manyProtos[i] = strings.Repeat("p", 20) + string(rune('a'+i%26))
	}
	tests := []struct {
		name string
		cfg  *tls.Config
		want string
	}{
		{"TLS 1.3 with SNI", &tls.Config{ServerName: "www.instagram.com", MinVersion: tls.VersionTLS13}, "www.instagram.com"},
		{"TLS 1.2 with SNI", &tls.Config{ServerName: "Instagram.COM", MaxVersion: tls.VersionTLS12}, "instagram.com"},
		{"no SNI (IP address)", &tls.Config{ServerName: "127.78.0.1", InsecureSkipVerify: true}, ""},
		{"large hello, many extensions", &tls.Config{ServerName: "x.com", NextProtos: manyProtos}, "x.com"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hello := clientHello(t, tt.cfg)
			got, err := ReadClientHello(bytes.NewReader(hello))
			if err != nil || got != tt.want {
				t.Fatalf("got %q, %v; want %q (hello of %d bytes)", got, err, tt.want, len(hello))
			}
		})
	}
}

func TestHelloSplitAcrossRecords(t *testing.T) {
	hello := clientHello(t, &tls.Config{ServerName: "split.example.com"})
	body := hello[5:]
	var split []byte
	for _, part := range [][]byte{body[:10], body[10:100], body[100:]} {
		split = append(split, 22, 3, 1, byte(len(part)>>8), byte(len(part)))
		split = append(split, part...)
	}
	if got, err := ReadClientHello(bytes.NewReader(split)); err != nil || got != "split.example.com" {
		t.Fatalf("got %q, %v", got, err)
	}
}

func TestHostileHellos(t *testing.T) {
	good := clientHello(t, &tls.Config{ServerName: "x.com"})
	cases := map[string][]byte{
		"empty":                            {},
		"HTTP":                             []byte("GET / HTTP/1.1\r\n\r\n"),
		"not handshake":                    {23, 3, 3, 0, 5, 1, 2, 3, 4, 5},
		"zero record":                      {22, 3, 1, 0, 0},
		"truncated":                        good[:len(good)/2],
		"header only":                      good[:5],
		"huge claim":                       {22, 3, 1, 0x40, 0x01},
		"extensions longer than the hello": handshake(append(make([]byte, 2+32+1+2+1), 0xff, 0xff, 0, 0)),
		"SNI list overrun":                 handshake(append(make([]byte, 2+32+1+2+1), 0, 7, 0, 0, 0, 3, 0, 9, 0)),
	}
	for name, in := range cases {
		if got, err := ReadClientHello(bytes.NewReader(in)); err == nil && got != "" {
			t.Errorf("%s: got %q without error", name, got)
		}
	}
	// Records that never finish a hello stop at 16 KiB.
	var endless []byte
	for len(endless) < 20<<10 {
		endless = append(endless, 22, 3, 1, 0x10, 0x00)
		endless = append(endless, 1, 0xff, 0xff, 0xff)
		endless = append(endless, make([]byte, 0x1000-4)...)
	}
	if _, err := ReadClientHello(bytes.NewReader(endless)); err == nil {
		t.Error("an endless hello was accepted")
	}
}

// handshake wraps a ClientHello body in a handshake header and a record.
func handshake(body []byte) []byte {
	msg := append([]byte{1, 0, byte(len(body) >> 8), byte(len(body))}, body...)
	return append([]byte{22, 3, 1, byte(len(msg) >> 8), byte(len(msg))}, msg...)
}

func TestReadRequestHead(t *testing.T) {
	tests := map[string]Request{
		"GET /jane.doe HTTP/1.1\r\nHost: Instagram.com\r\nUser-Agent: x\r\n\r\n": {Method: "GET", Path: "/jane.doe", Host: "instagram.com"},
		"GET / HTTP/1.1\r\nhost: x.com:8080\r\n\r\nBODY":                         {Method: "GET", Path: "/", Host: "x.com"},
		"HEAD /a HTTP/1.0\n\n":                     {Method: "HEAD", Path: "/a", Host: ""},
		"GET / HTTP/1.1\r\nHost: [::1]:80\r\n\r\n": {Method: "GET", Path: "/", Host: "::1"},
	}
	for in, want := range tests {
		got, err := ReadRequestHead(bufio.NewReader(strings.NewReader(in)))
		if err != nil || got != want {
			t.Errorf("%q: got %+v, %v; want %+v", in, got, err, want)
		}
	}
	for _, bad := range []string{"", "\r\n\r\n", "GARBAGE\r\n\r\n", "GET /\r\n\r\n", "GET / HTTP/1.1\r\nHost: x",
		"GET / HTTP/1.1\r\n" + strings.Repeat("X-A: "+strings.Repeat("a", 100)+"\r\n", 200) + "\r\n"} {
		if got, err := ReadRequestHead(bufio.NewReader(strings.NewReader(bad))); err == nil {
			t.Errorf("%.40q: accepted as %+v", bad, got)
		}
	}
}

func FuzzClientHello(f *testing.F) {
	f.Add(clientHello(f, &tls.Config{ServerName: "x.com"}))
	f.Add(clientHello(f, &tls.Config{ServerName: "a.b.c", MaxVersion: tls.VersionTLS12}))
	f.Add([]byte{22, 3, 1, 0, 4, 1, 0, 0, 0})
	f.Fuzz(func(t *testing.T, in []byte) {
		host, err := ReadClientHello(bytes.NewReader(in))
		if err == nil && (len(host) > MaxHead || strings.ContainsRune(host, 0)) {
			t.Fatalf("host %q", host)
		}
	})
}

func FuzzRequestHead(f *testing.F) {
	f.Add([]byte("GET / HTTP/1.1\r\nHost: x.com\r\n\r\n"))
	f.Add([]byte("POST /x HTTP/1.0\nhost:[::1]:9\n\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		req, err := ReadRequestHead(bufio.NewReader(bytes.NewReader(in)))
		if err == nil && (strings.ContainsAny(req.Host, "\r\n\x00") || len(req.Host) > MaxHead || len(req.Path) > MaxHead) {
			t.Fatalf("request %+v from %q", req, in)
		}
	})
}
