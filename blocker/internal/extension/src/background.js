// No Contact's extension. It holds no rules of its own: it asks the
// No Contact daemon (the sinkhole on 127.78.0.1, the only address it may
// reach) what the running block covers, turns that into redirect rules,
// and sends a tab that moves to a blocked profile without a page load
// (Instagram, X, TikTok), or that the browser's own policy refused, to the
// same passage. The same code runs in Chromium (a service worker) and in
// Firefox ESR (a background page that loads canon.js before this file).
"use strict";

if (typeof importScripts === "function") importScripts("canon.js"); // canonical(url)

const ext = globalThis.browser ?? chrome; // Firefox's namespace, else Chromium's
const SINKHOLE = "http://127.78.0.1";
// Rules older than this are asked for again before a navigation is sent
// to the passage by them; a navigation they do not cover asks for them
// whatever their age. So a block started or grown applies at the first
// navigation after it, and one that ended stops sending tabs to the
// passage, without a restart and without waiting for the alarm.
const FRESH_MS = 5000;
let pathRules = null; // [{re, redirect}] from the last sync
let hostRules = []; // [{domain, redirect}]: names blocked whole
let syncedAt = 0;
let written = ""; // the rules last turned into redirect rules, as fetched
let syncing = null;

// sync asks for the rules, once at a time.
function sync() {
  syncing = syncing || fetchRules().finally(() => { syncing = null; });
  return syncing;
}

async function fetchRules() {
  let text;
  try {
    const r = await fetch(SINKHOLE + "/nocontact/rules.json", {cache: "no-store"});
    if (r.status === 403) { // another user's browser: the block is not theirs to read
      pathRules = pathRules || [];
      syncedAt = Date.now();
      return;
    }
    if (!r.ok) return;
    text = await r.text();
  } catch (e) {
    return; // the daemon is not answering: keep the rules we have
  }
  syncedAt = Date.now();
  if (text === written && pathRules !== null) return;
  const rules = JSON.parse(text);
  pathRules = rules.paths.map((p) => ({re: new RegExp(p.regex, "i"), redirect: p.redirect}));
  hostRules = rules.dnr.filter((r) => r.condition.requestDomains)
    .flatMap((r) => r.condition.requestDomains.map((d) => ({domain: d, redirect: r.action.redirect.url})));
  const old = await ext.declarativeNetRequest.getDynamicRules();
  await ext.declarativeNetRequest.updateDynamicRules({
    removeRuleIds: old.map((r) => r.id),
    addRules: await supported(rules.dnr),
  });
  written = text;
}

// supported drops the rules whose pattern the browser's regex engine
// refuses (too large for its memory limit): one such rule would make the
// whole update fail. The tab is still sent to the passage for them, as
// the navigation begins (onNavigation), from pathRules.
async function supported(dnr) {
  const out = [];
  for (const r of dnr) {
    const re = r.condition.regexFilter;
    if (re !== undefined) {
      const ok = await ext.declarativeNetRequest.isRegexSupported({regex: re, isCaseSensitive: false});
      if (!ok.isSupported) continue;
    }
    out.push(r);
  }
  return out;
}

// passageFor is the passage for a URL the block covers, or null: a
// profile, as typed or as its platform reads it (canonical), and, when
// names is true, a name blocked whole.
function passageFor(url, names) {
  const canon = canonical(url);
  for (const p of pathRules || []) {
    if (p.re.test(url) || p.re.test(canon)) return p.redirect;
  }
  if (!names) return null;
  let host;
  try {
    host = new URL(url).hostname.replace(/\.$/, "");
  } catch (e) {
    return null;
  }
  const r = hostRules.find((h) => host === h.domain || host.endsWith("." + h.domain));
  return r ? r.redirect : null;
}

// sending holds, by tab, the passage a tab is on its way to: a second
// update to it would start that navigation anew, and the events of one
// visit (its start, the browser's refusal, its commit) come one after
// another.
const sending = new Map();

function send(tabId, to) {
  if (sending.get(tabId) === to) return;
  sending.set(tabId, to);
  ext.tabs.update(tabId, {url: to});
}

// onNavigation sends a top-level navigation the block covers to the
// passage. A name blocked whole is the redirect rules' own (they answer
// it in the same navigation); it is sent from here only when its load
// failed or committed, when the rules were not there in time. A
// navigation to the passage that fails (a later navigation cancelled it)
// is sent again if the tab still shows what the block covers.
async function onNavigation(details) {
  if (details.frameId !== 0) return;
  const ended = details.error !== undefined || details.transitionType !== undefined; // it failed, or committed
  if (details.url.startsWith(SINKHOLE + "/")) {
    if (ended) sending.delete(details.tabId);
    if (details.error) {
      const tab = await ext.tabs.get(details.tabId).catch(() => null);
      const to = tab && tab.url ? passageFor(tab.url, true) : null;
      if (to) send(details.tabId, to);
    }
    return;
  }
  let to = pathRules === null ? null : passageFor(details.url, ended);
  if (!to || Date.now() - syncedAt > FRESH_MS) {
    await sync();
    to = passageFor(details.url, ended);
  }
  if (to) send(details.tabId, to);
}

ext.runtime.onInstalled.addListener(sync);
ext.runtime.onStartup.addListener(sync);
ext.alarms.create("sync", {periodInMinutes: 0.5});
ext.alarms.onAlarm.addListener(sync);
ext.webNavigation.onHistoryStateUpdated.addListener(onNavigation);
// A URL that names a blocked profile only once decoded (/jane%2Edoe) is
// not matched by the redirect rules, which see it as typed: it is sent to
// the passage as its navigation begins, and again when it commits.
ext.webNavigation.onBeforeNavigate.addListener(onNavigation);
ext.webNavigation.onCommitted.addListener(onNavigation);
// A profile path is also in the browser's URL blocklist (the layer that
// holds even without this extension), which stops the load before any
// redirect rule: its error page is replaced by the passage.
ext.webNavigation.onErrorOccurred.addListener(onNavigation);
ext.webNavigation.onReferenceFragmentUpdated.addListener(onNavigation);
ext.tabs.onRemoved.addListener((tabId) => sending.delete(tabId));
sync();
