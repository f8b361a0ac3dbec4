package words

import (
	"testing"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// Any set of days reads as a person would say it, a run past Sunday
// included; a window past midnight is named by the nights it starts on.
func TestDaysAndSchedules(t *testing.T) {
	for _, c := range []struct{ days, want string }{
		{"mon-fri", "Mon to Fri"}, {"daily", "Every day"}, {"sat,sun", "Sat and Sun"},
		{"sun,mon,tue,wed,thu", "Sun to Thu"}, {"mon,wed,fri", "Mon, Wed and Fri"}, {"fri,sat,sun,mon", "Fri to Mon"},
		{"tue", "Tue"}, {"mon,tue,fri", "Mon, Tue and Fri"},
	} {
		d, err := api.ParseDays(c.days)
		if err != nil {
			t.Fatal(err)
		}
		if got := Days(d); got != c.want {
			t.Errorf("%s: %q, want %q", c.days, got, c.want)
		}
	}
	sun, _ := api.ParseDays("sun,mon,tue,wed,thu")
	all, _ := api.ParseDays("daily")
	for _, c := range []struct {
		sc   api.Schedule
		want string
	}{
		{api.Schedule{Days: sun, From: "22:00", To: "07:00"}, "Sun to Thu nights, 22:00 to 07:00 the next morning"},
		{api.Schedule{Days: all, From: "23:00", To: "06:00"}, "Every night, 23:00 to 06:00 the next morning"},
		{api.Schedule{Days: []string{"sat", "sun"}, From: "13:00", To: "18:00"}, "Sat and Sun, 13:00 to 18:00"},
	} {
		if got := Schedule(c.sc); got != c.want {
			t.Errorf("%+v: %q, want %q", c.sc, got, c.want)
		}
	}
}
