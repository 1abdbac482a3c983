/* Popups and tooltips: DOM built with textContent; each value isolated with <bdi> so Arabic and English mix in the
 * right order; free text (excerpts, sources) with dir="auto" so an English note keeps its full stop at its end. */
var POPUP_TOP_PX = 56;   // popups open below the map's top controls (zoom, layers, the phone's filter button)
var POPUP_SIDE_PX = 56;  // and clear of the control column on the left

function row(table, name, value, valueDir) {
  if (value === null || value === undefined || value === "") { return; }
  var tr = el("tr"), td = el("td");
  tr.appendChild(el("th", name));
  if (value.nodeType) { td.appendChild(value); } else {
    var b = el("bdi", value);
    if (valueDir) { b.setAttribute("dir", valueDir); }
    td.appendChild(b);
  }
  tr.appendChild(td);
  table.appendChild(tr);
}

function sourcesNode(data, i) {
  var names = splitList(data.dict.sources[data.incidents.source[i]]);
  var urls = splitList(data.dict.urls[data.incidents.url[i]]).map(safeUrl);
  if (!names.length && !urls.some(Boolean)) { return null; }
  var list = el("ul", null, "geomap-sources"), n = Math.max(names.length, urls.length);
  for (var k = 0; k < n; k++) {
    var li = el("li"), name = names[k] || data.labels.link, url = urls.length === names.length || !names.length ? urls[k] : null;
    li.setAttribute("dir", "auto");
    if (url) {
      var a = el("a", name);
      a.href = url; a.target = "_blank"; a.rel = "noopener noreferrer";
      li.appendChild(a);
    } else { li.appendChild(el("bdi", name)); }
    list.appendChild(li);
  }
  if (urls.length && urls.length !== names.length && names.length) {
    urls.filter(Boolean).forEach(function (u) {
      var li = el("li"), a = el("a", u);
      a.href = u; a.target = "_blank"; a.rel = "noopener noreferrer"; li.setAttribute("dir", "ltr");
      li.appendChild(a); list.appendChild(li);
    });
  }
  return list;
}

function countText(data, v) {
  if (v === null || v === undefined) { return data.labels.notStated; }
  return fmtCount(v);
}

function buildPopup(data, i) {
  var c = data.incidents, d = data.dict, L_ = data.labels, ar = data.lang === "ar";
  var box = el("div", null, "geomap-popup");
  box.setAttribute("dir", ar ? "rtl" : "ltr");
  box.setAttribute("lang", data.lang);
  var place = d.places[c.place[i]], head = el("div", null, "geomap-popup-title");
  head.appendChild(el("bdi", (ar ? place[0] || place[1] : place[1] || place[0]) || "—"));
  box.appendChild(head);
  var other = ar ? place[1] : place[0];
  if (other && other !== (ar ? place[0] : place[1])) {
    var sub = el("div", other, "geomap-popup-alt");
    sub.setAttribute("dir", "auto");
    box.appendChild(sub);
  }
  if (c.out[i]) { box.appendChild(el("div", L_.outsideNote, "geomap-popup-flag")); }
  var badge = el("div", null, "geomap-popup-type"), sw = el("span", null, "geomap-swatch");
  sw.style.background = d.typeColours[c.type[i]];
  badge.appendChild(sw);
  badge.appendChild(el("bdi", typeLabel(data, c.type[i])));
  var s = subLabel(data, c.sub[i]);
  if (s) { badge.appendChild(el("span", " · ")); badge.appendChild(el("bdi", s)); }
  box.appendChild(badge);
  var table = el("table", null, "geomap-popup-table");
  var day = c.day[i] === null ? null : isoDay(c.day[i]);
  if (day && c.dayEnd[i] !== null && c.dayEnd[i] !== c.day[i]) { day += " – " + isoDay(c.dayEnd[i]); }
  row(table, L_.date, day, "ltr");
  var a1 = actorLabel(data, d.actors[c.actor1[i]]), a2 = actorLabel(data, d.actors[c.actor2[i]]);
  if (a1 || a2) {
    var actors = el("span");
    if (a1) { actors.appendChild(el("bdi", a1)); }
    if (a1 && a2) { actors.appendChild(el("span", " ↔ ")); }
    if (a2) { actors.appendChild(el("bdi", a2)); }
    row(table, L_.actors, actors);
  }
  row(table, L_.fatalities, countText(data, c.fat[i]));
  row(table, L_.injuries, countText(data, c.inj[i]));
  row(table, L_.precision, L_.precisionNames[String(c.prec[i])]);
  row(table, L_.confidence, c.conf[i] === null ? null : Math.round(c.conf[i] * 100) + "%", "ltr");
  row(table, L_.reports, c.nsrc[i] === null ? null : fmtCount(c.nsrc[i]));
  row(table, L_.sources, sourcesNode(data, i));
  row(table, L_.merged, c.merged[i] || null, "ltr");
  row(table, L_.id, c.id[i] || null, "ltr");
  box.appendChild(table);
  var ex = c.excerpt[i];
  if (ex) {
    var p = el("p", null, "geomap-popup-excerpt");
    p.setAttribute("dir", "auto");
    p.appendChild(document.createTextNode(ex[0]));
    if (ex[1]) { p.appendChild(el("mark", ex[1])); }
    p.appendChild(document.createTextNode(ex[2] || ""));
    box.appendChild(p);
  }
  return box;
}

function popupOptions(data, map) {
  var size = map.getSize(), width = Math.max(160, Math.min(340, size.x - POPUP_SIDE_PX - 44));
  return {
    maxWidth: width, minWidth: Math.min(240, width), maxHeight: Math.max(160, Math.round(size.y * 0.6)),
    autoPanPaddingTopLeft: [POPUP_SIDE_PX, POPUP_TOP_PX], autoPanPaddingBottomRight: [12, 24],
    className: data.lang === "ar" ? "geomap-popup-rtl" : "geomap-popup-ltr"
  };
}

function tooltipText(data, mark) {
  if (mark.members.length > 1) { return fmtCount(mark.members.length) + " " + data.labels.cluster; }
  var i = mark.i, parts = [placeLabel(data, i) || "—"];
  if (data.incidents.day[i] !== null) { parts.push(isoDay(data.incidents.day[i])); }
  return parts.join(" · ");
}
