// Package vault keeps the user's private data (saved profiles, the day of
// last contact and earlier streaks, the urge journal, settings) in
// $XDG_CONFIG_HOME/nocontact/vault.json, encrypted with AES-256-GCM under a
// random key kept in the OS keyring. Without a keyring the user may opt in,
// explicitly, to a file protected by its permissions only. Every write is
// atomic and serialised between processes; a vault that cannot be
// decrypted is never overwritten.
package vault

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/nocontact-app/nocontact/blocker/atomicfile"
)

const (
	fileName  = "vault.json"
	lockName  = "vault.lock"
	fileMode  = 0o600
	keyLen    = 32
	formatTag = "nocontact-vault"
	cipherGCM = "aes-256-gcm"
	cipherNo  = "none" // opted in: protected by file permissions only
)

// Errors of the vault.
var (
	ErrTampered   = errors.New("the vault file was changed or damaged: it cannot be decrypted, and it is kept as it is")
	ErrPlainOptIn = errors.New("no keyring: your data can be kept in a file only you can read, unencrypted; that needs your explicit consent (nocontact vault --allow-unencrypted)")
)

// envelope is the file's outer shape.
type envelope struct {
	Format string          `json:"format"`
	Cipher string          `json:"cipher"`
	Nonce  []byte          `json:"nonce,omitempty"`
	Data   []byte          `json:"data,omitempty"`  // sealed JSON of Data (aes-256-gcm)
	Plain  json.RawMessage `json:"plain,omitempty"` // JSON of Data (none)
}

// Vault is the store in one directory.
type Vault struct {
	dir  string
	keys KeyStore
}

// Open returns the vault in dir (created 0700 when written), keyed by keys.
func Open(dir string, keys KeyStore) *Vault { return &Vault{dir: dir, keys: keys} }

// DefaultDir is $XDG_CONFIG_HOME/nocontact (per-OS equivalents).
func DefaultDir() (string, error) {
	base, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(base, "nocontact"), nil
}

// Dir is the directory the vault lives in.
func (v *Vault) Dir() string { return v.dir }

func (v *Vault) path() string { return filepath.Join(v.dir, fileName) }

// Load reads the vault; a vault not yet written is empty data.
func (v *Vault) Load() (*Data, error) {
	d, _, err := v.load()
	return d, err
}

// load reads the vault and reports whether it is stored unencrypted.
func (v *Vault) load() (d *Data, plain bool, err error) {
	raw, err := os.ReadFile(v.path())
	if errors.Is(err, fs.ErrNotExist) {
		return &Data{Version: schemaVersion}, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("vault: %w", err)
	}
	d, err = v.open(raw)
	return d, isPlain(raw), err
}

// Update loads the vault under an inter-process lock, lets change modify
// the data and writes it back atomically. Nothing is written if change
// fails.
func (v *Vault) Update(change func(*Data) error) error {
	return v.update(change, false)
}

// AllowUnencrypted writes the vault without encryption, by the user's
// explicit choice when no keyring is available.
func (v *Vault) AllowUnencrypted() error {
	return v.update(func(*Data) error { return nil }, true)
}

// update is Update; with toPlain the vault is written unencrypted from
// now on.
func (v *Vault) update(change func(*Data) error, toPlain bool) error {
	if err := os.MkdirAll(v.dir, 0o700); err != nil {
		return fmt.Errorf("vault: %w", err)
	}
	unlock, err := lockFile(filepath.Join(v.dir, lockName))
	if err != nil {
		return fmt.Errorf("vault: lock: %w", err)
	}
	defer unlock()
	d, plain, err := v.load()
	if err != nil {
		return err
	}
	if err := change(d); err != nil {
		return err
	}
	return v.write(d, plain || toPlain)
}

// open decodes the file.
func (v *Vault) open(raw []byte) (*Data, error) {
	var env envelope
	if err := json.Unmarshal(raw, &env); err != nil || env.Format != formatTag {
		return nil, ErrTampered
	}
	var plain []byte
	switch env.Cipher {
	case cipherNo:
		plain = env.Plain
	case cipherGCM:
		key, err := v.keys.Get()
		if err != nil {
			return nil, fmt.Errorf("vault: %w; your data is kept as it is in %s", err, v.path())
		}
		if plain, err = unseal(key, env.Nonce, env.Data); err != nil {
			return nil, ErrTampered
		}
	default:
		return nil, ErrTampered
	}
	return decode(plain)
}

// write encodes d and replaces the file atomically.
func (v *Vault) write(d *Data, plain bool) error {
	d.Version = schemaVersion
	body, err := json.Marshal(d)
	if err != nil {
		return err
	}
	env := envelope{Format: formatTag, Cipher: cipherNo, Plain: body}
	if !plain {
		key, err := v.key()
		if err != nil {
			return err
		}
		env = envelope{Format: formatTag, Cipher: cipherGCM}
		if env.Nonce, env.Data, err = seal(key, body); err != nil {
			return err
		}
	}
	out, err := json.MarshalIndent(env, "", "  ")
	if err != nil {
		return err
	}
	if err := atomicfile.Write(v.path(), append(out, '\n'), fileMode); err != nil {
		return fmt.Errorf("vault: %w", err)
	}
	return nil
}

// key returns the key, making one when the keyring has none and no
// encrypted vault exists yet (a vault whose key is gone is never
// re-keyed over).
func (v *Vault) key() ([]byte, error) {
	key, err := v.keys.Get()
	switch {
	case err == nil:
		return key, nil
	case errors.Is(err, ErrNoKeyring):
		return nil, fmt.Errorf("vault: %w. %w", err, ErrPlainOptIn)
	case !errors.Is(err, ErrKeyMissing):
		return nil, fmt.Errorf("vault: %w", err)
	}
	if raw, rerr := os.ReadFile(v.path()); rerr == nil && !isPlain(raw) {
		return nil, fmt.Errorf("vault: %w; the encrypted vault in %s is kept untouched", ErrKeyMissing, v.path())
	}
	key = make([]byte, keyLen)
	if _, err := rand.Read(key); err != nil {
		return nil, err
	}
	if err := v.keys.Set(key); err != nil {
		return nil, fmt.Errorf("vault: store the new key: %w", err)
	}
	return key, nil
}

func isPlain(raw []byte) bool {
	var env envelope
	return json.Unmarshal(raw, &env) == nil && env.Cipher == cipherNo
}

func seal(key, plain []byte) (nonce, sealed []byte, err error) {
	aead, err := gcm(key)
	if err != nil {
		return nil, nil, err
	}
	nonce = make([]byte, aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, nil, err
	}
	return nonce, aead.Seal(nil, nonce, plain, []byte(formatTag)), nil
}

func unseal(key, nonce, sealed []byte) ([]byte, error) {
	aead, err := gcm(key)
	if err != nil {
		return nil, err
	}
	if len(nonce) != aead.NonceSize() {
		return nil, ErrTampered
	}
	return aead.Open(nil, nonce, sealed, []byte(formatTag))
}

func gcm(key []byte) (cipher.AEAD, error) {
	if len(key) != keyLen {
		return nil, ErrKeyCorrupted
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	return cipher.NewGCM(block)
}
