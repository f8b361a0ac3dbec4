package dnsfilter

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"
)

// controlD follows the Control D API reference (https://docs.controld.com/reference):
// a bearer token; answers wrapped as {"body": …, "success": true}; rule
// folders at /profiles/ID/groups; custom rules listed per folder at
// /profiles/ID/rules[/FOLDER], created by a form POST to
// /profiles/ID/rules (do=0 blocks, status=1 enables, group=FOLDER,
// hostnames[]=…), deleted by DELETE /profiles/ID/rules/NAME. A rule takes
// no comment through the API, so ours live in a folder named Mark. No
// ttl is set: the daemon lifts the rules itself. The public API has no
// query log.
type controlD struct {
	c       *conn
	profile string
	token   string
}

// Control D's rule actions.
const (
	controlDBlock   = 0
	controlDEnabled = 1
	// controlDMaxFolders bounds how many folders Denied lists.
	controlDMaxFolders = 100
)

type controlDRule struct {
	PK     string `json:"PK"`
	Group  int    `json:"group"`
	Action struct {
		Do     int `json:"do"`
		Status int `json:"status"`
	} `json:"action"`
}

type controlDFolder struct {
	PK   int    `json:"PK"`
	Name string `json:"group"`
}

func (d *controlD) req(method, path, op string) request {
	return request{method: method, path: "profiles/" + d.profile + "/" + path, op: op,
		header: http.Header{"Authorization": {"Bearer " + d.token}}}
}

// get reads a Control D answer's body into v.
func (d *controlD) get(ctx context.Context, path, op string, v any) error {
	a, err := d.c.do(ctx, d.req(http.MethodGet, path, op), http.StatusNotFound)
	if err != nil {
		return err
	}
	if a.status == http.StatusNotFound {
		return fmt.Errorf("dnsfilter: Control D has no profile %s for this token: check the profile ID (%s)", d.profile, profileHint(ControlD))
	}
	return d.body(op, a, v)
}

// body unwraps Control D's {"body", "success", "error"} answer into v.
func (d *controlD) body(op string, a answer, v any) error {
	var env struct {
		Body    json.RawMessage `json:"body"`
		Success bool            `json:"success"`
	}
	if err := d.c.decode(op, a, &env); err != nil {
		return err
	}
	if !env.Success {
		return fmt.Errorf("dnsfilter: Control D refused to %s (%s)", op, serviceMessage(a.body))
	}
	if v == nil {
		return nil
	}
	return d.c.decode(op, answer{body: env.Body}, v)
}

func (d *controlD) folders(ctx context.Context) ([]controlDFolder, error) {
	var out struct {
		Groups []controlDFolder `json:"groups"`
	}
	err := d.get(ctx, "groups", "read the rule folders", &out)
	return out.Groups, err
}

func (d *controlD) Check(ctx context.Context) error {
	_, err := d.folders(ctx)
	return err
}

// rules lists the rules of one folder (0: the profile's root).
func (d *controlD) rules(ctx context.Context, folder int) ([]controlDRule, error) {
	path := "rules"
	if folder != 0 {
		path += "/" + strconv.Itoa(folder)
	}
	var out struct {
		Rules []controlDRule `json:"rules"`
	}
	err := d.get(ctx, path, "read the custom rules", &out)
	return out.Rules, err
}

// all returns every rule by name, and our folder's PK (0 if none).
func (d *controlD) all(ctx context.Context) (map[string]controlDRule, int, error) {
	fs, err := d.folders(ctx)
	if err != nil {
		return nil, 0, err
	}
	ours := 0
	ids := []int{0}
	for i, f := range fs {
		if f.Name == Mark && ours == 0 {
			ours = f.PK
		}
		if i < controlDMaxFolders {
			ids = append(ids, f.PK)
		}
	}
	rules := make(map[string]controlDRule)
	for _, id := range ids {
		rs, err := d.rules(ctx, id)
		if err != nil {
			return nil, 0, err
		}
		for _, r := range rs {
			r.Group = id
			rules[r.PK] = r
		}
	}
	return rules, ours, nil
}

func (d *controlD) Denied(ctx context.Context) ([]Entry, error) {
	rules, ours, err := d.all(ctx)
	if err != nil {
		return nil, err
	}
	var es []Entry
	for _, r := range rules {
		if r.Action.Do == controlDBlock && r.Action.Status == controlDEnabled {
			es = append(es, Entry{Name: r.PK, Ours: ours != 0 && r.Group == ours})
		}
	}
	return sortEntries(es), nil
}

func (d *controlD) Add(ctx context.Context, names []string) error {
	if err := checkNames(names); err != nil {
		return err
	}
	rules, ours, err := d.all(ctx)
	if err != nil {
		return err
	}
	form := url.Values{"do": {strconv.Itoa(controlDBlock)}, "status": {strconv.Itoa(controlDEnabled)}}
	for _, n := range names {
		if _, ok := rules[n]; !ok { // any rule of the user's for the name is theirs to keep
			form.Add("hostnames[]", n)
		}
	}
	if len(form["hostnames[]"]) == 0 {
		return nil
	}
	if ours == 0 {
		if ours, err = d.makeFolder(ctx); err != nil {
			return err
		}
	}
	form.Set("group", strconv.Itoa(ours))
	return d.post(ctx, "rules", "add the custom rules", form, nil)
}

// makeFolder creates our rule folder and returns its PK.
func (d *controlD) makeFolder(ctx context.Context) (int, error) {
	form := url.Values{"name": {Mark}, "do": {strconv.Itoa(controlDBlock)}, "status": {strconv.Itoa(controlDEnabled)}}
	var out struct {
		Groups []controlDFolder `json:"groups"`
	}
	if err := d.post(ctx, "groups", "create the rule folder", form, &out); err != nil {
		return 0, err
	}
	if len(out.Groups) == 0 || out.Groups[0].PK == 0 {
		return 0, fmt.Errorf("dnsfilter: Control D created the rule folder %q but did not say its number", Mark)
	}
	return out.Groups[0].PK, nil
}

// post sends a form and reads the answer's body into v (if not nil).
func (d *controlD) post(ctx context.Context, path, op string, form url.Values, v any) error {
	r := d.req(http.MethodPost, path, op)
	r.body, r.ctype = []byte(form.Encode()), "application/x-www-form-urlencoded"
	a, err := d.c.do(ctx, r)
	if err != nil {
		return err
	}
	return d.body(op, a, v)
}

func (d *controlD) Remove(ctx context.Context, names []string) error {
	if err := checkNames(names); err != nil {
		return err
	}
	rules, ours, err := d.all(ctx)
	if err != nil {
		return err
	}
	for _, n := range names {
		r, ok := rules[n]
		if !ok || ours == 0 || r.Group != ours {
			continue // absent, or the user's own rule
		}
		req := d.req(http.MethodDelete, "rules/"+n, "remove the rule for "+n)
		if _, err := d.c.do(ctx, req, http.StatusNotFound); err != nil {
			return err
		}
	}
	return nil
}

// Queries answers ErrNoQueryLog: Control D's public API lists no queries.
func (d *controlD) Queries(context.Context, time.Time, []string) ([]Query, error) {
	return nil, fmt.Errorf("dnsfilter: Control D's API does not give its query log, so the phone's attempts cannot be counted: %w", ErrNoQueryLog)
}
