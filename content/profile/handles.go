package profile

import (
	"slices"
	"strings"
)

// Handle extractors: each reads the path segments (and query) of a link
// to a platform and returns the handle, or false when the link names none.

func firstSegment(reserved ...string) func([]string, map[string][]string) (string, bool) {
	return func(segs []string, _ map[string][]string) (string, bool) {
		if len(segs) == 0 || slices.Contains(reserved, strings.ToLower(segs[0])) {
			if len(segs) > 1 && strings.EqualFold(segs[0], "stories") {
				return strings.TrimPrefix(segs[1], "@"), true // instagram.com/stories/NAME/...
			}
			return "", false
		}
		return strings.TrimPrefix(segs[0], "@"), true
	}
}

// afterSegment reads NAME from /<prefix>/NAME; with orFirst also /NAME.
func afterSegment(prefix string, orFirst bool) func([]string, map[string][]string) (string, bool) {
	return func(segs []string, _ map[string][]string) (string, bool) {
		switch {
		case len(segs) >= 2 && strings.EqualFold(segs[0], prefix):
			return strings.TrimPrefix(segs[1], "@"), true
		case orFirst && len(segs) >= 1 && !strings.EqualFold(segs[0], prefix):
			return segs[0], true
		}
		return "", false
	}
}

// atSegment reads NAME from /@NAME.
func atSegment(segs []string, _ map[string][]string) (string, bool) {
	if len(segs) > 0 && strings.HasPrefix(segs[0], "@") && len(segs[0]) > 1 {
		return segs[0][1:], true
	}
	return "", false
}

func facebookHandle(segs []string, q map[string][]string) (string, bool) {
	switch {
	case len(segs) == 1 && segs[0] == "profile.php" && len(q["id"]) > 0:
		return q["id"][0], true
	case len(segs) >= 3 && segs[0] == "people":
		return segs[2], true
	}
	return firstSegment("profile.php", "people", "groups", "pages", "watch", "marketplace", "events", "login", "home.php", "share", "story.php", "photo.php", "reel")(segs, q)
}

func redditHandle(segs []string, _ map[string][]string) (string, bool) {
	if len(segs) >= 2 && (segs[0] == "u" || segs[0] == "user") {
		return segs[1], true
	}
	return "", false
}

func youtubeHandle(segs []string, _ map[string][]string) (string, bool) {
	switch {
	case len(segs) >= 1 && strings.HasPrefix(segs[0], "@"):
		return segs[0][1:], true
	case len(segs) >= 2 && (segs[0] == "c" || segs[0] == "user" || segs[0] == "channel"):
		return segs[1], true
	}
	return "", false
}

func venmoHandle(segs []string, q map[string][]string) (string, bool) {
	if len(segs) >= 2 && segs[0] == "u" {
		return segs[1], true
	}
	return firstSegment("u", "signup", "account", "about", "legal", "pay")(segs, q)
}
