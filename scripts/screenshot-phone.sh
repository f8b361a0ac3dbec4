#!/usr/bin/env bash
# screenshot-phone.sh BIN_DIR OUT_DIR: Profiles › Your phone, before a
# filter is connected and with the real AdGuard Home connected (built once
# by scripts/adguardhome.sh, run on a loopback address for the shot), in
# both themes: phone-connect.png, phone.png, phone-light.png. Run it inside
# dbus-run-session (make screenshots does).
set -euo pipefail
bin=$(cd "$1" && pwd) out=$(mkdir -p "$2" && cd "$2" && pwd)
agh=$(cd "$(dirname "$0")/.." && ./scripts/adguardhome.sh)
. "$(dirname "$0")/sandbox.sh"
sandbox_daemon
"$bin/nocontact" profiles add https://www.instagram.com/jane.doe/ >/dev/null
sandbox_xvfb

# AdGuard Home with a login (the password below, as bcrypt), its API on a
# free port of 127.0.0.1 and its DNS on another; nothing from the internet.
web=$((20000 + RANDOM % 20000)) dns=$((40001 + RANDOM % 20000))
mkdir -p "$D/agh"
cat >"$D/agh/AdGuardHome.yaml" <<YAML
http:
  address: 127.0.0.1:$web
users:
  - name: admin
    password: \$2a\$04\$ltQ70rxDECRg2/nx6EiEzOAAW.TBUQafLaZjeJIuSH3sRyjTAhqGK
dns:
  bind_hosts: [127.0.0.1]
  port: $dns
  upstream_dns: [127.0.0.1:9]
  bootstrap_dns: [127.0.0.1:9]
  use_private_ptr_resolvers: false
querylog: {enabled: true, interval: 24h}
statistics: {enabled: false}
filters: []
whitelist_filters: []
user_rules: ["||ads.example^"]
filtering: {filtering_enabled: true, protection_enabled: true}
schema_version: 34
YAML
"$agh" --no-check-update --no-permcheck -c "$D/agh/AdGuardHome.yaml" -w "$D/agh" >"$D/agh/log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do curl -fsu admin:nocontact-test-password "http://127.0.0.1:$web/control/status" >/dev/null 2>&1 && break; sleep 0.2; done

shot() { # shot NAME THEME: Profiles scrolled to its end
	FYNE_THEME=$2 "$bin/nocontact" >"$D/gui.log" 2>&1 &
	local gui=$! win=""
	for _ in $(seq 120); do
		win=$(xdotool search --onlyvisible --name '^No Contact$' 2>/dev/null | head -n1) && [ -n "$win" ] && break
		sleep 0.25
	done
	[ -n "$win" ] || { cat "$D/gui.log" >&2; exit 1; }
	sleep 2
	xdotool key ctrl+2 && sleep 1
	xdotool mousemove 450 400 click --repeat 60 --delay 20 5 && sleep 1.5
	import -window "$win" "$out/$1.png"
	kill "$gui" 2>/dev/null || true
	wait "$gui" 2>/dev/null || true
}
shot phone-connect dark
echo -n nocontact-test-password | "$bin/nocontact" phone connect adguardhome --url "http://127.0.0.1:$web" --user admin --whole Instagram >/dev/null
"$bin/nocontact" start --for 1d --yes >/dev/null
for _ in $(seq 50); do "$bin/nocontact" phone | grep -q "of the block on it" && break; sleep 0.2; done
shot phone dark
shot phone-light light
