// Package dnsfilter: the lead's placeholder of the interface, replaced by the real package at merge.
package dnsfilter

import (
	"context"
	"errors"
	"net/http"
	"time"
)

type Kind string

const (
	NextDNS     Kind = "nextdns"
	ControlD    Kind = "controld"
	PiHole      Kind = "pihole"
	AdGuardHome Kind = "adguardhome"
)

type Account struct {
	Kind    Kind   `json:"kind"`
	URL     string `json:"url,omitempty"`
	Profile string `json:"profile,omitempty"`
	User    string `json:"user,omitempty"`
	Secret  string `json:"secret,omitempty"`
}

func (a Account) Validate() error  { return nil }
func (a Account) Public() Account  { a.Secret = ""; return a }
func (a Account) String() string   { return string(a.Kind) }

type Filter interface {
	Check(ctx context.Context) error
	Denied(ctx context.Context) ([]Entry, error)
	Add(ctx context.Context, names []string) error
	Remove(ctx context.Context, names []string) error
	Queries(ctx context.Context, since time.Time, names []string) ([]Query, error)
}
type Entry struct {
	Name string
	Ours bool
}
type Query struct {
	Time   time.Time
	Name   string
	Client string
}

var ErrUnauthorized, ErrUnreachable, ErrNoQueryLog = errors.New("u"), errors.New("r"), errors.New("n")

func New(a Account, hc *http.Client) (Filter, error) { return nil, errors.New("stub") }

type PhoneSetup struct{ PrivateDNS, AppleProfile, Home string }

func Setup(a Account) PhoneSetup { return PhoneSetup{} }
