package dnsfilter_test

import (
	"bytes"
	"errors"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/internal/dnsfilter"
	"github.com/nocontact-app/nocontact/blocker/internal/dnsfiltertest"
)

// No error from any call, with the right secret, a wrong one or an
// outage, carries the secret; nor does logging those errors.
func TestErrorsNeverCarryTheSecret(t *testing.T) {
	each(t, func(t *testing.T, fake *dnsfiltertest.Fake, f dnsfilter.Filter) {
		wrong := fake.Account
		wrong.Secret = "wrong-" + fake.Account.Secret
		var logged bytes.Buffer
		log := slog.New(slog.NewTextHandler(&logged, &slog.HandlerOptions{Level: slog.LevelDebug}))
		var errs []error
		for _, g := range []dnsfilter.Filter{f, open(t, wrong)} {
			for _, down := range []bool{false, true} {
				fake.SetDown(down)
				errs = append(errs, calls(t, g)...)
			}
		}
		fake.SetDown(false)
		for _, err := range errs {
			log.Error("filter", "err", err, "account", fake.Account)
			if strings.Contains(err.Error(), fake.Account.Secret) {
				t.Errorf("an error carries the secret: %v", err)
			}
		}
		if strings.Contains(logged.String(), fake.Account.Secret) {
			t.Errorf("the log carries the secret:\n%s", logged.String())
		}
		if len(errs) < 8 {
			t.Errorf("only %d errors were checked; the wrong secret and the outage should give more", len(errs))
		}
	})
}

// calls makes every call of g, including a refused name, and returns
// the errors.
func calls(t *testing.T, g dnsfilter.Filter) []error {
	var errs []error
	keep := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	keep(g.Check(ctx(t)))
	_, err := g.Denied(ctx(t))
	keep(err)
	keep(g.Add(ctx(t), []string{"a.example"}))
	keep(g.Add(ctx(t), []string{"Not A Name"}))
	keep(g.Remove(ctx(t), []string{"a.example"}))
	_, err = g.Queries(ctx(t), time.Now().Add(-time.Hour), []string{"a.example"})
	if !errors.Is(err, dnsfilter.ErrNoQueryLog) {
		keep(err)
	}
	return errs
}
