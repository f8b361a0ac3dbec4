package hosts

import "context"

func flushAll(ctx context.Context) []FlushStep {
	return []FlushStep{runTool(ctx, "Windows DNS client", "ipconfig", "/flushdns")}
}
