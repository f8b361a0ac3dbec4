// Package extension builds No Contact's browser extension (the files in
// src/), packs it as a signed CRX3 the Chromium family installs from a
// local update URL and as the XPI Firefox ESR installs through its
// policy, writes its update manifest, and turns a session into
// the rules the extension applies: a top-level visit to a blocked name or
// profile goes to the sinkhole's page with the passage.
package extension

import (
	"archive/zip"
	"bytes"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"embed"
	"encoding/binary"
	"fmt"
	"io/fs"
	"slices"
	"time"
)

//go:embed src
var src embed.FS

// Version is the extension's version, as its manifest says.
const Version = "1.5.0"

// ID returns the extension ID Chromium derives from a public key: the
// first 16 bytes of the SHA-256 of its DER (SubjectPublicKeyInfo), each
// hex digit written as a letter from a to p.
func ID(pub *rsa.PublicKey) (string, error) {
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		return "", err
	}
	sum := sha256.Sum256(der)
	id := make([]byte, 32)
	for i, b := range sum[:16] {
		id[2*i], id[2*i+1] = 'a'+b>>4, 'a'+b&0xf
	}
	return string(id), nil
}

// Zip returns the extension's files as a zip archive, the same bytes every
// time (sorted names, fixed times).
func Zip() ([]byte, error) { return archive(nil) }

// archive zips the extension's files, each as edit returns it (nil: as
// they are).
func archive(edit func(name string, data []byte) ([]byte, error)) ([]byte, error) {
	var names []string
	err := fs.WalkDir(src, "src", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, n := range names {
		data, err := src.ReadFile(n)
		if err == nil && edit != nil {
			data, err = edit(n[len("src/"):], data)
		}
		if err != nil {
			return nil, err
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: n[len("src/"):], Method: zip.Deflate, Modified: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(data); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Pack returns the extension as a CRX3 file signed with key: the magic
// "Cr24", version 3, the header (a CrxFileHeader protocol buffer: the
// public key and its RSA-SHA256 signature, and the signed data naming the
// crx id), then the zip. The signature covers "CRX3 SignedData\x00", the
// signed data's length (little-endian) and itself, and the zip.
func Pack(key *rsa.PrivateKey) ([]byte, error) {
	archive, err := Zip()
	if err != nil {
		return nil, err
	}
	pub, err := x509.MarshalPKIXPublicKey(&key.PublicKey)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(pub)
	signedData := field(1, sum[:16]) // SignedData{crx_id}
	h := sha256.New()
	h.Write([]byte("CRX3 SignedData\x00"))
	binary.Write(h, binary.LittleEndian, uint32(len(signedData)))
	h.Write(signedData)
	h.Write(archive)
	sig, err := rsa.SignPKCS1v15(rand.Reader, key, crypto.SHA256, h.Sum(nil))
	if err != nil {
		return nil, fmt.Errorf("extension: sign: %w", err)
	}
	proof := append(field(1, pub), field(2, sig)...)               // AsymmetricKeyProof
	header := append(field(2, proof), field(10000, signedData)...) // sha256_with_rsa, signed_header_data
	var out bytes.Buffer
	out.WriteString("Cr24")
	binary.Write(&out, binary.LittleEndian, uint32(3))
	binary.Write(&out, binary.LittleEndian, uint32(len(header)))
	out.Write(header)
	out.Write(archive)
	return out.Bytes(), nil
}

// field encodes a length-delimited protocol buffer field.
func field(num int, data []byte) []byte {
	b := binary.AppendUvarint(nil, uint64(num)<<3|2)
	b = binary.AppendUvarint(b, uint64(len(data)))
	return append(b, data...)
}

// UpdateManifest is the gupdate XML Chromium reads at the update URL.
func UpdateManifest(id, codebase string) []byte {
	return fmt.Appendf(nil, `<?xml version='1.0' encoding='UTF-8'?>
<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>
  <app appid='%s'>
    <updatecheck codebase='%s' version='%s' />
  </app>
</gupdate>
`, id, codebase, Version)
}
