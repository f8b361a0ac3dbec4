package content

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
	"github.com/nocontact-app/nocontact/content/attempt"
)

// The done-when of issue 33: ten attempts in an hour across two platforms
// show no passage twice (none shares a sentence with another) while others
// fit, each with a line of ours; and the same stream picks the same way
// again (the tab and the pop-up replay it alike).
func TestTenAttemptsInAnHourRepeatNothing(t *testing.T) {
	a := MustLoad()
	start := time.Date(2026, 3, 4, 0, 30, 0, 0, time.UTC)
	var events []api.Event
	for i := range 10 {
		host := []string{"www.instagram.com", "www.tiktok.com"}[i%2]
		at := start.Add(time.Duration(i) * 5 * time.Minute)
		for j := range 3 { // a burst of three requests is one attempt
			events = append(events, api.Event{Seq: uint64(len(events) + 1), Kind: api.EventVisit, Host: host, Time: at.Add(time.Duration(j) * time.Second)})
		}
	}
	list := attempt.List(events, time.UTC)
	if len(list) != 10 {
		t.Fatalf("%d attempts, want 10", len(list))
	}
	var got []Excerpt
	lines := map[string]bool{}
	for i, at := range list {
		e := a.ForAttempt(attempt.Day(list, at), nil)
		for _, b := range got {
			if shares(e.Text, b.Text) {
				t.Errorf("attempt %d repeats %q", i+1, b.Text)
			}
		}
		if e.Reason == "" || strings.Contains(Text(), e.Reason) || strings.Contains(e.Reason, "{") {
			t.Errorf("attempt %d: our line %q", i+1, e.Reason)
		}
		if lines[e.Reason] {
			t.Errorf("attempt %d: line %q again", i+1, e.Reason)
		}
		lines[e.Reason] = true
		if again := a.ForAttempt(attempt.Day(list, at), nil); again.Text != e.Text || again.Reason != e.Reason {
			t.Errorf("attempt %d: the same stream picked %q, then %q", i+1, e.Text, again.Text)
		}
		got = append(got, e)
	}
	if !strings.Contains(strings.ToLower(got[0].Reason), "late") || !strings.Contains(got[2].Reason, "this hour") {
		t.Errorf("the lines do not say why: %q, %q", got[0].Reason, got[2].Reason)
	}
}

func shares(a, b string) bool {
	for _, s := range Sentences(a) {
		if slices.Contains(Sentences(b), s) {
			return true
		}
	}
	return false
}

// A day of more attempts than passages takes, once all are shown, the
// one shown longest ago.
func TestALongDayRepeatsTheOldestFirst(t *testing.T) {
	a := MustLoad()
	noon := time.Date(2026, 3, 4, 12, 0, 0, 0, time.UTC)
	var day []Moment
	for i := range 30 {
		day = append(day, Moment{Trigger: Visit, Host: "instagram.com", Time: noon.Add(time.Duration(i) * 2 * time.Hour / 30), AttemptsHour: 1, AttemptsToday: i + 1})
	}
	var before []Excerpt
	titles := map[string]bool{}
	for i, m := range day {
		m.Before = before
		e := a.Pick(m)
		if i < len(a.All()) {
			for _, b := range before {
				if shares(e.Text, b.Text) {
					t.Fatalf("pick %d repeats %q while others fit", i+1, b.Title)
				}
			}
		} else if !shares(e.Text, before[i-len(a.All())].Text) {
			t.Errorf("pick %d is %q, not the one shown longest ago (%q)", i+1, e.Title, before[i-len(a.All())].Title)
		}
		titles[e.Title] = true
		before = append(before, e)
	}
	if len(titles) != len(a.All()) {
		t.Errorf("a long day reached %d of %d sections", len(titles), len(a.All()))
	}
	if got := a.PickDay(day); got.Text != before[len(before)-1].Text {
		t.Errorf("PickDay = %q, want %q", got.Title, before[len(before)-1].Title)
	}
}

func TestTheMomentDecides(t *testing.T) {
	a := MustLoad()
	noon := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		m      Moment
		sit    situation
		titles []string
		hint   string
	}{
		{Moment{Trigger: Visit, Host: "www.instagram.com", Time: noon, AttemptsHour: 1, AttemptsToday: 1}, sitPlace, placeTitles[feedPlace], ""},
		{Moment{Trigger: Visit, Host: "www.tiktok.com", Time: noon, AttemptsHour: 1, AttemptsToday: 1}, sitPlace, placeTitles[videoPlace], ""},
		{Moment{Trigger: Visit, Host: "web.whatsapp.com", Time: noon, AttemptsHour: 1}, sitPlace, placeTitles[messagingPlace], ""},
		{Moment{Trigger: Visit, Host: "x.com", Time: noon.Add(11 * time.Hour), AttemptsHour: 1}, sitLate, nightTitles, ""},
		{Moment{Trigger: Visit, Host: "x.com", Time: noon, AttemptsHour: 3, AttemptsToday: 3}, sitManyHour, repeatTitles, "this hour"},
		{Moment{Trigger: Visit, Host: "x.com", Time: noon, AttemptsHour: 1, AttemptsToday: 6}, sitManyDay, repeatTitles, "today"},
		{Moment{Trigger: Visit, Host: "x.com", Time: noon, AttemptsHour: 1, AttemptsToday: 1, Quiet: 9 * 24 * time.Hour}, sitQuiet, afterQuietTitles, "9 days"},
		{Moment{Trigger: Visit, Host: "x.com", Time: noon, AttemptsHour: 1, Scheduled: true}, sitScheduled, scheduleTitles, ""},
		{Moment{Trigger: Visit, Host: "x.com", Time: noon, AttemptsHour: 1, Motives: []string{"other", "guilt"}}, sitMotive, motiveTitles["guilt"], "guilt"},
		{Moment{Trigger: Tamper, Time: noon}, sitTamper, earlyEndTitles, "If that was you"},
		{Moment{Trigger: UnlockRequested, Time: noon}, sitUnlock, earlyEndTitles, ""},
		{Moment{Trigger: SessionStarted, Time: noon}, sitStart, startTitles, ""},
		{Moment{Trigger: SessionStarted, Time: noon, Scheduled: true}, sitScheduleStart, scheduleTitles, "schedule"},
		{Moment{Trigger: EndingEarly, Time: noon}, sitEnding, pauseTitles, ""},
		{Moment{Trigger: EndConfirm, Time: noon, Seq: 1}, sitConfirm, pauseTitles, ""},
	}
	for _, tt := range tests {
		e := a.Pick(tt.m)
		if e.sit != tt.sit || !slices.Contains(tt.titles, e.Title) || !strings.Contains(e.Reason, tt.hint) {
			t.Errorf("%+v: picked %q for %s (%s), want one of %q for %s with %q", tt.m, e.Title, e.sit, e.Reason, tt.titles, tt.sit, tt.hint)
		}
		if e != a.Pick(tt.m) {
			t.Errorf("%+v: two picks differ", tt.m)
		}
	}
	ig := a.Pick(Moment{Trigger: Visit, Host: "instagram.com", Time: noon, AttemptsHour: 1, AttemptsToday: 1})
	tt := a.Pick(Moment{Trigger: Visit, Host: "tiktok.com", Time: noon, AttemptsHour: 1, AttemptsToday: 1})
	if ig.Text == tt.Text || !strings.Contains(ig.Reason+tt.Reason, "TikTok") && !strings.Contains(ig.Reason+tt.Reason, "Instagram") {
		t.Errorf("Instagram and TikTok: %q (%s) and %q (%s)", ig.Title, ig.Reason, tt.Title, tt.Reason)
	}
}

// Every title the rules name is the article's, every section and term
// has lines of its own, and every situation and place has lines.
func TestTheTablesAreWhole(t *testing.T) {
	a := MustLoad()
	lists := [][]string{earlyEndTitles, pauseTitles, startTitles, scheduleTitles, repeatTitles, nightTitles, afterQuietTitles}
	for k, l := range placeTitles {
		lists = append(lists, l)
		if len(placeLines[k]) < 2 {
			t.Errorf("place %s has %d lines", k, len(placeLines[k]))
		}
	}
	for id, l := range motiveTitles {
		lists = append(lists, l)
		if motiveWords[id] == "" {
			t.Errorf("motive %s has no words", id)
		}
	}
	for _, l := range lists {
		for _, title := range l {
			if a.Find(title) == nil {
				t.Errorf("a rule names %q, which is not in the article", title)
			}
		}
	}
	for _, s := range a.All() {
		if len(sectionLines[s.Title]) < 2 {
			t.Errorf("%q has %d lines of ours", s.Title, len(sectionLines[s.Title]))
		}
	}
	if len(sectionLines) != len(a.All()) {
		t.Errorf("%d section lines for %d sections and terms", len(sectionLines), len(a.All()))
	}
	for _, sit := range []situation{sitTamper, sitUnlock, sitEnding, sitConfirm, sitStart, sitScheduleStart, sitManyHour, sitManyDay, sitLate, sitQuiet, sitScheduled, sitMotive} {
		if len(situationLines[sit]) < 2 {
			t.Errorf("situation %s has %d lines", sit, len(situationLines[sit]))
		}
	}
}

// The tone of our lines, as far as a test can hear it: plain second
// person, no scolding or clinical words, short, whole sentences, only the
// placeholders fill knows.
func TestOurLinesAreKind(t *testing.T) {
	harsh := regexp.MustCompile(`(?i)\b(fail\w*|weak\w*|should|must|pathetic|relapse\w*|addict\w*|stalk\w*|obsess\w*|compulsive|syndrome|dopamine|cognitive|patient|symptom|again\?|hostname|session|served)\b|!`)
	placeholder := regexp.MustCompile(`\{[a-z]+\}`)
	known := map[string]bool{"{place}": true, "{nth}": true, "{quiet}": true, "{motive}": true}
	for _, l := range allLines() {
		if w := harsh.FindString(l); w != "" {
			t.Errorf("%q says %q", l, w)
		}
		for _, p := range placeholder.FindAllString(l, -1) {
			if !known[p] {
				t.Errorf("%q: unknown placeholder %s", l, p)
			}
		}
		if len(l) > 110 || !strings.HasSuffix(l, ".") || len(Sentences(l)) > 2 {
			t.Errorf("%q: not one or two short sentences", l)
		}
		if strings.Contains(Text(), l) {
			t.Errorf("%q is the article's, not ours", l)
		}
	}
}

func allLines() []string {
	var out []string
	for _, m := range []map[situation][]string{situationLines} {
		for _, l := range m {
			out = append(out, l...)
		}
	}
	for _, l := range placeLines {
		out = append(out, l...)
	}
	for _, l := range sectionLines {
		out = append(out, l...)
	}
	return out
}

func TestPlaceOf(t *testing.T) {
	for host, want := range map[string]place{
		"www.instagram.com": feedPlace, "m.facebook.com": feedPlace, "www.tiktok.com": videoPlace, "youtube.com": videoPlace,
		"x.com": postsPlace, "messenger.com": messagingPlace, "web.whatsapp.com": messagingPlace, "vsco.co": photosPlace,
		"www.linkedin.com": professionalPlace, "jane.substack.com": blogPlace, "venmo.com": moneyPlace, "janedoe.com": otherPlace, "": otherPlace,
	} {
		if got, _ := placeOf(host); got != want {
			t.Errorf("placeOf(%q) = %s, want %s", host, got, want)
		}
	}
}
