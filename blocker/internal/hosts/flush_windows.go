package hosts

import (
	"context"
	"errors"

	"golang.org/x/sys/windows"
)

// dnsFlushResolverCache is what `ipconfig /flushdns` calls: it tells the
// DNS Client service to drop its cache, hosts-file answers included.
var dnsFlushResolverCache = windows.NewLazySystemDLL("dnsapi.dll").NewProc("DnsFlushResolverCache")

func prepareFlush() func(context.Context) []FlushStep { return flushAll }

func flushAll(context.Context) []FlushStep {
	step := FlushStep{Cache: "Windows DNS client"}
	if err := dnsFlushResolverCache.Find(); err != nil {
		step.Skipped = "dnsapi.dll has no DnsFlushResolverCache"
		return []FlushStep{step}
	}
	ok, _, err := dnsFlushResolverCache.Call()
	switch {
	case ok != 0:
		step.Done = true
	case errors.Is(err, windows.ERROR_SUCCESS):
		step.Err = errors.New("DnsFlushResolverCache failed")
	default:
		step.Err = err
	}
	return []FlushStep{step}
}
