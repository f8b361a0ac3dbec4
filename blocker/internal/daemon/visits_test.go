package daemon

import (
	"crypto/tls"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/blocker/testutil"
	"github.com/nocontact-app/nocontact/content"
	"github.com/nocontact-app/nocontact/content/attempt"
)

func freePort(t testing.TB) int { return testutil.FreePort(t, "127.78.0.1") }

// newSinkholeEnv is an env whose daemon listens on free sinkhole ports.
func newSinkholeEnv(t testing.TB) *env {
	e := newEnv(t)
	e.stop()
	e.cfg.HTTPPort, e.cfg.HTTPSPort = freePort(t), freePort(t)
	e.start(t)
	return e
}

func (e *env) httpGet(t testing.TB, host, path string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", fmt.Sprintf("http://127.78.0.1:%d%s", e.cfg.HTTPPort, path), nil)
	req.Host = host
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func (e *env) visits(t testing.TB, host, scheme string) []api.Event {
	t.Helper()
	all, err := e.client.Events(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	var out []api.Event
	for _, ev := range all {
		if ev.Kind == api.EventVisit && ev.Host == host && ev.Scheme == scheme {
			out = append(out, ev)
		}
	}
	return out
}

func TestVisitsAreNoticedAndCoalesced(t *testing.T) {
	e := newSinkholeEnv(t)
	e.startSession(t, time.Hour, api.Lock{})
	if st, _ := e.client.Status(ctx); !st.Sinkhole.Listening || st.Sinkhole.Error != "" {
		t.Fatalf("sinkhole %+v", st.Sinkhole)
	}
	_, err := tls.Dial("tcp", fmt.Sprintf("127.78.0.1:%d", e.cfg.HTTPSPort), &tls.Config{ServerName: "www.instagram.com"})
	if err == nil {
		t.Fatal("TLS handshake succeeded")
	}
	waitFor(t, "an https visit", func() bool { return len(e.visits(t, "www.instagram.com", "https")) == 1 })

	code, page := e.httpGet(t, "instagram.com", "/jane.doe")
	if code != 200 || !strings.Contains(page, "You tried to open Instagram") {
		t.Fatalf("page %d %.200s", code, page)
	}
	if !containsPassage(page) {
		t.Error("the page holds no verbatim passage of the article")
	}
	for i := 0; i < 19; i++ {
		e.httpGet(t, "instagram.com", "/")
	}
	waitFor(t, "one event with a count of 20", func() bool {
		v := e.visits(t, "instagram.com", "http")
		return len(v) == 1 && v[0].Count == 20
	})
	e.httpGet(t, "unrelated.example.com", "/")
	if len(e.visits(t, "unrelated.example.com", "http")) != 0 {
		t.Error("a hit outside the session became a visit")
	}
	if st, _ := e.client.Status(ctx); st.Sinkhole.OtherHits != 1 {
		t.Errorf("other hits %d", st.Sinkhole.OtherHits)
	}
}

// containsPassage reports whether the page quotes a whole paragraph or
// sentence of the article.
func containsPassage(page string) bool {
	text := html.UnescapeString(page)
	for _, s := range content.MustLoad().All() {
		for _, p := range s.Paragraphs {
			for _, sent := range content.Sentences(p) {
				if strings.Contains(text, sent) && len(sent) > 40 {
					return true
				}
			}
		}
	}
	return false
}

func TestPageEscapesTheHost(t *testing.T) {
	e := newSinkholeEnv(t)
	e.startSession(t, time.Hour, api.Lock{})
	_, page := e.httpGet(t, `x.com"><script>alert(1)</script>`, "/")
	if strings.Contains(page, "<script>alert") {
		t.Fatal("unescaped host in the page")
	}
}

func TestSinkholePortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.78.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	e := newEnv(t)
	e.stop()
	e.cfg.HTTPSPort = ln.Addr().(*net.TCPAddr).Port
	e.cfg.HTTPPort = freePort(t)
	e.start(t)
	e.startSession(t, time.Hour, api.Lock{})
	st, _ := e.client.Status(ctx)
	if !st.Hosts.Intact || st.Sinkhole.Error == "" || !strings.Contains(st.Sinkhole.Error, "block works") {
		t.Errorf("status %+v", st.Sinkhole)
	}
}

// TestIPv6AttemptIsNoticed: the hosts file maps blocked names to "::" too;
// a browser that tries IPv6 first lands on ::1, where the sinkhole listens
// as well (issue 16.4).
func TestIPv6AttemptIsNoticed(t *testing.T) {
	e := newSinkholeEnv(t)
	if st, _ := e.client.Status(ctx); st.Sinkhole.Error != "" {
		testutil.Missing(t, "a sinkhole port is taken on this machine: %s", st.Sinkhole.Error)
	}
	e.startSession(t, time.Hour, api.Lock{})
	req, _ := http.NewRequest("GET", fmt.Sprintf("http://[::]:%d/jane.doe", e.cfg.HTTPPort), nil)
	req.Host = "www.instagram.com"
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatalf("nothing answers on [::]:%d: %v", e.cfg.HTTPPort, err)
	}
	resp.Body.Close()
	waitFor(t, "the IPv6 visit is recorded", func() bool { return len(e.visits(t, "www.instagram.com", "http")) == 1 })
}

// The page a tab is sent to for a profile names the person, and its link
// to the whole article opens the article from the sinkhole, offline.
func TestProfilePageNamesThePersonAndLinksTheArticle(t *testing.T) {
	e := newSinkholeEnv(t)
	if _, err := e.client.Start(ctx, api.StartRequest{Paths: []string{"instagram.com/jane.doe", "instagram.com/stories/jane.doe"},
		Duration: api.Duration(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/jane.doe", "/stories/jane.doe"} {
		code, page := e.httpGet(t, "127.78.0.1", "/nocontact/blocked?host=instagram.com&path="+url.QueryEscape(path))
		if code != 200 || !strings.Contains(html.UnescapeString(page), "You tried to open jane.doe\u2019s profile on Instagram") {
			t.Fatalf("%s: page %d %.300s", path, code, page)
		}
		link := fmt.Sprintf(`href="http://127.78.0.1:%d/nocontact/article"`, e.cfg.HTTPPort)
		if !strings.Contains(page, link) || strings.Contains(page, "nocontact read") {
			t.Errorf("%s: no link to the article on the sinkhole: %s", path, page)
		}
	}
	code, page := e.httpGet(t, "127.78.0.1", "/nocontact/blocked?host=instagram.com&path=/someone.else")
	if code != 200 || strings.Contains(page, "someone.else") {
		t.Errorf("a page not in the block is named: %.300s", page)
	}
	code, page = e.httpGet(t, "127.78.0.1", "/nocontact/article")
	if code != 200 || !strings.Contains(page, "Understanding Why People Break No Contact") || !containsPassage(page) {
		t.Errorf("article page %d %.200s", code, page)
	}
}

// The page in the tab and the event it records tell one story: the event
// carries the profile the tab asked for, so the user side names the same
// person with the same count (content/attempt); a burst of three
// requests is one attempt on the page too, with the same passage.
func TestThePageAndItsEventTellOneStory(t *testing.T) {
	e := newSinkholeEnv(t)
	if _, err := e.client.Start(ctx, api.StartRequest{Paths: []string{"instagram.com/jane.doe"}, Duration: api.Duration(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	var pages []string
	for range 3 {
		code, page := e.httpGet(t, "127.78.0.1", "/nocontact/blocked?host=instagram.com&path=/jane.doe")
		if code != 200 {
			t.Fatalf("page %d", code)
		}
		pages = append(pages, html.UnescapeString(page))
	}
	waitFor(t, "one visit with the profile's path", func() bool {
		v := e.visits(t, "instagram.com", "https")
		return len(v) == 1 && v[0].Count == 3 && v[0].Path == "/jane.doe"
	})
	events, _ := e.client.Events(ctx, 0)
	v := e.visits(t, "instagram.com", "https")[0]
	at, day, ok := attempt.Of(events, v.Seq, time.Local)
	if !ok {
		t.Fatal("the visit is no attempt")
	}
	ex := content.MustLoad().ForAttempt(day, nil)
	for i, page := range pages {
		for _, want := range []string{"<h1>" + at.Heading() + "</h1>", at.Count() + ".", ex.Text, ex.Reason} {
			if !strings.Contains(page, want) {
				t.Errorf("page %d does not say %q", i+1, want)
			}
		}
	}
	if at.Heading() != "You tried to open jane.doe\u2019s profile on Instagram" || at.Count() != "Your first attempt today" {
		t.Errorf("the attempt: %q, %q", at.Heading(), at.Count())
	}
}
