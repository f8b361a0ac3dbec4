package vault

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/zalando/go-keyring"
)

// The key's place in the OS keyring.
const (
	keyringService = "nocontact"
	keyringUser    = "vault-key"
	keyringTimeout = 5 * time.Second
)

// Errors about the key, in words a person can act on.
var (
	ErrKeyMissing   = errors.New("the vault's key is not in the keyring")
	ErrNoKeyring    = errors.New("no keyring is available (no Secret Service is running, or no Credential Manager for this account)")
	ErrKeyringLock  = errors.New("the keyring is locked: unlock it (log in to the desktop, or open Passwords and Keys) and try again")
	ErrKeyringDeny  = errors.New("access to the keyring was denied")
	ErrKeyringSlow  = errors.New("the keyring did not answer within 5 seconds (a locked keyring may be waiting for a password prompt)")
	ErrKeyCorrupted = errors.New("the key in the keyring is damaged")
)

// KeyStore keeps the vault's key.
type KeyStore interface {
	Get() ([]byte, error) // ErrKeyMissing when there is none
	Set(key []byte) error
}

// Keyring is the KeyStore of the OS keyring (Secret Service, Keychain,
// Credential Manager), every call bounded by a timeout.
type Keyring struct{}

// Get reads the key.
func (Keyring) Get() ([]byte, error) {
	var s string
	err := withTimeout(func() (err error) { s, err = keyring.Get(keyringService, keyringUser); return })
	if err != nil {
		return nil, err
	}
	key, err := base64.StdEncoding.DecodeString(s)
	if err != nil || len(key) != keyLen {
		return nil, ErrKeyCorrupted
	}
	return key, nil
}

// Set stores the key.
func (Keyring) Set(key []byte) error {
	return withTimeout(func() error {
		return keyring.Set(keyringService, keyringUser, base64.StdEncoding.EncodeToString(key))
	})
}

// withTimeout runs a keyring call off the caller's goroutine and turns its
// raw errors into clear ones. A call that times out is left to finish on
// its own.
func withTimeout(call func() error) error {
	ctx, cancel := context.WithTimeout(context.Background(), keyringTimeout)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- call() }()
	select {
	case err := <-done:
		return keyringError(err)
	case <-ctx.Done():
		return ErrKeyringSlow
	}
}

// keyringError maps go-keyring's, D-Bus's and Windows' errors.
func keyringError(err error) error {
	if err == nil {
		return nil
	}
	if mapped := platformKeyringError(err); mapped != nil {
		return mapped
	}
	msg := err.Error()
	switch {
	case errors.Is(err, keyring.ErrNotFound):
		return ErrKeyMissing
	case strings.Contains(msg, "ServiceUnknown"), strings.Contains(msg, "org.freedesktop.secrets was not provided"),
		strings.Contains(msg, "dbus: couldn't determine address"), strings.Contains(msg, "no such file or directory"),
		strings.Contains(msg, "connection refused"), strings.Contains(msg, "exec: \"dbus-launch\""):
		return fmt.Errorf("%w: %v", ErrNoKeyring, err)
	case strings.Contains(strings.ToLower(msg), "locked"), strings.Contains(msg, "failed to unlock"):
		return fmt.Errorf("%w: %v", ErrKeyringLock, err)
	case strings.Contains(msg, "AccessDenied"), strings.Contains(strings.ToLower(msg), "dismissed"):
		return fmt.Errorf("%w: %v", ErrKeyringDeny, err)
	}
	return fmt.Errorf("keyring: %w", err)
}
