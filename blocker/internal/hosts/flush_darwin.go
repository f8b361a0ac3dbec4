package hosts

import "context"

func flushAll(ctx context.Context) []FlushStep {
	return []FlushStep{
		runTool(ctx, "Directory Service cache", "dscacheutil", "-flushcache"),
		runTool(ctx, "mDNSResponder", "killall", "-HUP", "mDNSResponder"),
	}
}
