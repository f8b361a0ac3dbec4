package dnsfilter

import (
	"slices"
	"strings"
	"testing"
)

// The user's list as typed: comments of both kinds, blank lines, spaces,
// exceptions, their own deny rules and rules of other forms.
var userRules = []string{
	"! my rules",
	"# also a comment",
	"",
	"||ads.example^",
	"  ||spaced.example^  ",
	"@@||allowed.example^",
	"/regex[0-9]+/",
	"||mine.example^$important",
	"127.0.0.1 hosts.example",
	"",
	"||own.example^",
}

func TestAGAddThenRemoveGivesTheListBack(t *testing.T) {
	added, changed := addAG(userRules, []string{"instagram.com", "own.example", "www.instagram.com"})
	if !changed {
		t.Fatal("addAG reported no change")
	}
	want := append(slices.Clone(userRules), agBegin, "||instagram.com^", "||www.instagram.com^", agEnd)
	if !slices.Equal(added, want) {
		t.Fatalf("after addAG:\n%q\nwant\n%q", added, want)
	}
	if again, changed := addAG(added, []string{"instagram.com"}); changed {
		t.Errorf("adding a name already ours changed the list: %q", again)
	}
	removed, changed := removeAG(added, []string{"instagram.com", "www.instagram.com", "own.example", "ads.example"})
	if !changed || !slices.Equal(removed, userRules) {
		t.Errorf("after removeAG:\n%q\nwant the user's list byte for byte\n%q", removed, userRules)
	}
}

func TestAGKeepsLinesAfterOurBlock(t *testing.T) {
	rules := append(slices.Clone(userRules[:3]), agBegin, "||a.example^", agEnd, "||later.example^", "! added later")
	got, _ := removeAG(rules, []string{"a.example"})
	want := append(slices.Clone(userRules[:3]), "||later.example^", "! added later")
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
	got, _ = addAG(rules, []string{"b.example", "later.example"})
	want = append(slices.Clone(userRules[:3]), agBegin, "||a.example^", "||b.example^", agEnd, "||later.example^", "! added later")
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q (b.example into our block, later.example is the user's)", got, want)
	}
}

func TestAGKeepsStrangeLinesInsideOurBlock(t *testing.T) {
	rules := []string{agBegin, "||a.example^", "! a note typed into our block", agEnd}
	got, _ := removeAG(rules, []string{"a.example"})
	want := []string{agBegin, "! a note typed into our block", agEnd}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestAGEndDeletedByHand(t *testing.T) {
	rules := []string{"||own.example^", agBegin, "||a.example^"}
	got, _ := addAG(rules, []string{"b.example"})
	want := []string{"||own.example^", agBegin, "||a.example^", "||b.example^", agEnd}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestAGRemoveAbsentChangesNothing(t *testing.T) {
	if got, changed := removeAG(userRules, []string{"own.example", "never.example"}); changed {
		t.Errorf("removeAG of names not ours changed the list to %q", got)
	}
}

func TestAGDenyName(t *testing.T) {
	for line, want := range map[string]string{
		"||a.example^": "a.example", "||a.example^$important": "", "@@||a.example^": "",
		"||^": "", "||a.example": "", "|a.example^": "", "||*.a.example^": "", " ||a.example^": "",
	} {
		got, ok := agDenyName(line)
		if got != want || ok != (want != "") {
			t.Errorf("agDenyName(%q) = %q, %v; want %q", line, got, ok, want)
		}
	}
}

// FuzzAGRoundTrip: adding names and removing them again gives back any
// list that had no block of ours.
func FuzzAGRoundTrip(f *testing.F) {
	f.Add(strings.Join(userRules, "\n"), "a.example b.example")
	f.Add("", "x.example")
	f.Add("||a.example^\n\n! c", "a.example")
	f.Fuzz(func(t *testing.T, list, names string) {
		rules := strings.Split(list, "\n")
		if slices.Contains(rules, agBegin) || slices.Contains(rules, agEnd) {
			return
		}
		ns := strings.Fields(names)
		if checkNames(ns) != nil {
			return // Add and Remove refuse them before any edit
		}
		added, changed := addAG(rules, ns)
		if !changed {
			added = rules
		}
		back, changed := removeAG(added, ns)
		if !changed {
			back = added
		}
		if !slices.Equal(back, rules) {
			t.Errorf("round trip of %q with %q gave %q", rules, ns, back)
		}
	})
}
