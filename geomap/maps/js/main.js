/* Wiring: layers, the panel, tooltips and popups, the URL state and the figures tests read (#geomap-stats). */
var DEFAULT_VIEW = [[35.0, 38.5], 7];
var FIT_MAX_ZOOM = 10;  // a map of one incident (or of one point) opens on the town and its neighbours

function panelToggle(data, panel) {
  var control = L.control({ position: "topright" });
  control.onAdd = function () {
    var b = el("button", "☰ " + data.labels.openPanel, "geomap-toggle");
    b.type = "button";
    b.setAttribute("aria-controls", "geomap-panel");
    b.setAttribute("aria-expanded", "false");
    L.DomEvent.disableClickPropagation(b);
    b.addEventListener("click", function () {
      var open = !panel.classList.contains("geomap-open");
      panel.classList.toggle("geomap-open", open);
      b.setAttribute("aria-expanded", String(open));
      if (open) { panel.focus(); }
    });
    return b;
  };
  return control;
}

function noticeControl(map) {
  var control = L.control({ position: "bottomleft" }), box = el("div", null, "geomap-notice");
  box.setAttribute("role", "alert");
  box.hidden = true;
  control.onAdd = function () { return box; };
  control.addTo(map);
  return function (text) { box.textContent = text; box.hidden = false; };
}

function initialView(map, data, hash) {
  if (hash.center && hash.zoom !== undefined) { map.setView(hash.center, hash.zoom); return; }
  if (data.bounds) { map.fitBounds(data.bounds, { maxZoom: FIT_MAX_ZOOM, padding: [30, 30], animate: false }); }
  var z = map.getZoom();
  if (!data.bounds || !isFinite(z)) { map.setView(DEFAULT_VIEW[0], DEFAULT_VIEW[1]); }
}

function buildPanel(data, filters, ctx) {
  var panel = document.getElementById("geomap-panel") || document.body.appendChild(el("aside", null, "geomap-panel"));
  panel.id = "geomap-panel";
  panel.setAttribute("aria-label", data.labels.panel);
  panel.tabIndex = -1;
  var head = el("div", null, "geomap-head"), h1 = el("h1", data.title), close = el("button", "✕", "geomap-close");
  h1.setAttribute("dir", "auto");
  close.type = "button";
  close.setAttribute("aria-label", data.labels.closePanel);
  close.addEventListener("click", function () { panel.classList.remove("geomap-open"); });
  head.appendChild(h1);
  head.appendChild(close);
  var counts = el("p", null, "geomap-counts");
  counts.setAttribute("aria-live", "polite");
  head.appendChild(counts);
  panel.appendChild(head);
  var phoneTitle = el("div", data.title, "geomap-phone-title");
  phoneTitle.setAttribute("dir", "auto");
  phoneTitle.setAttribute("aria-hidden", "true");
  document.body.insertBefore(phoneTitle, document.body.firstChild);
  searchBox(panel, data, ctx.map, ctx.focusPlace);
  var typeCounts = data.dict.types.map(function () { return 0; });
  data.incidents.type.forEach(function (t) { typeCounts[t]++; });
  typeFilter(panel, data, filters, typeCounts);
  var syncDates = dateFilter(panel, data, filters);
  actorFilter(panel, data, filters);
  precisionFilter(panel, data, filters, data.incidents.out.indexOf(1) >= 0, ctx.outsideLayer, ctx.map);
  var chorLegend = ctx.chor ? choroplethLegend(panel, data, ctx.chor) : null;
  if (data.areas.length) {
    var sec = section(panel, data.labels.areas), r = el("div", null, "geomap-legend-row");
    r.appendChild(el("span", null, "geomap-swatch geomap-swatch-area"));
    r.appendChild(el("span", fmtCount(data.areas.length)));
    sec.appendChild(r);
  }
  exportButtons(panel, data, filters);
  var list = incidentList(panel, data, ctx.openIncident);
  panel.appendChild(el("p", data.attribution, "geomap-attribution"));
  return {
    panel: panel,
    update: function (inView) {
      counts.textContent = fmtCount(filters.list.length) + " " + data.labels.shown + " " + fmtCount(filters.n);
      if (chorLegend) { chorLegend(); }
      list(inView);
    },
    syncDates: syncDates
  };
}

window.geomapRender = function (map, data) {
  var stats = document.getElementById(data.statsId) || el("div"), container = map.getContainer();
  container.setAttribute("dir", "ltr");
  container.style.background = data.style.sea;
  container.setAttribute("role", "region");
  container.setAttribute("aria-label", data.title);
  map.setMinZoom(4);
  map.setMaxZoom(data.maxZoom);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution(data.mapAttribution);
  L.control.scale({ imperial: false, position: "bottomleft" }).addTo(map);
  makePanes(map);
  var filters = new Filters(data), hash = readHash(data, filters), notice = noticeControl(map);
  builtinLand(data).addTo(map);
  adminLines(data, map).addTo(map);
  var builtin = L.layerGroup().addTo(map), labels = new LabelLayer(data).addTo(map);  // builtin: the "no tiles" base
  var hoverArea = null, tip = L.tooltip({ direction: "top", offset: [0, -10], className: "geomap-tip" }), overlays = {};
  var chor = data.choropleth ? new Choropleth(data, function (h) { hoverArea = h; }) : null;
  if (chor) { chor.group.addTo(map); overlays[data.labels.choropleth] = chor.group; }
  if (data.areas.length) {
    var areas = areaLayer(data, function (h) { hoverArea = h; });
    if (!chor) { areas.addTo(map); }
    overlays[data.labels.areas] = areas;
  }
  var points = new PointsLayer(data, filters, { cluster: data.cluster, pane: "geomapPoints" });
  var heat = data.heat ? new HeatLayer(points, "geomapHeat") : null;
  var outsideLayer = L.layerGroup();
  outsideLayer.on("add remove", function (e) {
    filters.outside = e.type === "add";
    if (outsideLayer.checkbox) { outsideLayer.checkbox.checked = filters.outside; }
    filters.apply();
  });
  function openIncident(i, at) {
    var ll = at || L.latLng(data.incidents.lat[i], data.incidents.lon[i]);
    if (!map.getBounds().contains(ll)) { map.panTo(ll, { animate: false }); }
    if (window.matchMedia && window.matchMedia("(max-width: 700px)").matches) { ui.panel.classList.remove("geomap-open"); }
    L.popup(popupOptions(data, map)).setLatLng(ll).setContent(buildPopup(data, i)).openOn(map);
  }
  function focusPlace(k) {
    var p = data.basemap.places, box = p.box[k];
    if (box) { map.fitBounds([[box[0], box[1]], [box[2], box[3]]], { animate: false }); } else { map.setView([p.lat[k], p.lon[k]], 12, { animate: false }); }
    var ring = L.circleMarker([p.lat[k], p.lon[k]], { radius: 14, color: "#0d47a1", weight: 3, fill: false, interactive: false }).addTo(map);
    setTimeout(function () { map.removeLayer(ring); }, 2500);
  }
  var ui = buildPanel(data, filters, { map: map, chor: chor, outsideLayer: outsideLayer, openIncident: openIncident, focusPlace: focusPlace });
  panelToggle(data, ui.panel).addTo(map);
  var bases = {};
  bases[data.labels.builtin] = builtin;
  var tiles = tileLayers(data, map, builtin, notice);
  Object.keys(tiles).forEach(function (k) { bases[k] = tiles[k]; });
  overlays[data.labels.incidents] = points;
  if (heat) { overlays[data.labels.heat] = heat; }
  if (data.incidents.out.indexOf(1) >= 0) { overlays[data.labels.outside] = outsideLayer; }
  overlays[data.labels.labelsLayer] = labels;
  L.control.layers(bases, overlays, { collapsed: true, position: "topleft" }).addTo(map);

  function inView() {
    if (!map.hasLayer(points)) { return []; }
    var b = map.getBounds(), c = data.incidents;
    return filters.list.filter(function (i) { return b.contains([c.lat[i], c.lon[i]]); });
  }
  function refresh() {
    ui.update(inView());
    stats.setAttribute("data-visible", String(filters.list.length));
    stats.setAttribute("data-drawn", String(map.hasLayer(points) ? points.drawnCount : 0));
    stats.setAttribute("data-marks", String(map.hasLayer(points) ? points.marks.length : 0));
    writeHash(map, filters);
  }
  filters.onChange(function () {
    points.spider = null;
    if (map.hasLayer(points)) { points.redraw(); }
    if (heat && map.hasLayer(heat)) { heat.redraw(); }
    if (chor) { chor.update(data, filters); }
    if (ui.syncDates) { ui.syncDates(); }
    refresh();
  });
  map.on("moveend overlayadd overlayremove", refresh);

  map.on("mousemove", function (e) {
    var m = map.hasLayer(points) ? points.hit(e.containerPoint) : null, text = m ? tooltipText(data, m) : hoverArea && hoverArea.text;
    container.style.cursor = m ? "pointer" : "";
    if (!text) { map.closeTooltip(tip); return; }
    var span = el("span", text);
    span.setAttribute("dir", "auto");
    tip.setLatLng(m ? map.containerPointToLatLng([m.x, m.y - m.r]) : e.latlng).setContent(span);
    if (!map.hasLayer(tip)) { map.openTooltip(tip); }
  });
  map.on("mouseout", function () { map.closeTooltip(tip); hoverArea = null; });
  map.on("click", function (e) {
    var m = map.hasLayer(points) ? points.hit(e.containerPoint) : null;
    if (!m) { points.unspiderfy(); return; }
    map.closeTooltip(tip);
    if (m.i >= 0) { openIncident(m.i, map.containerPointToLatLng([m.x, m.y])); } else { points.expand(m); }
  });

  initialView(map, data, hash);
  points.addTo(map);
  if (heat) { heat.addTo(map); }
  if (filters.outside) { outsideLayer.addTo(map); }
  map.invalidateSize();
  filters.apply();
  window.geomap = { map: map, data: data, filters: filters, points: points, labels: labels, openIncident: openIncident };
  stats.setAttribute("data-incidents", String(filters.n));
  stats.setAttribute("data-areas", String(data.areas.length));
  stats.setAttribute("data-ready", "1");
};
