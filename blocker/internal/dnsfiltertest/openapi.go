package dnsfiltertest

import (
	"bytes"
	"context"
	"embed"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

// AdGuard Home's own API description, unmodified (see testdata/NOTICE.md).
//
//go:embed testdata/adguardhome/openapi.yaml
var specFS embed.FS

// spec checks requests and answers against one OpenAPI document.
type spec struct {
	name   string
	router routers.Router
	// documented returns, for a request the document's description allows
	// but its path templates cannot express, the request to route it as.
	documented func(r *http.Request) *http.Request
}

var (
	specMu    sync.Mutex
	specCache = map[string]*spec{}
)

// loadSpec loads (once per process) the document at path in fsys,
// following references to its sibling files. server replaces the
// document's server list in memory (its own names the service's default
// host, where the fake listens elsewhere); the file is not changed.
func loadSpec(name string, fsys fs.FS, path, server string, documented func(*http.Request) *http.Request) (*spec, error) {
	specMu.Lock()
	defer specMu.Unlock()
	if s, ok := specCache[name]; ok {
		return s, nil
	}
	l := openapi3.NewLoader()
	l.IsExternalRefsAllowed = true
	l.ReadFromURIFunc = func(_ *openapi3.Loader, u *url.URL) ([]byte, error) {
		return fs.ReadFile(fsys, u.Path)
	}
	doc, err := l.LoadFromFile(path)
	if err != nil {
		return nil, fmt.Errorf("loading %s: %w", path, err)
	}
	doc.Servers = openapi3.Servers{{URL: server}}
	r, err := gorillamux.NewRouter(doc)
	if err != nil {
		return nil, fmt.Errorf("routing %s: %w", path, err)
	}
	s := &spec{name: name, router: r, documented: documented}
	specCache[name] = s
	return s, nil
}

// checkRequest validates r (whose body was read into body) and returns
// the input checkResponse needs.
func (s *spec) checkRequest(r *http.Request, body []byte) (*openapi3filter.RequestValidationInput, error) {
	route, params, err := s.router.FindRoute(r)
	if err != nil && s.documented != nil {
		if alt := s.documented(r); alt != nil {
			route, params, err = s.router.FindRoute(alt)
		}
	}
	if err != nil {
		return nil, err
	}
	rq := r.Clone(context.Background())
	rq.Body = io.NopCloser(bytes.NewReader(body))
	in := &openapi3filter.RequestValidationInput{
		Request: rq, PathParams: params, Route: route,
		Options: &openapi3filter.Options{
			MultiError: true,
			// The fakes check credentials themselves, as the services do.
			AuthenticationFunc: openapi3filter.NoopAuthenticationFunc,
		},
	}
	return in, openapi3filter.ValidateRequest(context.Background(), in)
}

// checkResponse validates the fake's own answer.
func (s *spec) checkResponse(in *openapi3filter.RequestValidationInput, rec *httptest.ResponseRecorder) error {
	out := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: in,
		Status:                 rec.Code,
		Header:                 rec.Header(),
		Options:                &openapi3filter.Options{MultiError: true, IncludeResponseStatus: false},
	}
	out.SetBodyBytes(rec.Body.Bytes())
	return openapi3filter.ValidateResponse(context.Background(), out)
}
