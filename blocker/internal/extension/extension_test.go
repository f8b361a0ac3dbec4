package extension

import (
	"archive/zip"
	"bytes"
	"crypto"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/binary"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"testing"

	"github.com/nocontact-app/nocontact/blocker/testutil"
)

func testKey(t *testing.T) *rsa.PrivateKey {
	t.Helper()
	k, err := LoadOrCreateKey(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return k
}

func TestKeyIsKeptPrivate(t *testing.T) {
	dir := t.TempDir()
	k1, err := LoadOrCreateKey(dir)
	if err != nil {
		t.Fatal(err)
	}
	// On Windows the state directory's access list keeps it
	// (atomicfile.MkdirPrivate); the file has no mode of its own there.
	if fi, _ := os.Stat(filepath.Join(dir, KeyFile)); runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Errorf("key mode %v", fi.Mode().Perm())
	}
	k2, _ := LoadOrCreateKey(dir)
	if !k1.Equal(k2) {
		t.Error("a second load made a new key: the extension's ID would change")
	}
	testutil.Must(t, os.WriteFile(filepath.Join(dir, KeyFile), []byte("junk"), 0o600))
	if _, err := LoadOrCreateKey(dir); err == nil {
		t.Error("a damaged key was accepted")
	}
}

// TestPackedCRXVerifies reads the CRX back as Chromium's verifier does: the
// header's key and signature over the signed data and the archive, the
// crx_id as the key's hash, and the ID spelled from it. (The root
// end-to-end test has Chromium itself install it.)
func TestPackedCRXVerifies(t *testing.T) {
	key := testKey(t)
	crx, err := Pack(key)
	if err != nil {
		t.Fatal(err)
	}
	if string(crx[:4]) != "Cr24" || binary.LittleEndian.Uint32(crx[4:8]) != 3 {
		t.Fatalf("magic %q version %d", crx[:4], binary.LittleEndian.Uint32(crx[4:8]))
	}
	hlen := binary.LittleEndian.Uint32(crx[8:12])
	header, archive := crx[12:12+hlen], crx[12+hlen:]
	f := fields(t, header)
	proof, signed := fields(t, f[2]), f[10000]
	pubDER, sig := proof[1], proof[2]
	pub, err := x509.ParsePKIXPublicKey(pubDER)
	if err != nil || !pub.(*rsa.PublicKey).Equal(&key.PublicKey) {
		t.Fatalf("public key in the header: %v", err)
	}
	crxID := fields(t, signed)[1]
	sum := sha256.Sum256(pubDER)
	if !bytes.Equal(crxID, sum[:16]) {
		t.Fatal("crx_id is not the first 16 bytes of SHA-256(public key)")
	}
	h := sha256.New()
	h.Write([]byte("CRX3 SignedData\x00"))
	binary.Write(h, binary.LittleEndian, uint32(len(signed)))
	h.Write(signed)
	h.Write(archive)
	if err := rsa.VerifyPKCS1v15(&key.PublicKey, crypto.SHA256, h.Sum(nil), sig); err != nil {
		t.Fatalf("signature: %v", err)
	}
	zr, err := zip.NewReader(bytes.NewReader(archive), int64(len(archive)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	if strings.Join(names, " ") != "background.js canon.js manifest.json" {
		t.Errorf("archive holds %v", names)
	}
	id, _ := ID(&key.PublicKey)
	if !regexp.MustCompile(`^[a-p]{32}$`).MatchString(id) {
		t.Fatalf("ID %q", id)
	}
	for i, b := range crxID {
		if id[2*i] != 'a'+b>>4 || id[2*i+1] != 'a'+b&0xf {
			t.Fatalf("ID %q does not spell crx_id %x", id, crxID)
		}
	}
}

// fields decodes the length-delimited fields of a protocol buffer.
func fields(t *testing.T, b []byte) map[int][]byte {
	t.Helper()
	out := map[int][]byte{}
	for len(b) > 0 {
		tag, n := binary.Uvarint(b)
		l, m := binary.Uvarint(b[n:])
		if n <= 0 || m <= 0 || tag&7 != 2 || int(l) > len(b)-n-m {
			t.Fatalf("not a length-delimited field at %x", b[:min(8, len(b))])
		}
		out[int(tag>>3)] = b[n+m : n+m+int(l)]
		b = b[n+m+int(l):]
	}
	return out
}

func TestManifestAndUpdateManifest(t *testing.T) {
	var m struct {
		ManifestVersion int               `json:"manifest_version"`
		Version         string            `json:"version"`
		Permissions     []string          `json:"permissions"`
		CSP             map[string]string `json:"content_security_policy"`
	}
	b, _ := src.ReadFile("src/manifest.json")
	if err := json.Unmarshal(b, &m); err != nil || m.ManifestVersion != 3 || m.Version != Version {
		t.Fatalf("manifest: %+v %v", m, err)
	}
	if !strings.Contains(m.CSP["extension_pages"], "connect-src http://127.78.0.1") {
		t.Error("the extension may reach more than the sinkhole")
	}
	u := string(UpdateManifest("abcdefghijklmnopabcdefghijklmnop", "http://127.78.0.1/nocontact/extension.crx"))
	for _, want := range []string{"appid='abcdefghijklmnopabcdefghijklmnop'", "codebase='http://127.78.0.1/nocontact/extension.crx'", "version='" + Version + "'", "protocol='2.0'"} {
		if !strings.Contains(u, want) {
			t.Errorf("update manifest lacks %s:\n%s", want, u)
		}
	}
}

func TestRules(t *testing.T) {
	var r Rules
	many := make([]string, 500)
	for i := range many {
		many[i] = "h" + strings.Repeat("x", i%50) + ".example.com"
	}
	tests := []struct {
		name         string
		hosts, paths []string
		dnr          int
	}{
		{"nothing", nil, nil, 0},
		{"hostnames", []string{"instagram.com", "www.instagram.com"}, nil, 2},
		{"paths: each also on translate.goog's two hosts and in two kinds of archive", nil, []string{"instagram.com/jane.doe", "tiktok.com/@jane"}, 10},
		{"a query: not wrapped", nil, []string{"facebook.com/profile.php?id=4"}, 1},
		{"an IDN, already punycode: its bare translate.goog name is no valid name", []string{"xn--bcher-kva.de"}, []string{"xn--bcher-kva.de/jane"}, 5},
		{"many names", many, nil, 500},
	}
	for _, tt := range tests {
		if err := json.Unmarshal(RulesFor("http://127.78.0.1", tt.hosts, tt.paths), &r); err != nil {
			t.Fatal(err)
		}
		if len(r.DNR) != tt.dnr || len(r.Paths) != tt.dnr-len(tt.hosts) {
			t.Errorf("%s: %d rules, %d paths", tt.name, len(r.DNR), len(r.Paths))
		}
		for i, rule := range r.DNR {
			if rule.ID != i+1 || rule.Action.Type != "redirect" || !strings.HasPrefix(rule.Action.Redirect["url"], "http://127.78.0.1/nocontact/blocked?host=") {
				t.Errorf("%s: rule %+v", tt.name, rule)
			}
		}
	}
	re := regexp.MustCompile("(?i)" + PathRegex("instagram.com/jane.doe"))
	for url, want := range map[string]bool{
		"https://www.instagram.com/jane.doe":          true,
		"https://instagram.com/Jane.Doe/":             true,
		"https://www.instagram.com/jane.doe?igsh=1":   true,
		"https://www.instagram.com:443/jane.doe#top":  true,
		"https://www.instagram.com/jane.doe.other":    false,
		"https://www.instagram.com/jane.doe2":         false,
		"https://notinstagram.com/jane.doe":           false,
		"https://instagram.com.evil.example/jane.doe": false,
		"https://www.instagram.com/friend/jane.doe":   false,
		"https://www.instagram.com//jane.doe":         true, // issue 29.3: as the platform serves it
		"https://www.instagram.com///jane.doe/":       true,
		"https://www.instagram.com/jane.doe;x":        true,
		"https://www.instagram.com/JANE.DOE":          true,
		"https://www.instagram.com/jane.doe;x/tagged": true,
		"https://www.instagram.com/jane.doex;x":       false,
	} {
		if re.MatchString(url) != want {
			t.Errorf("%s: match %v, want %v", url, !want, want)
		}
	}
	fb := regexp.MustCompile("(?i)" + PathRegex("facebook.com/profile.php?id=4"))
	for url, want := range map[string]bool{
		"https://www.facebook.com/profile.php?id=4":          true,
		"https://m.facebook.com/profile.php?sk=about&id=4":   true,
		"https://www.facebook.com/profile.php?id=4&sk=about": true,
		"https://www.facebook.com/profile.php?id=4#x":        true,
		"https://www.facebook.com/profile.php?id=45":         false,
		"https://www.facebook.com/profile.php?xid=4":         false,
		"https://www.facebook.com/profile.php":               false,
	} {
		if fb.MatchString(url) != want {
			t.Errorf("%s: match %v, want %v", url, !want, want)
		}
	}
}
