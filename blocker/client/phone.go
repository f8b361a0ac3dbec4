package client

import (
	"context"
	"net/http"
	"time"

	"github.com/nocontact-app/nocontact/blocker/api"
)

// phoneWithin bounds a call that asks the phone's DNS filter on the way
// (the daemon gives the service 20 s).
const phoneWithin = 30 * time.Second

// Phone returns the phone's DNS filter connection and what is published.
func (c *Client) Phone(ctx context.Context) (*api.PhoneStatus, error) {
	var out api.PhoneStatus
	return &out, c.do(ctx, http.MethodGet, "/v1/phone", nil, &out)
}

// ConnectPhone checks the filter's credential with its service and keeps
// it in the daemon.
func (c *Client) ConnectPhone(ctx context.Context, req api.PhoneConnect) (*api.PhoneStatus, error) {
	var out api.PhoneStatus
	return &out, c.doWithin(ctx, phoneWithin, http.MethodPost, "/v1/phone", req, &out)
}

// DisconnectPhone takes our names off the filter and forgets it (refused
// during a block).
func (c *Client) DisconnectPhone(ctx context.Context) (*api.PhoneStatus, error) {
	var out api.PhoneStatus
	return &out, c.doWithin(ctx, phoneWithin, http.MethodDelete, "/v1/phone", nil, &out)
}

// ChoosePhone keeps the answers for platforms the phone can only block
// whole.
func (c *Client) ChoosePhone(ctx context.Context, choice api.PhoneChoice) (*api.PhoneStatus, error) {
	var out api.PhoneStatus
	return &out, c.do(ctx, http.MethodPut, "/v1/phone/choice", choice, &out)
}
