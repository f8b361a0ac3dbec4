package api

// Version is the version of No Contact, set at build time with
// -ldflags "-X github.com/nocontact-app/nocontact/api.Version=...".
var Version = "0.1.0-dev"
