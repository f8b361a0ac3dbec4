package hosts

import (
	"strings"
	"testing"
)

func TestAudit(t *testing.T) {
	names := []string{"instagram.com", "www.instagram.com"}
	section := sec("\n", names...)
	const okNSS = "passwd: files\nhosts:          files mdns4_minimal [NOTFOUND=return] dns myhostname\n"
	tests := []struct {
		name                 string
		hosts, nss, hostConf string
		want                 string // a phrase of the one finding; "" none
	}{
		{"a plain machine", "127.0.0.1 localhost\n" + section, okNSS, "multi on\n", ""},
		{"no nsswitch.conf at all", section, "", "", ""},
		{"blocklists mapping to 0.0.0.0 are fine", "0.0.0.0 instagram.com\n" + section, okNSS, "", ""},
		{"hosts: dns", section, "hosts: dns\n", "", "no longer reads the hosts file"},
		{"hosts: resolve before files", section, "hosts: resolve [!UNAVAIL=return] files\n", "", "asks DNS before"},
		{"commented-out files does not count", section, "hosts: dns # files\n", "", "no longer reads"},
		{"a real address above the section", "157.240.1.1 Instagram.com.\n" + section, okNSS, "", "gives a blocked name another address"},
		{"another loopback address above the section", "127.0.0.5 instagram.com\n" + section, okNSS, "", "gives a blocked name another address"},
		{"a second hosts: line wins", section, okNSS + "hosts: dns files\n", "", "asks DNS before"},
		{"an earlier bad hosts: line is overridden", section, "hosts: dns\n" + okNSS, "", ""},
		{"SUCCESS=continue after files", section, "hosts: files [SUCCESS=continue] dns\n", "", "goes on to DNS even when the hosts file answers"},
		{"!NOTFOUND=continue after files", section, "hosts: files [!NOTFOUND=continue] dns\n", "", "goes on to DNS"},
		{"two criteria in one bracket", section, "hosts: files [NOTFOUND=return success=continue] dns\n", "", "goes on to DNS"},
		{"NOTFOUND=continue is fine", section, "hosts: files [NOTFOUND=continue] dns\n", "", ""},
		// Issue 29.5: every spelling glibc reads.
		{"no blank after the colon", section, "hosts:dns files\n", "", "asks DNS before"},
		{"a blank before the colon", section, "hosts :dns\n", "", "no longer reads"},
		{"blanks inside the brackets", section, "hosts: files [SUCCESS = continue] dns\n", "", "goes on to DNS"},
		{"a tab and blanks after !", section, "hosts: files\t[ ! NOTFOUND= continue ] dns\n", "", "goes on to DNS"},
		{"no blank before the bracket", section, "hosts: files[SUCCESS=continue] dns\n", "", "goes on to DNS"},
		{"FILES is not the files service", section, "hosts: FILES dns\n", "", "no longer reads"},
		{"no blank after the colon, sound", section, "hosts:files dns\n", "", ""},
		{"no colon at all", section, "hosts dns files\n", "", "asks DNS before"},
		{"with multi off", "157.240.1.1 www.instagram.com\n" + section, okNSS, "order hosts,bind\nmulti off\n", "the only answer"},
		{"other names with real addresses are fine", "10.0.0.2 nas.home\n" + section, okNSS, "", ""},
		{"a commented line is fine", "# 157.240.1.1 instagram.com\n" + section, okNSS, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := editor(t).Audit([]byte(tt.hosts), []byte(tt.nss), []byte(tt.hostConf), names)
			switch {
			case tt.want == "" && len(got) != 0:
				t.Errorf("findings %q on a sound set-up", got)
			case tt.want != "" && (len(got) != 1 || !strings.Contains(got[0], tt.want)):
				t.Errorf("findings %q, want one saying %q", got, tt.want)
			}
			for _, f := range got {
				if strings.Contains(f, "instagram") {
					t.Errorf("a finding names a blocked host: %q", f)
				}
			}
		})
	}
}
