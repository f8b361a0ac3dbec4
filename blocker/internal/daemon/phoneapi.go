package daemon

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/internal/dnsfilter"
)

// Bounds on the phone's choices: a platform's names and how many
// platforms.
const (
	maxPhoneSites = 64
	maxSiteNames  = 256
)

// connectTimeout bounds checking a credential with the service.
const connectTimeout = 20 * time.Second

// connect checks the account with its service and keeps it. Another
// filter replaces this one only when nothing of ours is left on it or it
// can be taken off now, and never during a block.
func (p *phoneEnforcer) connect(ctx context.Context, req api.PhoneConnect) error {
	acct := dnsfilter.Account{Kind: dnsfilter.Kind(req.Kind), URL: req.URL, Profile: req.Profile, User: req.User, Secret: req.Secret}
	if err := acct.Validate(); err != nil {
		return api.Errorf(api.CodeInvalid, "%v", err)
	}
	ctx, cancel := context.WithTimeout(ctx, connectTimeout)
	defer cancel()
	f, err := p.newFilter(acct)
	if err == nil {
		err = f.Check(ctx)
	}
	if err != nil {
		return api.Errorf(api.CodeInvalid, "%s", phoneProblem(acct.Kind, err))
	}
	p.syncMu.Lock()
	defer p.syncMu.Unlock()
	st := p.state()
	next := phoneState{Account: acct, Choice: st.Choice, Setup: lookupSetup(ctx, f)}
	if st.connected() && sameFilter(st.Account, acct) {
		next.Ours, next.LogSince = st.Ours, st.LogSince // a new key for the same filter
	} else if len(st.Ours) > 0 {
		if p.snap().Active {
			return api.Errorf(api.CodeLocked, "the block is on %s until it ends; connect another filter after that", api.FilterKind(st.Account.Kind).Title())
		}
		if err := p.takeOff(ctx, &st); err != nil {
			return err
		}
	}
	if err := savePhone(p.path, next); err != nil {
		return fmt.Errorf("the connection could not be saved: %w", err)
	}
	p.mu.Lock()
	p.st, p.problem = next, ""
	p.mu.Unlock()
	p.log.Info("the phone's DNS filter is connected", "filter", acct.Kind)
	p.nudge()
	return nil
}

// disconnect takes our names off the filter and forgets it; during a
// block it refuses, since that would lift the block on the phone.
func (p *phoneEnforcer) disconnect(ctx context.Context) error {
	p.syncMu.Lock()
	defer p.syncMu.Unlock()
	st := p.state()
	if !st.connected() {
		return nil
	}
	if p.snap().Active {
		return api.Errorf(api.CodeLocked, "the phone stays connected until the block ends; disconnect after that")
	}
	ctx, cancel := context.WithTimeout(ctx, connectTimeout)
	defer cancel()
	if err := p.takeOff(ctx, &st); err != nil {
		return err
	}
	if err := savePhone(p.path, phoneState{}); err != nil {
		return err
	}
	p.mu.Lock()
	p.st, p.problem = phoneState{}, ""
	p.mu.Unlock()
	p.log.Info("the phone's DNS filter is disconnected")
	return nil
}

// takeOff removes every name of ours from the filter of st.
func (p *phoneEnforcer) takeOff(ctx context.Context, st *phoneState) error {
	if len(st.Ours) == 0 {
		return nil
	}
	f, err := p.newFilter(st.Account)
	if err == nil {
		err = f.Remove(ctx, st.Ours)
	}
	if err != nil {
		return api.Errorf(api.CodeLocked, "%s Nothing was forgotten: try again when it answers.", phoneProblem(st.Account.Kind, err))
	}
	return p.keep(st, nil)
}

// lookupSetup asks the service for the phone's set-up where only it
// knows (Control D's endpoints); nil elsewhere, or when it cannot tell
// (the set-up then says where the dashboard has it).
func lookupSetup(ctx context.Context, f dnsfilter.Filter) *dnsfilter.PhoneSetup {
	l, ok := f.(dnsfilter.SetupLooker)
	if !ok {
		return nil
	}
	s, err := l.LookupSetup(ctx)
	if err != nil {
		return nil
	}
	return &s
}

func sameFilter(a, b dnsfilter.Account) bool {
	return a.Kind == b.Kind && a.URL == b.URL && a.Profile == b.Profile
}

// choose keeps the person's answers for platforms the filter can only
// block whole. During a block a platform taken out stays on the filter
// until the block ends (what is ours only grows then).
func (p *phoneEnforcer) choose(c api.PhoneChoice) error {
	if err := checkChoice(&c); err != nil {
		return err
	}
	p.syncMu.Lock()
	defer p.syncMu.Unlock()
	next := p.state()
	if !next.connected() {
		return api.Errorf(api.CodeInvalid, "connect the phone's DNS filter first")
	}
	next.Choice = c
	if err := savePhone(p.path, next); err != nil {
		return err
	}
	p.mu.Lock()
	p.st.Choice = c
	p.mu.Unlock()
	p.nudge()
	return nil
}

// checkChoice validates and normalises every name of c.
func checkChoice(c *api.PhoneChoice) error {
	if len(c.Whole)+len(c.Nothing) > maxPhoneSites {
		return api.Errorf(api.CodeInvalid, "at most %d platforms", maxPhoneSites)
	}
	for i, s := range c.Whole {
		if s.Title == "" || len(s.Names) == 0 || len(s.Names) > maxSiteNames {
			return api.Errorf(api.CodeInvalid, "each platform needs its name and between 1 and %d names", maxSiteNames)
		}
		names, err := api.NormalizeHostnames(s.Names)
		if err != nil {
			return api.Errorf(api.CodeInvalid, "%v", err)
		}
		c.Whole[i].Names = names
	}
	return nil
}

// status is the connection as the window shows it; never the secret.
func (p *phoneEnforcer) status() api.PhoneStatus {
	p.mu.Lock()
	defer p.mu.Unlock()
	st := api.PhoneStatus{Problem: p.problem, LastSync: p.lastSync, Choice: p.st.Choice}
	if !p.st.connected() {
		return st
	}
	a := p.st.Account
	setup := dnsfilter.Setup(a)
	if p.st.Setup != nil {
		setup = *p.st.Setup
	}
	st.Connected, st.Kind, st.URL, st.Profile, st.User = true, api.FilterKind(a.Kind), a.URL, a.Profile, a.User
	st.Setup = api.PhoneSetup{PrivateDNS: setup.PrivateDNS, AppleProfile: setup.AppleProfile, Home: setup.Home, Note: setup.Note}
	st.Published = slices.Clone(p.st.Ours)
	st.Pending = len(p.st.Ours) > 0 && !p.snap().Active
	st.QueryLog = a.Kind.ReadsQueryLog()
	return st
}

func (a handlers) handlePhone(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, a.d.phone.status())
}

func (a handlers) handlePhoneConnect(w http.ResponseWriter, r *http.Request) {
	var req api.PhoneConnect
	if err := decode(w, r, &req); err != nil {
		writeError(w, err)
		return
	}
	if err := a.d.phone.connect(r.Context(), req); err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, a.d.phone.status())
}

func (a handlers) handlePhoneDisconnect(w http.ResponseWriter, r *http.Request) {
	if err := a.d.phone.disconnect(r.Context()); err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, a.d.phone.status())
}

func (a handlers) handlePhoneChoice(w http.ResponseWriter, r *http.Request) {
	var c api.PhoneChoice
	if err := decode(w, r, &c); err != nil {
		writeError(w, err)
		return
	}
	if err := a.d.phone.choose(c); err != nil {
		writeError(w, err)
		return
	}
	writeJSON(w, http.StatusOK, a.d.phone.status())
}
