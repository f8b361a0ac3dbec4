/* bcryptprimitives.c: the one function of Windows' bcryptprimitives.dll
 * that every Go 1.22+ Windows program calls at start (ProcessPrng), which
 * Debian 12's Wine 8.0 lacks. Built with mingw-w64 by
 * scripts/test-windows.sh into the test Wine prefix only; it fills the
 * buffer through RtlGenRandom (SystemFunction036 in advapi32), as Wine's
 * own later versions do. Never shipped. */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T len)
{
	while (len > 0) {
		ULONG chunk = len > 0x7fffffff ? 0x7fffffff : (ULONG)len;
		if (!SystemFunction036(data, chunk))
			return FALSE;
		data += chunk;
		len -= chunk;
	}
	return TRUE;
}
