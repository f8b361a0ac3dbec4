package profile

import "testing"

func TestLookAlike(t *testing.T) {
	for _, tc := range []struct{ in, want, fixed string }{
		{"instagam.com", "Instagram", "instagram.com"},
		{"https://www.instagarm.com/jane.doe/", "Instagram", "https://www.instagram.com/jane.doe/"},
		{"faceboook.com", "Facebook", "facebook.com"},
		{"tiktk.com", "TikTok", "tiktok.com"},
		{"instagram.com/jane.doe", "", ""},
		{"example.com", "", ""},
		{"janedoe.com", "", ""},
		{"xx.com", "", ""}, // short names are near everything
		{"jane.substack.com", "", ""},
	} {
		p, err := Parse(tc.in)
		if err != nil {
			t.Fatalf("Parse(%q): %v", tc.in, err)
		}
		l, ok := p.LookAlike()
		if got := ""; ok {
			got = l.Platform.Name
			if got != tc.want || l.Fix(tc.in) != tc.fixed {
				t.Errorf("%q: looks like %q, fixed %q; want %q, %q", tc.in, got, l.Fix(tc.in), tc.want, tc.fixed)
			}
		} else if tc.want != "" {
			t.Errorf("%q: no look-alike; want %s", tc.in, tc.want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{{"instagram", "instagram", 0}, {"instagam", "instagram", 1}, {"isntagram", "instagram", 1}, {"", "abc", 3}, {"kitten", "sitting", 3}} {
		if got := editDistance(tc.a, tc.b); got != tc.want {
			t.Errorf("editDistance(%q, %q) = %d; want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestParseRepairsAHandTypedScheme(t *testing.T) {
	for _, in := range []string{"https//www.instagram.com/jane.doe/", "https:/www.instagram.com/jane.doe/", "HTTPS:///www.instagram.com/jane.doe/"} {
		if p, err := Parse(in); err != nil || p.ID() != "instagram:jane.doe" {
			t.Errorf("Parse(%q) = %v, %v; want instagram:jane.doe", in, p.ID(), err)
		}
	}
}
