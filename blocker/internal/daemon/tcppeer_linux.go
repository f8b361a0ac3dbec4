package daemon

import (
	"bufio"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"net/netip"
	"os"
	"strconv"
	"strings"
)

// tcpPeerUID returns the uid of the process on this computer whose TCP
// socket is the far end (remote) of a connection accepted on local, as
// the kernel lists sockets in /proc/net/tcp and tcp6: the row whose local
// address is remote and whose far address is local.
func tcpPeerUID(local, remote netip.AddrPort) (int, error) {
	local, remote = unmap(local), unmap(remote)
	file := "/proc/net/tcp"
	if remote.Addr().Is6() {
		file = "/proc/net/tcp6"
	}
	f, err := os.Open(file)
	if err != nil {
		return -1, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Scan() // the heading
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 8 {
			continue
		}
		a, err1 := procAddr(fields[1])
		b, err2 := procAddr(fields[2])
		if err1 != nil || err2 != nil || a != remote || b != local {
			continue
		}
		uid, err := strconv.Atoi(fields[7])
		if err != nil {
			return -1, err
		}
		return uid, nil
	}
	if err := sc.Err(); err != nil {
		return -1, err
	}
	return -1, fmt.Errorf("daemon: tcp peer of %s: no such connection in %s", remote, file)
}

func unmap(a netip.AddrPort) netip.AddrPort {
	return netip.AddrPortFrom(a.Addr().Unmap(), a.Port())
}

// procAddr reads an address as /proc/net/tcp writes it: "0100007F:0050"
// (the address in the host's byte order, 32 bits at a time, then the
// port in hex).
func procAddr(s string) (netip.AddrPort, error) {
	h, p, ok := strings.Cut(s, ":")
	raw, err := hex.DecodeString(h)
	port, perr := strconv.ParseUint(p, 16, 16)
	if !ok || err != nil || perr != nil || (len(raw) != 4 && len(raw) != 16) {
		return netip.AddrPort{}, fmt.Errorf("daemon: %q in /proc/net/tcp is not an address", s)
	}
	for i := 0; i < len(raw); i += 4 { // each word from the host's order
		binary.BigEndian.PutUint32(raw[i:], binary.NativeEndian.Uint32(raw[i:]))
	}
	addr, _ := netip.AddrFromSlice(raw)
	return netip.AddrPortFrom(addr.Unmap(), uint16(port)), nil
}
