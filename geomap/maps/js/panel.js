/* The side panel (a drawer on phones): title and counts, place search, filters that are also the legend (event
 * types, dates with play, actor, precision, incidents outside Syria), export, the choropleth legend and a
 * keyboard-reachable list of the incidents in view. */
var LEGEND_TYPES = 12;   // event types listed one by one; the rest share one "other types" row
var LIST_MAX = 100;      // incidents listed for the current view
var PLAY_MS = 450;       // one step of the date animation
var HIST_BINS = 60;

var uid = 0;
function field(parent, labelText, input) {
  var wrap = el("div", null, "geomap-field"), lab = el("label", labelText);
  input.id = "geomap-in-" + (++uid);
  lab.htmlFor = input.id;
  wrap.appendChild(lab);
  wrap.appendChild(input);
  parent.appendChild(wrap);
  return wrap;
}

function section(panel, title) {
  var box = el("section", null, "geomap-section"), h = el("h2", title);
  box.appendChild(h);
  panel.appendChild(box);
  return box;
}

function fold(s) {
  return String(s || "").toLowerCase().replace(/[\u064B-\u065F\u0670\u0640]/g, "").replace(/[أإآٱ]/g, "ا")
    .replace(/ة/g, "ه").replace(/ى/g, "ي").replace(/^ال/, "");
}

function searchBox(panel, data, map, focusPlace) {
  var p = data.basemap.places, sec = section(panel, data.labels.search), input = el("input");
  input.type = "search";
  input.setAttribute("dir", "auto");
  input.autocomplete = "off";
  field(sec, data.labels.search, input).className = "geomap-field geomap-hidden-label";
  var status = el("div", null, "geomap-status"), results = el("ul", null, "geomap-results");
  status.setAttribute("role", "status");
  sec.appendChild(status);
  sec.appendChild(results);
  var keys = p.ar.map(function (a, k) { return [fold(a), fold(p.en[k])]; });
  function find(q) {
    var f = fold(q), hits = [];
    if (!f) { return hits; }
    for (var k = 0; k < keys.length; k++) {
      var rank = keys[k][0] === f || keys[k][1] === f ? 0 : (keys[k][0].indexOf(f) === 0 || keys[k][1].indexOf(f) === 0) ? 1 :
        (keys[k][0].indexOf(f) > 0 || keys[k][1].indexOf(f) > 0) ? 2 : -1;
      if (rank >= 0) { hits.push([rank, p.kind[k], k]); }
    }
    hits.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1] || a[2] - b[2]; });
    return hits.slice(0, 8).map(function (h) { return h[2]; });
  }
  function go(k) {
    focusPlace(k);
    results.textContent = "";
  }
  function show() {
    var hits = find(input.value);
    results.textContent = "";
    status.textContent = !input.value.trim() ? "" : hits.length ? hits.length + " " + data.labels.results : data.labels.notFound;
    hits.forEach(function (k) {
      var li = el("li"), b = el("button", null, "geomap-result"), gov = data.basemap.governorateNames[p.gov[k]];
      b.type = "button";
      b.appendChild(el("bdi", data.lang === "ar" ? p.ar[k] : (p.en[k] || p.ar[k])));
      var kind = data.labels.kinds[data.basemap.kinds[p.kind[k]]] + (gov && p.kind[k] > 0 ? " · " + gov[data.lang === "ar" ? 0 : 1] : "");
      b.appendChild(el("span", " " + kind, "geomap-muted"));
      b.addEventListener("click", function () { go(k); });
      li.appendChild(b);
      results.appendChild(li);
    });
    return hits;
  }
  input.addEventListener("input", show);
  input.addEventListener("keydown", function (e) {
    if (e.key === "Enter") { var hits = show(); if (hits.length) { go(hits[0]); } e.preventDefault(); }
  });
  return input;
}

function typeFilter(panel, data, filters, counts) {
  var sec = section(panel, data.labels.types), box = el("div", null, "geomap-types"), n = data.dict.types.length;
  var order = [];
  for (var k = 0; k < n; k++) { if (counts[k]) { order.push(k); } }
  var own = order.filter(function (k) { return order.indexOf(k) < LEGEND_TYPES || data.dict.types[k] === null; });
  var rest = order.filter(function (k) { return own.indexOf(k) < 0; });
  function checkbox(text, colour, keys, count) {
    var lab = el("label", null, "geomap-check"), cb = el("input"), sw = el("span", null, "geomap-swatch");
    cb.type = "checkbox";
    cb.checked = keys.every(function (k) { return !filters.hiddenTypes[k]; });
    cb.addEventListener("change", function () {
      keys.forEach(function (k) { filters.hiddenTypes[k] = !cb.checked; });
      filters.apply();
    });
    sw.style.background = colour;
    lab.appendChild(cb);
    lab.appendChild(sw);
    lab.appendChild(el("bdi", text));
    lab.appendChild(el("span", fmtCount(count), "geomap-count"));
    box.appendChild(lab);
    return cb;
  }
  var boxes = own.map(function (k) { return [checkbox(typeLabel(data, k), data.dict.typeColours[k], [k], counts[k]), [k]]; });
  if (rest.length) {
    var total = rest.reduce(function (s, k) { return s + counts[k]; }, 0);
    boxes.push([checkbox(data.labels.otherTypes + " (" + rest.length + ")", data.dict.typeColours[rest[0]], rest, total), rest]);
  }
  var bar = el("div", null, "geomap-buttons");
  [[data.labels.all, false], [data.labels.none, true]].forEach(function (b) {
    var btn = el("button", b[0]);
    btn.type = "button";
    btn.addEventListener("click", function () {
      for (var k = 0; k < n; k++) { filters.hiddenTypes[k] = b[1]; }
      boxes.forEach(function (x) { x[0].checked = !b[1]; });
      filters.apply();
    });
    bar.appendChild(btn);
  });
  sec.appendChild(box);
  sec.appendChild(bar);
}

function precisionFilter(panel, data, filters, hasOutside, outsideLayer, map) {
  var sec = section(panel, data.labels.precision);
  [1, 2, 3, 0].forEach(function (p) {
    var lab = el("label", null, "geomap-check"), cb = el("input"), icon = el("span", null, "geomap-shape geomap-shape-" + p);
    cb.type = "checkbox";
    cb.checked = filters.prec[p];
    cb.addEventListener("change", function () { filters.prec[p] = cb.checked; filters.apply(); });
    lab.appendChild(cb); lab.appendChild(icon); lab.appendChild(el("span", data.labels.precisionNames[String(p)]));
    sec.appendChild(lab);
  });
  if (hasOutside) {
    var lab = el("label", null, "geomap-check"), cb = el("input");
    cb.type = "checkbox";
    cb.checked = filters.outside;
    cb.id = "geomap-outside";
    cb.addEventListener("change", function () { if (cb.checked) { map.addLayer(outsideLayer); } else { map.removeLayer(outsideLayer); } });
    outsideLayer.checkbox = cb;
    lab.appendChild(cb); lab.appendChild(el("span", null, "geomap-shape geomap-shape-out")); lab.appendChild(el("span", data.labels.outside));
    sec.appendChild(lab);
  }
}

function histogram(filters, data) {
  var cv = el("canvas", null, "geomap-hist"), c = data.incidents, bins = [], span = filters.maxDay - filters.minDay + 1;
  cv.width = 280; cv.height = 36;
  cv.setAttribute("aria-hidden", "true");
  for (var b = 0; b < HIST_BINS; b++) { bins.push(0); }
  for (var i = 0; i < c.day.length; i++) {
    if (c.day[i] !== null) { bins[Math.min(HIST_BINS - 1, Math.floor((c.day[i] - filters.minDay) * HIST_BINS / span))]++; }
  }
  var max = Math.max.apply(null, bins.concat([1]));
  cv.draw = function () {
    var ctx = cv.getContext("2d"), w = cv.width / HIST_BINS;
    ctx.clearRect(0, 0, cv.width, cv.height);
    bins.forEach(function (n, k) {
      var d0 = filters.minDay + k * span / HIST_BINS, inside = d0 + span / HIST_BINS > filters.from && d0 <= filters.to;
      ctx.fillStyle = inside ? "#c0562b" : "#d8d2ca";
      var h = n ? Math.max(2, Math.round(32 * n / max)) : 0;
      ctx.fillRect(k * w + 0.5, cv.height - h, Math.max(1, w - 1), h);
    });
  };
  return cv;
}

function dateFilter(panel, data, filters) {
  if (!filters.dated() || !data.time) { return null; }
  var sec = section(panel, data.labels.dates), hist = histogram(filters, data), out = el("div", null, "geomap-range-text");
  out.setAttribute("dir", "ltr");
  out.setAttribute("aria-live", "polite");
  sec.appendChild(hist);
  var ticks = el("div", null, "geomap-ticks");
  ticks.setAttribute("dir", "ltr");
  ticks.setAttribute("aria-hidden", "true");
  ticks.appendChild(el("span", isoDay(filters.minDay)));
  ticks.appendChild(el("span", isoDay(Math.round((filters.minDay + filters.maxDay) / 2))));
  ticks.appendChild(el("span", isoDay(filters.maxDay)));
  sec.appendChild(ticks);
  var from = el("input"), to = el("input"), span = filters.maxDay - filters.minDay;
  [from, to].forEach(function (inp) {
    inp.type = "range"; inp.min = "0"; inp.max = String(span); inp.step = "1";
    inp.setAttribute("dir", "ltr");  // time runs left to right, as in the histogram above
  });
  field(sec, data.labels.from, from);
  field(sec, data.labels.to, to);
  function sync() {
    from.value = String(filters.from - filters.minDay);
    to.value = String(filters.to - filters.minDay);
    from.setAttribute("aria-valuetext", isoDay(filters.from));
    to.setAttribute("aria-valuetext", isoDay(filters.to));
    out.textContent = isoDay(filters.from) + " → " + isoDay(filters.to);
    hist.draw();
  }
  from.addEventListener("input", function () {
    filters.from = filters.minDay + Number(from.value);
    if (filters.from > filters.to) { filters.to = filters.from; }
    sync(); filters.apply();
  });
  to.addEventListener("input", function () {
    filters.to = filters.minDay + Number(to.value);
    if (filters.to < filters.from) { filters.from = filters.to; }
    sync(); filters.apply();
  });
  var play = el("button", "▶ " + data.labels.play, "geomap-play"), timer = null;
  play.type = "button";
  function stop() { clearInterval(timer); timer = null; play.textContent = "▶ " + data.labels.play; }
  play.addEventListener("click", function () {
    if (timer) { stop(); return; }
    var width = filters.to - filters.from;
    if (width >= span) { width = Math.max(1, Math.round(span / 10)); }
    if (filters.to >= filters.maxDay) { filters.from = filters.minDay; }
    filters.to = filters.from + width;
    var step = Math.max(1, Math.round(span / 60));
    play.textContent = "❚❚ " + data.labels.pause;
    sync(); filters.apply();
    timer = setInterval(function () {
      if (filters.to >= filters.maxDay) { stop(); return; }
      filters.to = Math.min(filters.maxDay, filters.to + step);
      filters.from = filters.to - width;
      sync(); filters.apply();
    }, PLAY_MS);
  });
  sec.appendChild(out);
  sec.appendChild(play);
  sync();
  return sync;
}

function actorFilter(panel, data, filters) {
  var names = data.dict.actors.filter(function (a) { return a; });
  if (!names.length) { return; }
  var sec = section(panel, data.labels.actor), input = el("input"), list = el("datalist");
  input.type = "search";
  input.setAttribute("dir", "auto");
  input.placeholder = data.labels.actorHint;
  input.value = filters.actor;
  list.id = "geomap-actors";
  input.setAttribute("list", list.id);
  names.slice(0, 500).forEach(function (a) { var o = el("option"); o.value = actorLabel(data, a); list.appendChild(o); });
  field(sec, data.labels.actor, input).className = "geomap-field geomap-hidden-label";
  sec.appendChild(list);
  input.addEventListener("input", function () { filters.setActor(input.value); filters.apply(); });
}

function download(name, type, text) {
  var a = el("a"), url = URL.createObjectURL(new Blob([text], { type: type }));
  a.href = url; a.download = name;
  document.body.appendChild(a); a.click(); document.body.removeChild(a);
  setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
}

function exportRecord(data, i) {
  var c = data.incidents, d = data.dict, p = d.places[c.place[i]];
  return {
    event_id_cnty: c.id[i], event_date: c.day[i] === null ? null : isoDay(c.day[i]),
    event_date_end: c.dayEnd[i] === null ? null : isoDay(c.dayEnd[i]), event_type: d.types[c.type[i]],
    sub_event_type: d.subs[c.sub[i]], actor1: d.actors[c.actor1[i]], actor2: d.actors[c.actor2[i]],
    fatalities: c.fat[i], injuries: c.inj[i], location_ar: p[0] || null, location: p[1] || null,
    geo_precision: c.prec[i] || null, source: d.sources[c.source[i]], source_url: d.urls[c.url[i]],
    source_count: c.nsrc[i], status: c.out[i] ? "outside_syria" : "placed", latitude: c.lat[i], longitude: c.lon[i]
  };
}

function csvCell(v) {
  if (v === null || v === undefined) { return ""; }
  var s = String(v);
  if (/^[=+\-@\t\r]/.test(s) && typeof v === "string") { s = "'" + s; }
  return /[",\n\r]/.test(s) ? "\"" + s.replace(/"/g, "\"\"") + "\"" : s;
}

function exportButtons(panel, data, filters) {
  var sec = section(panel, data.labels.export), bar = el("div", null, "geomap-buttons");
  var geo = el("button", "GeoJSON"), csv = el("button", "CSV");
  geo.type = csv.type = "button";
  geo.addEventListener("click", function () {
    var feats = filters.list.map(function (i) {
      var rec = exportRecord(data, i);
      return { type: "Feature", geometry: { type: "Point", coordinates: [rec.longitude, rec.latitude] }, properties: rec };
    });
    download("incidents.geojson", "application/geo+json", JSON.stringify({ type: "FeatureCollection", features: feats }));
  });
  csv.addEventListener("click", function () {
    var rows = filters.list.map(function (i) { return exportRecord(data, i); }), cols = Object.keys(exportRecord(data, 0));
    var lines = [cols.join(",")].concat(rows.map(function (r) { return cols.map(function (k) { return csvCell(r[k]); }).join(","); }));
    download("incidents.csv", "text/csv;charset=utf-8", "\ufeff" + lines.join("\r\n") + "\r\n");
  });
  if (!data.incidents.lat.length) { geo.disabled = csv.disabled = true; }
  bar.appendChild(geo);
  bar.appendChild(csv);
  sec.appendChild(bar);
}

function choroplethLegend(panel, data, chor) {
  var sec = section(panel, data.labels.choropleth), box = el("div", null, "geomap-chor-legend");
  sec.appendChild(box);
  return function () {
    box.textContent = "";
    chor.classes.forEach(function (c, k) {
      var r = el("div", null, "geomap-legend-row"), sw = el("span", null, "geomap-swatch geomap-swatch-square");
      sw.style.background = data.style.ramp[k];
      r.appendChild(sw);
      var t = el("span", c[0] === c[1] ? fmtCount(c[0]) : fmtCount(c[0]) + "–" + fmtCount(c[1]));
      t.setAttribute("dir", "ltr");
      r.appendChild(t);
      box.appendChild(r);
    });
  };
}

function incidentList(panel, data, openIncident) {
  var sec = section(panel, data.labels.list), list = el("ol", null, "geomap-list"), more = el("p", null, "geomap-muted");
  sec.appendChild(list);
  sec.appendChild(more);
  return function (indices) {
    var c = data.incidents;
    indices = indices.slice().sort(function (a, b) { return (c.day[b] || 0) - (c.day[a] || 0) || a - b; });
    list.textContent = "";
    indices.slice(0, LIST_MAX).forEach(function (i) {
      var li = el("li"), b = el("button", null, "geomap-item"), sw = el("span", null, "geomap-swatch");
      b.type = "button";
      sw.style.background = data.dict.typeColours[c.type[i]];
      b.appendChild(sw);
      b.appendChild(el("bdi", placeLabel(data, i) || "—"));
      b.appendChild(el("span", " · " + typeLabel(data, c.type[i]) + (c.day[i] === null ? "" : " · " + isoDay(c.day[i])), "geomap-muted"));
      b.addEventListener("click", function () { openIncident(i); });
      li.appendChild(b);
      list.appendChild(li);
    });
    more.textContent = indices.length > LIST_MAX ? fmtCount(indices.length - LIST_MAX) + " " + data.labels.more : "";
  };
}
