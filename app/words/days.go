package words

import (
	"fmt"
	"slices"
	"strings"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// weekOrder is the week as a person reads it, Monday first; a run of days
// may wrap past Sunday ("Sun to Thu").
var weekOrder = []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}

// DayName is a day's short name for a person: "Mon".
func DayName(d string) string { return strings.ToUpper(d[:1]) + d[1:] }

// Days says a set of days ("mon".."sun") as a person would: "Every day",
// "Mon to Fri", "Sun to Thu", "Sat and Sun", "Mon, Wed and Fri".
func Days(days []string) string {
	if len(days) == 7 {
		return "Every day"
	}
	in := func(i int) bool { return slices.Contains(days, weekOrder[(i+7)%7]) }
	start := -1
	for i := range weekOrder { // a day chosen whose day before is not: where runs begin
		if in(i) && !in(i-1) {
			start = i
			break
		}
	}
	if start < 0 {
		return "No day"
	}
	var parts []string
	for i := start; i < start+7; i++ {
		if !in(i) {
			continue
		}
		j := i
		for j+1 < start+7 && in(j+1) {
			j++
		}
		first, last := DayName(weekOrder[i%7]), DayName(weekOrder[j%7])
		switch j - i {
		case 0:
			parts = append(parts, first)
		case 1:
			parts = append(parts, first, last)
		default:
			parts = append(parts, first+" to "+last)
		}
		i = j
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
}

// Schedule says when a schedule runs, a window past midnight named by the
// nights it starts on: "Sun to Thu nights, 22:00 to 07:00 the next
// morning"; "Sat and Sun, 13:00 to 18:00".
func Schedule(sc api.Schedule) string {
	from, errF := api.ParseClock(sc.From)
	to, errT := api.ParseClock(sc.To)
	switch {
	case errF == nil && errT == nil && to <= from && len(sc.Days) == 7:
		return fmt.Sprintf("Every night, %s to %s the next morning", sc.From, sc.To)
	case errF == nil && errT == nil && to <= from:
		return fmt.Sprintf("%s nights, %s to %s the next morning", Days(sc.Days), sc.From, sc.To)
	}
	return fmt.Sprintf("%s, %s to %s", Days(sc.Days), sc.From, sc.To)
}
