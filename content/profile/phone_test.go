package profile

import "testing"

func TestProfileOnlyNamesEachPlatformBlockedByProfileOnce(t *testing.T) {
	ps := []Profile{
		{Platform: "instagram", Handle: "jane.doe", Scope: ScopePlatform, Reach: ReachProfile},
		{Platform: "instagram", Handle: "other", Scope: ScopePlatform, Reach: ReachProfile},
		{Platform: "tiktok", Handle: "jane", Scope: ScopePlatform, Reach: ReachPlatform},
	}
	got := ProfileOnly(ps)
	if len(got) != 1 || got[0].ID != "instagram" {
		t.Fatalf("ProfileOnly = %v, want only Instagram (TikTok is blocked whole already)", got)
	}
	if len(got[0].Hosts) == 0 {
		t.Error("Instagram has no hosts to block whole on the phone")
	}
}
