// No Contact's extension. It holds no rules of its own: it asks the
// No Contact daemon (the sinkhole on 127.78.0.1, the only address it may
// reach) what the running block covers, turns that into redirect rules,
// and sends a tab that moves to a blocked profile without a page load
// (Instagram, X, TikTok), or that the browser's own policy refused, to the
// same passage.
"use strict";

importScripts("canon.js"); // canonical(url)

const SINKHOLE = "http://127.78.0.1";
let pathRules = null; // [{re, redirect}] from the last sync
let hostRules = []; // [{domain, redirect}]: names blocked whole

async function sync() {
  let rules;
  try {
    const r = await fetch(SINKHOLE + "/nocontact/rules.json", {cache: "no-store"});
    if (r.status === 403) { // another user's browser: the block is not theirs to read
      pathRules = pathRules || [];
      return;
    }
    if (!r.ok) return;
    rules = await r.json();
  } catch (e) {
    return; // the daemon is not answering: keep the rules we have
  }
  pathRules = rules.paths.map((p) => ({re: new RegExp(p.regex, "i"), redirect: p.redirect}));
  const old = await chrome.declarativeNetRequest.getDynamicRules();
  await chrome.declarativeNetRequest.updateDynamicRules({
    removeRuleIds: old.map((r) => r.id),
    addRules: await supported(rules.dnr),
  });
  hostRules = rules.dnr.filter((r) => r.condition.requestDomains)
    .flatMap((r) => r.condition.requestDomains.map((d) => ({domain: d, redirect: r.action.redirect.url})));
}

// supported drops the rules whose pattern the browser's regex engine
// refuses (too large for its memory limit): one such rule would make the
// whole update fail. The tab is still sent to the passage for them, as
// the navigation begins (inPage), from pathRules.
async function supported(dnr) {
  const out = [];
  for (const r of dnr) {
    const re = r.condition.regexFilter;
    if (re !== undefined) {
      const ok = await chrome.declarativeNetRequest.isRegexSupported({regex: re, isCaseSensitive: false});
      if (!ok.isSupported) continue;
    }
    out.push(r);
  }
  return out;
}

// blockedName is the redirect for a URL on a name blocked whole, or null.
function blockedName(url) {
  let host;
  try {
    host = new URL(url).hostname.replace(/\.$/, "");
  } catch (e) {
    return null;
  }
  const r = hostRules.find((h) => host === h.domain || host.endsWith("." + h.domain));
  return r ? r.redirect : null;
}

async function inPage(details) {
  if (details.frameId !== 0) return;
  if (pathRules === null) await sync();
  const canon = canonical(details.url);
  for (const p of pathRules || []) {
    if (p.re.test(details.url) || p.re.test(canon)) {
      chrome.tabs.update(details.tabId, {url: p.redirect});
      return;
    }
  }
  const to = blockedName(details.url);
  if (to) chrome.tabs.update(details.tabId, {url: to});
}

chrome.runtime.onInstalled.addListener(sync);
chrome.runtime.onStartup.addListener(sync);
chrome.alarms.create("sync", {periodInMinutes: 0.5});
chrome.alarms.onAlarm.addListener(sync);
chrome.webNavigation.onHistoryStateUpdated.addListener(inPage);
// A URL that names a blocked profile only once decoded (/jane%2Edoe) is
// not matched by the redirect rules, which see it as typed: it is sent to
// the passage as its navigation begins, and again when it commits.
chrome.webNavigation.onBeforeNavigate.addListener(inPage);
chrome.webNavigation.onCommitted.addListener(inPage);
// A profile path, and a name blocked whole, are also in the browser's URL
// blocklist (the layer that holds even without this extension), which
// stops the load before any redirect rule: its error page is replaced by
// the passage.
chrome.webNavigation.onErrorOccurred.addListener(inPage);
chrome.webNavigation.onReferenceFragmentUpdated.addListener(inPage);
sync();
