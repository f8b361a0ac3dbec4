package hosts

import "context"

func prepareFlush() func(context.Context) []FlushStep { return flushAll }

func flushAll(ctx context.Context) []FlushStep {
	return []FlushStep{
		runTool(ctx, "Directory Service cache", "dscacheutil", "-flushcache"),
		runTool(ctx, "mDNSResponder", "killall", "-HUP", "mDNSResponder"),
	}
}
