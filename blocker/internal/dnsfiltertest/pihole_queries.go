package dnsfiltertest

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// queries answers as FTL does: newest first; "from"/"until" in Unix
// seconds; "domain" with "*" as a wildcard; "upstream=blocklist" for the
// blocked queries only; "length", and "cursor" (the
// newest id to show) with "start" (an offset) for the next pages.
func (b *phBackend) queries(w http.ResponseWriter, q url.Values) {
	from, _ := strconv.ParseFloat(q.Get("from"), 64)
	until, _ := strconv.ParseFloat(q.Get("until"), 64)
	length, start, cursor := 100, 0, len(b.log)
	if n, err := strconv.Atoi(q.Get("length")); err == nil {
		length = n
	}
	if n, err := strconv.Atoi(q.Get("start")); err == nil {
		start = n
	}
	if n, err := strconv.Atoi(q.Get("cursor")); err == nil {
		cursor = n
	}
	var matched []map[string]any
	for id := min(cursor, len(b.log)); id >= 1; id-- {
		l := b.log[id-1]
		ts := float64(l.at.UnixNano()) / 1e9
		if (from > 0 && ts < from) || (until > 0 && ts >= until) || !wildcard(q.Get("domain"), l.name) ||
			q.Get("upstream") == "blocklist" && !l.blocked {
			continue
		}
		matched = append(matched, b.entry(id, l, ts))
	}
	page := []map[string]any{}
	if start < len(matched) {
		page = matched[start:min(len(matched), start+length)]
	}
	writeJSON(w, http.StatusOK, map[string]any{"queries": page, "cursor": cursor, "recordsTotal": len(b.log),
		"recordsFiltered": len(matched), "draw": 0, "took": 0.001})
}

func (b *phBackend) entry(id int, l logged, ts float64) map[string]any {
	addr, name := l.clientAddr()
	var clientName any
	if name != "" {
		clientName = name
	}
	status := "FORWARDED"
	if l.blocked {
		status = "DENYLIST"
	}
	return map[string]any{"id": id, "time": ts, "type": "A", "domain": l.name, "cname": nil, "status": status,
		"client": map[string]any{"ip": addr, "name": clientName}, "dnssec": "UNKNOWN",
		"reply": map[string]any{"type": "IP", "time": 0.5}, "list_id": nil, "upstream": nil,
		"ede": map[string]any{"code": 0, "text": nil}}
}

// wildcard matches name against an FTL filter where "*" stands for any
// characters; no filter matches everything.
func wildcard(pattern, name string) bool {
	if pattern == "" {
		return true
	}
	if !strings.Contains(pattern, "*") {
		return pattern == name
	}
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(name, parts[0]) {
		return false
	}
	rest := name[len(parts[0]):]
	for i, p := range parts[1:] {
		if i == len(parts)-2 {
			return strings.HasSuffix(rest, p)
		}
		j := strings.Index(rest, p)
		if j < 0 {
			return false
		}
		rest = rest[j+len(p):]
	}
	return true
}
