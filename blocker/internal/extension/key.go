package extension

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/nocontact-app/nocontact/blocker/atomicfile"
)

// KeyFile is the signing key's name in the daemon's state directory.
const KeyFile = "extension.pem"

// LoadOrCreateKey reads the signing key from dir, or makes one (RSA 2048,
// mode 0600) the first time. The key fixes the extension's ID, so it is
// kept: a new key would be a new extension to every browser.
func LoadOrCreateKey(dir string) (*rsa.PrivateKey, error) {
	path := filepath.Join(dir, KeyFile)
	b, err := os.ReadFile(path)
	if err == nil {
		blk, _ := pem.Decode(b)
		if blk == nil {
			return nil, fmt.Errorf("extension: %s holds no PEM key", path)
		}
		k, err := x509.ParsePKCS8PrivateKey(blk.Bytes)
		if rk, ok := k.(*rsa.PrivateKey); err == nil && ok {
			return rk, nil
		}
		return nil, fmt.Errorf("extension: %s is not an RSA key", path)
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("extension: %w", err)
	}
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		return nil, err
	}
	der, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		return nil, err
	}
	if err := atomicfile.Write(path, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: der}), 0o600); err != nil {
		return nil, fmt.Errorf("extension: save the key: %w", err)
	}
	return key, nil
}
