// canonical returns a URL as a platform's server reads it, for matching
// against the blocked profiles' patterns: percent-escapes of unreserved
// characters, and of "@" and "+" which handles use (/@jane), decoded
// (/jane%2Edoe, /%6Aane.doe, /%40jane), repeated slashes
// collapsed (//jane.doe) and ";" parameters after a path segment dropped
// (/jane.doe;x). Escapes of other characters stay as they are. A URL that
// cannot be parsed is returned unchanged.
"use strict";

function decodeUnreserved(s) {
  return s.replace(/%([0-9a-fA-F]{2})/g, (m, hex) => {
    const c = String.fromCharCode(parseInt(hex, 16));
    return /^[A-Za-z0-9._~@+-]$/.test(c) ? c : m;
  });
}

function canonical(url) {
  let u;
  try {
    u = new URL(url);
  } catch (e) {
    return url;
  }
  const path = decodeUnreserved(u.pathname)
    .replace(/\/{2,}/g, "/")
    .split("/").map((seg) => seg.split(";")[0]).join("/");
  return u.protocol + "//" + u.host + path + decodeUnreserved(u.search) + u.hash;
}

if (typeof module !== "undefined") module.exports = {canonical};
