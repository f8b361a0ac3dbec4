package hosts

import "context"

func prepareFlush() func(context.Context) []FlushStep { return flushAll }

func flushAll(ctx context.Context) []FlushStep {
	return []FlushStep{runTool(ctx, "Windows DNS client", "ipconfig", "/flushdns")}
}
