/* geomap incident map: shared helpers, filters and the view state kept in the URL (written for geomap, MIT).
 *
 * Every string shown to the reader comes from reports and tables and is untrusted: it is only ever put into the
 * page with textContent, as a form value, or as an attribute checked here — never as HTML. The URL hash is
 * untrusted too: each field is parsed into a number, a date, a list of indices or a plain search string.
 * geomap concatenates the files of this folder inside one function; none may contain Jinja markers.
 */
function el(tag, text, cls) {
  var node = document.createElement(tag);
  if (text !== undefined && text !== null) { node.textContent = String(text); }
  if (cls) { node.className = cls; }
  return node;
}

function safeUrl(url) {
  return (typeof url === "string" && /^https?:\/\/[^\s<>"']+$/i.test(url)) ? url : null;
}

var DAY_MS = 86400000;
function isoDay(d) { return new Date(d * DAY_MS).toISOString().slice(0, 10); }
function dayOf(iso) {
  var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso || ""));
  if (!m) { return null; }
  var t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return isFinite(t) ? Math.round(t / DAY_MS) : null;
}
function fmtCount(n) { return Number(n).toLocaleString("en-US"); }
function splitList(s) { return s ? String(s).split(/\s*;\s*/).filter(function (x) { return x; }) : []; }
function label(data, key) { return data.labels[key]; }
function typeLabel(data, k) {
  var raw = data.dict.types[k];
  if (raw === null || raw === undefined) { return data.labels.untyped; }
  return data.typeNames[raw] || raw;
}
function subLabel(data, k) {
  var raw = data.dict.subs[k];
  return raw === null || raw === undefined ? null : (data.typeNames[raw] || raw);
}
function actorLabel(data, raw) {
  return raw === null || raw === undefined ? null : (data.actorNames[raw] || raw);
}
function placeLabel(data, i) {
  var p = data.dict.places[data.incidents.place[i]];
  return data.lang === "ar" ? (p[0] || p[1]) : (p[1] || p[0]);
}

/* Filters: which incidents are shown. `visible` is a byte per incident; `list` the shown indices. */
function Filters(data) {
  var c = data.incidents, n = c.lat.length, k;
  this.data = data;
  this.n = n;
  this.hiddenTypes = {};
  this.prec = { 0: true, 1: true, 2: true, 3: true };
  this.outside = false;
  this.actor = "";
  this.actorHit = null;
  var lo = null, hi = null;
  for (k = 0; k < n; k++) {
    var d = c.day[k], e = c.dayEnd[k] === null ? d : c.dayEnd[k];
    if (d === null) { continue; }
    if (lo === null || d < lo) { lo = d; }
    if (hi === null || e > hi) { hi = e; }
  }
  this.minDay = lo;
  this.maxDay = hi;
  this.from = lo;
  this.to = hi;
  this.visible = new Uint8Array(n);
  this.list = [];
  this.listeners = [];
}

Filters.prototype.dated = function () { return this.minDay !== null && this.maxDay > this.minDay; };

Filters.prototype.setActor = function (text) {
  this.actor = String(text || "").slice(0, 200);
  var needle = this.actor.trim().toLowerCase();
  if (!needle) { this.actorHit = null; return; }
  var data = this.data;
  this.actorHit = data.dict.actors.map(function (a) {
    if (a === null) { return false; }
    var shown = actorLabel(data, a);  // the name as written and as shown both match
    return String(a).toLowerCase().indexOf(needle) >= 0 || String(shown).toLowerCase().indexOf(needle) >= 0;
  });
};

Filters.prototype.apply = function () {
  var c = this.data.incidents, n = this.n, list = [], full = this.from === this.minDay && this.to === this.maxDay;
  for (var i = 0; i < n; i++) {
    var ok = !this.hiddenTypes[c.type[i]] && this.prec[c.prec[i]] !== false && (!c.out[i] || this.outside);
    if (ok && !full) {
      var d = c.day[i], e = c.dayEnd[i] === null ? d : c.dayEnd[i];
      ok = d !== null && d <= this.to && e >= this.from;
    }
    if (ok && this.actorHit) { ok = this.actorHit[c.actor1[i]] || this.actorHit[c.actor2[i]]; }
    this.visible[i] = ok ? 1 : 0;
    if (ok) { list.push(i); }
  }
  this.list = list;
  var self = this;
  this.listeners.forEach(function (f) { f(self); });
};

Filters.prototype.onChange = function (f) { this.listeners.push(f); };

/* The view state in the URL hash: #z=9&c=35.1,38.2&from=2025-01-01&to=2025-03-01&hide=0,3&actor=...&prec=1,2&out=1 */
function readHash(data, filters) {
  var out = {}, raw = "";
  try { raw = String(window.location.hash || "").replace(/^#/, ""); } catch (e) { return out; }
  raw.split("&").forEach(function (part) {
    var eq = part.indexOf("="), key = eq < 0 ? part : part.slice(0, eq), value = eq < 0 ? "" : part.slice(eq + 1);
    try { value = decodeURIComponent(value.replace(/\+/g, " ")); } catch (e) { return; }
    if (key === "z" && /^\d{1,2}(\.\d+)?$/.test(value)) { out.zoom = Number(value); }
    if (key === "c") {
      var ll = value.split(",").map(Number);
      if (ll.length === 2 && ll.every(isFinite) && Math.abs(ll[0]) <= 90 && Math.abs(ll[1]) <= 180) { out.center = ll; }
    }
    if ((key === "from" || key === "to") && dayOf(value) !== null) { out[key] = dayOf(value); }
    if (key === "hide" && /^\d+(,\d+)*$/.test(value)) {
      out.hide = value.split(",").map(Number).filter(function (k) { return k < data.dict.types.length; });
    }
    if (key === "prec" && /^[0-3]*(,[0-3])*$/.test(value)) { out.prec = value.split(",").filter(Boolean).map(Number); }
    if (key === "out") { out.outside = value === "1"; }
    if (key === "actor") { out.actor = value.slice(0, 200); }
  });
  if (out.hide) { out.hide.forEach(function (k) { filters.hiddenTypes[k] = true; }); }
  if (out.prec) { [0, 1, 2, 3].forEach(function (p) { filters.prec[p] = out.prec.indexOf(p) >= 0; }); }
  if (out.outside !== undefined) { filters.outside = out.outside; }
  if (out.actor) { filters.setActor(out.actor); }
  if (filters.minDay !== null) {
    if (out.from !== undefined) { filters.from = Math.min(Math.max(out.from, filters.minDay), filters.maxDay); }
    if (out.to !== undefined) { filters.to = Math.max(Math.min(out.to, filters.maxDay), filters.from); }
  }
  return out;
}

function writeHash(map, filters) {
  var c = map.getCenter(), parts = ["z=" + map.getZoom(), "c=" + c.lat.toFixed(4) + "," + c.lng.toFixed(4)];
  if (filters.minDay !== null && filters.from !== filters.minDay) { parts.push("from=" + isoDay(filters.from)); }
  if (filters.minDay !== null && filters.to !== filters.maxDay) { parts.push("to=" + isoDay(filters.to)); }
  var hide = Object.keys(filters.hiddenTypes).filter(function (k) { return filters.hiddenTypes[k]; });
  if (hide.length) { parts.push("hide=" + hide.join(",")); }
  var prec = [0, 1, 2, 3].filter(function (p) { return filters.prec[p]; });
  if (prec.length < 4) { parts.push("prec=" + prec.join(",")); }
  if (filters.outside) { parts.push("out=1"); }
  if (filters.actor) { parts.push("actor=" + encodeURIComponent(filters.actor)); }
  try { window.history.replaceState(null, "", "#" + parts.join("&")); } catch (e) { /* about:srcdoc in notebooks */ }
}
