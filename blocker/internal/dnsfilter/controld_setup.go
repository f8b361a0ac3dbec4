package dnsfilter

import (
	"context"
	"fmt"
	"net/http"
)

// controlDDevice is one endpoint of GET /devices: the resolvers that
// enforce a profile belong to it.
type controlDDevice struct {
	Name    string `json:"name"`
	Profile struct {
		PK string `json:"PK"`
	} `json:"profile"`
	Resolvers struct {
		UID string `json:"uid"`
		DoT string `json:"dot"`
	} `json:"resolvers"`
}

// LookupSetup finds an endpoint that enforces the profile and gives its
// DNS-over-TLS host name for Android's Private DNS. The iPhone profile is
// downloaded with the token, so it is left to the dashboard's guide.
func (d *controlD) LookupSetup(ctx context.Context) (PhoneSetup, error) {
	r := request{method: http.MethodGet, path: "devices", op: "read the endpoints",
		header: http.Header{"Authorization": {"Bearer " + d.token}}}
	a, err := d.c.do(ctx, r)
	if err != nil {
		return PhoneSetup{}, err
	}
	var out struct {
		Devices []controlDDevice `json:"devices"`
	}
	if err := d.body(r.op, a, &out); err != nil {
		return PhoneSetup{}, err
	}
	s := PhoneSetup{Note: controlDNote(d.profile)}
	for _, dev := range out.Devices {
		if dev.Profile.PK != d.profile {
			continue
		}
		switch {
		case dev.Resolvers.DoT != "":
			s.PrivateDNS = dev.Resolvers.DoT
		case dev.Resolvers.UID != "":
			s.PrivateDNS = dev.Resolvers.UID + ".dns.controld.com"
		default:
			continue
		}
		s.Note = fmt.Sprintf("On an iPhone, install the profile from the set-up guide of the endpoint %q in the Control D dashboard.", dev.Name)
		return s, nil
	}
	return s, nil
}
