# No Contact — build, test and install. `make help` lists the targets.

SHELL   := /bin/bash
GO      ?= go
BIN     := bin
PREFIX  ?= /usr/local
DESTDIR ?=
VERSION := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
LDFLAGS := -X github.com/nocontact-app/nocontact/blocker/api.Version=$(VERSION)
FUZZTIME ?= 15s
APPID   := app.nocontact.NoContact

# A fresh machine has Go in /usr/local/go without it on PATH.
export PATH := $(PATH):/usr/local/go/bin:$(HOME)/go/bin
# Fyne logs an error at start-up when the locale is "C"/POSIX (as in CI and
# containers): name a real one for messages only.
ifeq ($(filter-out C C.UTF-8 C.utf8 POSIX,$(LC_ALL)$(LANG)),)
export LC_MESSAGES := en_US.UTF-8
endif

.DEFAULT_GOAL := help
.PHONY: help deps build run test test-packages test-windows package-windows screenshots screenshots-leaving validate demo package vet fmt-check race keyring fuzz soak cross display bench lint install uninstall clean

help: ## Show the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

deps: ## Install the Debian/Ubuntu packages the build and tests need (only what is missing)
	@./scripts/deps.sh

build: deps ## Build nocontact, nocontactd and nocontact-tray into bin/
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN)/nocontact .
	CGO_ENABLED=0 $(GO) build -ldflags "$(LDFLAGS)" -o $(BIN)/nocontactd ./blocker/cmd/nocontactd
	CGO_ENABLED=0 $(GO) build -ldflags "$(LDFLAGS)" -o $(BIN)/nocontact-tray ./app/cmd/nocontact-tray
	$(GO) run ./app/cmd/nocontact-docs $(BIN)/share

run: build ## Set up, build and start the app
	./$(BIN)/nocontact

test: deps lint race keyring cross test-windows validate display test-packages ## Everything CI runs: gofmt, vet, race tests (root-only ones as root, fuzz corpora replayed), real keyring, cross builds, the Windows tests under Wine, install files, display test, the packages installed, upgraded and removed in a throwaway Debian root
	@echo "make test: all passed"

fmt-check:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi

vet:
	$(GO) vet ./...

# The real AdGuard Home (built once from its Go module into Go's cache) is
# tested against as a separate program; without it that test says why.
race:
	agh=$$(./scripts/adguardhome.sh) || agh=""; NOCONTACT_ADGUARDHOME=$$agh $(GO) test -race -count=1 ./...

# The packages whose Windows tests run under Wine, and why not the rest:
# daemon only for its tests that start no daemon in the test process (Wine
# does not complete a named pipe connected from the process that listens;
# cmd/nocontactd runs the daemon in a process of its own, end to end);
# of the app, those that run no daemon in the test process (app/cli's do)
# and need no Unix socket (app/single's: Wine has no AF_UNIX; Windows 10
# has). The window itself: test-windows-display.sh.
WINDOWS_PKGS = ./blocker/api ./blocker/atomicfile ./blocker/client ./blocker/internal/hosts \
	./blocker/internal/session ./blocker/internal/eventlog ./blocker/internal/extension \
	./blocker/internal/sinkhole ./blocker/internal/browser ./blocker/internal/guard ./content ./content/profile ./blocker/cmd/nocontactd \
	./app/tray ./app/words ./app/vault ./app/cmd/nocontact-tray \
	'./blocker/internal/daemon@^(TestPipeDescriptor|TestOwnerCannotStarveRoot|TestChurnIsLimitedOverTime|TestNewRefusesMissingPaths|TestLimit.*)$$'

WINCACHE = $(shell $(GO) env GOCACHE)/nocontact-windows

test-windows: deps ## The Windows tests under Wine: packages, the three programs end to end, the window on Xvfb, the installer (about 8 minutes)
	./scripts/test-windows.sh $(WINDOWS_PKGS)
	./scripts/test-windows-display.sh $(WINCACHE)/programs $(BIN)/screenshots
	./scripts/package-windows.sh $(WINCACHE)/dist $(WINCACHE)/programs
	./scripts/test-windows-installer.sh $(WINCACHE)/dist/NoContact-Setup-$(VERSION).exe

package-windows: deps ## dist/NoContact-Setup-VERSION.exe: the Windows installer (NSIS); SIGN_CERT=FILE.p12 [SIGN_PASS=…] signs it
	SIGN_CERT=$(SIGN_CERT) SIGN_PASS=$(SIGN_PASS) ./scripts/package-windows.sh dist

keyring: ## The vault against a real Secret Service (a private D-Bus session and gnome-keyring)
	@home=$$(mktemp -d) && XDG_DATA_HOME=$$home/data HOME=$$home GOCACHE=$$($(GO) env GOCACHE) GOPATH=$$($(GO) env GOPATH) \
	dbus-run-session -- sh -c 'echo -n nocontact-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; \
		NOCONTACT_REAL_KEYRING=1 $(GO) test -count=1 -run "RealSecretService" -v ./app/vault' 2>&1 | grep -E '^(=== |--- |ok|FAIL|PASS|    )'; \
	rc=$${PIPESTATUS[0]}; rm -rf $$home; exit $$rc

soak: ## A long simulated-month soak of the session's credited time (500 seeded months; make test runs 4)
	$(GO) test -run '^TestSoakMonth$$|^TestScheduleSoakMonth$$' -count=1 ./blocker/internal/session -soak.seeds 500 -soak.steps 20000

fuzz: ## Explore with each fuzz test for FUZZTIME (default 15s); make test replays the corpora in testdata/
	$(GO) test -run '^$$' -fuzz '^FuzzEdit$$' -fuzztime $(FUZZTIME) ./blocker/internal/hosts
	$(GO) test -run '^$$' -fuzz '^FuzzNormalizeHostname$$' -fuzztime $(FUZZTIME) ./blocker/api
	$(GO) test -run '^$$' -fuzz '^FuzzStartRequest$$' -fuzztime $(FUZZTIME) ./blocker/internal/daemon
	$(GO) test -run '^$$' -fuzz '^FuzzClientHello$$' -fuzztime $(FUZZTIME) ./blocker/internal/sinkhole
	$(GO) test -run '^$$' -fuzz '^FuzzRequestHead$$' -fuzztime $(FUZZTIME) ./blocker/internal/sinkhole
	$(GO) test -run '^$$' -fuzz '^FuzzExtend$$' -fuzztime $(FUZZTIME) ./blocker/internal/session

cross: ## Cross-build the daemon and everything it imports for macOS and Windows
	@for os in darwin windows; do \
		echo "GOOS=$$os CGO_ENABLED=0 go build ./blocker/... && go vet ./blocker/..."; \
		GOOS=$$os CGO_ENABLED=0 $(GO) build -o /dev/null ./blocker/cmd/nocontactd || exit 1; \
		GOOS=$$os CGO_ENABLED=0 $(GO) build ./blocker/... ./content/... ./resources/... || exit 1; \
		GOOS=$$os CGO_ENABLED=0 $(GO) vet ./blocker/... ./content/... ./resources/... || exit 1; \
	done

display: build ## Start the GUI and the tray under Xvfb and take screenshots into bin/screenshots
	./scripts/display-test.sh $(BIN) $(BIN)/screenshots

demo: build ## The whole app without root or touching the machine: sandboxed daemon under .demo/, tray, window
	./scripts/demo.sh $(BIN)

screenshots: build ## Save the GUI's screenshots into docs/screenshots, each screen also at the window's smallest in both themes (sandboxed daemon, private keyring, Xvfb)
	dbus-run-session -- ./scripts/screenshots.sh $(BIN) docs/screenshots 2>&1 | grep -v 'fd limit'
	dbus-run-session -- ./scripts/screenshots-minimum.sh $(BIN) docs/screenshots 2>&1 | grep -v 'fd limit'
	dbus-run-session -- ./scripts/screenshot-phone.sh $(BIN) docs/screenshots 2>&1 | grep -v 'fd limit'

screenshots-leaving: build ## Save the pause and the confirm step of an early end into docs/screenshots (about 17 minutes: a real cool-down)
	dbus-run-session -- ./scripts/screenshots-leaving.sh $(BIN) docs/screenshots 2>&1 | grep -v 'fd limit'

bench: build ## Benchmarks with their figures (about 6 minutes: the idle daemon and tray are watched for 60 s each; the GUI ones in a private D-Bus session with a keyring)
	$(GO) test -run '^$$' -bench . -benchtime 20x -v ./blocker/internal/hosts | grep -vE '^(=== |goos|goarch|pkg|cpu)'
	./scripts/bench-apply.sh $(BIN)
	$(GO) test -run '^$$' -bench 'EditLoopOffTime' -benchtime 1x ./blocker/internal/guard | grep -vE '^(goos|goarch|pkg|cpu)'
	$(GO) test -run '^$$' -bench '^BenchmarkTamperRestore$$|StatusRoundTrip' -benchtime 50x ./blocker/internal/daemon | grep -vE '^(goos|goarch|pkg|cpu)'
	$(GO) test -run '^$$' -bench 'TamperRestoreProcess' -benchtime 20x ./blocker/cmd/nocontactd | grep -vE '^(goos|goarch|pkg|cpu)'
	NOCONTACT_WINE_BENCH=TamperRestoreProcess NOCONTACT_WINE_BENCHTIME=20x ./scripts/test-windows.sh ./blocker/cmd/nocontactd | grep -v '^ok '
	NOCONTACT_WINE_BENCH=EditLoopOffTime ./scripts/test-windows.sh ./blocker/internal/guard | grep -v '^ok '
	$(GO) test -run '^$$' -bench 'PolicyTamperRestore' -benchtime 20x ./blocker/internal/daemon | grep -vE '^(goos|goarch|pkg|cpu)'
	$(GO) test -run '^$$' -bench 'ApplySixBrowsers' -benchtime 20x ./blocker/internal/browser | grep -vE '^(goos|goarch|pkg|cpu)'
	$(GO) test -run '^$$' -bench 'ExtensionAnswer' -benchtime 1x ./blocker/cmd/nocontactd | grep -vE '^(goos|goarch|pkg|cpu)'
	$(GO) test -run '^$$' -bench 'HitToEvent' -benchtime 300x ./blocker/internal/daemon | grep -vE '^(goos|goarch|pkg|cpu)'
	$(GO) test -run '^$$' -bench 'HitsPerSecond' -benchtime 20000x ./blocker/internal/daemon | grep -vE '^(goos|goarch|pkg|cpu)'
	$(GO) test -run '^$$' -bench Idle -benchtime 1x ./blocker/cmd/nocontactd 2>/dev/null | grep -vE '^(goos|goarch|pkg|cpu)'
	$(GO) build -o $(BIN)/fyne-hello ./scripts/bench/fyne-hello
	./scripts/bench-gui.sh $(BIN) 2>/dev/null

lint: fmt-check vet ## gofmt, go vet, golangci-lint (pinned in scripts/tools), go.mod tidy, no tracked binaries or large files, and the size of files
	./scripts/check-tracked.sh
	$(GO) mod tidy -diff >/dev/null || { echo "lint: go.mod or go.sum is not tidy: run go mod tidy"; exit 1; }
	$(GO) tool -modfile=scripts/tools/go.mod golangci-lint run --config scripts/tools/golangci.yml ./...
	@awk 'FNR==1 && NR>1 && n>350 {print f": "n" lines (keep files under ~350)"} {f=FILENAME; n=FNR} END {if (n>350) print f": "n" lines"}' \
		$$(git ls-files '*.go' | grep -v _test.go)

install: build ## Install into $(DESTDIR)$(PREFIX): binaries, daemon, systemd unit, polkit policy, desktop files, icons, metainfo
	install -Dm755 $(BIN)/nocontact $(DESTDIR)$(PREFIX)/bin/nocontact
	install -Dm755 $(BIN)/nocontact-tray $(DESTDIR)$(PREFIX)/bin/nocontact-tray
	install -Dm755 $(BIN)/nocontactd $(DESTDIR)$(PREFIX)/libexec/nocontact/nocontactd
	install -d $(DESTDIR)/etc/systemd/system
	sed -e 's|@LIBEXEC@|$(PREFIX)/libexec/nocontact|' -e 's|@OWNER_UID@|$(or $(OWNER_UID),1000)|' \
		resources/nocontactd.service.in > $(DESTDIR)/etc/systemd/system/nocontactd.service
	sed 's|/usr/local/libexec/nocontact|$(PREFIX)/libexec/nocontact|' resources/app.nocontact.nocontactd.policy | \
		install -Dm644 /dev/stdin $(DESTDIR)$(PREFIX)/share/polkit-1/actions/app.nocontact.nocontactd.policy
	install -Dm644 resources/$(APPID).desktop $(DESTDIR)$(PREFIX)/share/applications/$(APPID).desktop
	install -Dm644 resources/nocontact-tray.desktop $(DESTDIR)/etc/xdg/autostart/nocontact-tray.desktop
	install -Dm644 resources/$(APPID).metainfo.xml $(DESTDIR)$(PREFIX)/share/metainfo/$(APPID).metainfo.xml
	for s in 32 48 64 128 256; do \
		install -Dm644 resources/icons/$$s.png $(DESTDIR)$(PREFIX)/share/icons/hicolor/$${s}x$${s}/apps/$(APPID).png; \
	done
	install -Dm644 resources/icon.png $(DESTDIR)$(PREFIX)/share/icons/hicolor/512x512/apps/$(APPID).png
	install -d $(DESTDIR)$(PREFIX)/share/man/man1
	install -m644 $(BIN)/share/man1/*.1 resources/nocontact-tray.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	install -Dm644 $(BIN)/share/completions/nocontact.bash $(DESTDIR)$(PREFIX)/share/bash-completion/completions/nocontact
	install -Dm644 $(BIN)/share/completions/_nocontact $(DESTDIR)$(PREFIX)/share/zsh/vendor-completions/_nocontact
	install -Dm644 $(BIN)/share/completions/nocontact.fish $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/nocontact.fish

uninstall: ## Remove what install put into $(DESTDIR)$(PREFIX)
	rm -f $(DESTDIR)$(PREFIX)/bin/nocontact $(DESTDIR)$(PREFIX)/bin/nocontact-tray
	rm -f $(DESTDIR)$(PREFIX)/libexec/nocontact/nocontactd
	-rmdir $(DESTDIR)$(PREFIX)/libexec/nocontact 2>/dev/null
	rm -f $(DESTDIR)/etc/systemd/system/nocontactd.service $(DESTDIR)/etc/xdg/autostart/nocontact-tray.desktop
	rm -f $(DESTDIR)$(PREFIX)/share/polkit-1/actions/app.nocontact.nocontactd.policy
	rm -f $(DESTDIR)$(PREFIX)/share/applications/$(APPID).desktop $(DESTDIR)$(PREFIX)/share/metainfo/$(APPID).metainfo.xml
	rm -f $(DESTDIR)$(PREFIX)/share/icons/hicolor/*/apps/$(APPID).png
	rm -f $(DESTDIR)$(PREFIX)/share/man/man1/nocontact.1 $(DESTDIR)$(PREFIX)/share/man/man1/nocontact-*.1
	rm -f $(DESTDIR)$(PREFIX)/share/bash-completion/completions/nocontact $(DESTDIR)$(PREFIX)/share/zsh/vendor-completions/_nocontact
	rm -f $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/nocontact.fish

validate: build ## Install into a scratch DESTDIR and validate the desktop files, metainfo, polkit policy and unit
	@d=$$(mktemp -d) && $(MAKE) -s install DESTDIR=$$d PREFIX=/usr/local >/dev/null && \
	desktop-file-validate $$d/usr/local/share/applications/$(APPID).desktop $$d/etc/xdg/autostart/nocontact-tray.desktop && \
	appstreamcli validate --no-net --pedantic $$d/usr/local/share/metainfo/$(APPID).metainfo.xml >/dev/null && \
	xmllint --noout $$d/usr/local/share/polkit-1/actions/app.nocontact.nocontactd.policy && \
	bash -n $$d/usr/local/share/bash-completion/completions/nocontact && \
	for m in $$d/usr/local/share/man/man1/*.1; do \
		w=$$(LC_ALL=C MANWIDTH=80 man --warnings -l "$$m" 2>&1 >/dev/null); [ -z "$$w" ] || { echo "$$m: $$w"; exit 1; }; \
	done && \
	sed 's|ExecStart=/usr/local/libexec|ExecStart='"$$d"'/usr/local/libexec|' $$d/etc/systemd/system/nocontactd.service > $$d/nocontactd.service && \
	out=$$(systemd-analyze verify $$d/nocontactd.service 2>&1 | grep nocontactd.service || true) && \
	if [ -n "$$out" ]; then echo "$$out"; rm -rf $$d; exit 1; fi && \
	$(MAKE) -s uninstall DESTDIR=$$d PREFIX=/usr/local && left=$$(find $$d -type f ! -name nocontactd.service) && \
	rm -rf $$d && if [ -n "$$left" ]; then echo "uninstall left: $$left"; exit 1; fi && \
	echo "validate: desktop files, metainfo, polkit policy, systemd unit, man pages and bash completion are valid; uninstall removes everything"

package: build ## dist/: nocontact_VERSION_amd64.deb, nocontact-VERSION.x86_64.rpm, the fyne package archive and a tarball of the install files
	./scripts/package.sh $(BIN) dist

test-packages: build ## The .deb (lintian) and .rpm checked, then installed, upgraded during a block and removed in a throwaway Debian root (as root; about 2 minutes, the first run 1–2 more for the Debian root)
	./scripts/test-packages.sh $(BIN)

clean: ## Remove bin/ and dist/
	rm -rf $(BIN) dist
