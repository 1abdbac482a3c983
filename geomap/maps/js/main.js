/* Wiring: layers, the panel, tooltips and popups, the URL state and the figures tests read (#geomap-stats). */
var DEFAULT_VIEW = [[35.0, 38.5], 7];
var FIT_MAX_ZOOM = 10;  // a map of one incident (or of one point) opens on the town and its neighbours

var PHONE_QUERY = "(max-width: 700px)";  // as in geomap_map.css: the panel is a drawer below this width

/* The panel button: on a phone it opens and closes the drawer, on a desktop it hides the panel for a wider map. */
function panelToggle(data, panel, map) {
  var control = L.control({ position: "topright" });
  control.onAdd = function () {
    var b = el("button", "☰ " + data.labels.openPanel, "geomap-toggle");
    b.type = "button";
    b.setAttribute("aria-controls", "geomap-panel");
    b.setAttribute("aria-expanded", String(!window.matchMedia(PHONE_QUERY).matches));
    L.DomEvent.disableClickPropagation(b);
    b.addEventListener("click", function () {
      var open;
      if (window.matchMedia(PHONE_QUERY).matches) {
        open = !panel.classList.contains("geomap-open");
        panel.classList.toggle("geomap-open", open);
        if (open) { map.closePopup(); }  // the drawer would cover it
      } else {
        open = document.body.classList.contains("geomap-collapsed");
        document.body.classList.toggle("geomap-collapsed", !open);
        map.invalidateSize();
      }
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

function mapChrome(map, data) {
  var container = map.getContainer();
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
}

/* Every layer; `g` (the page state) gets them as fields. Region tooltips are decided in pointerEvents. */
function buildLayers(map, data, g) {
  builtinLand(data).addTo(map);
  adminLines(data, map).addTo(map);
  g.builtin = L.layerGroup().addTo(map);  // the "no tiles" base layer: the built-in land is always beneath
  g.labels = new LabelLayer(data).addTo(map);
  g.overlays = {};
  function hover(h) { g.hoverArea = h; }
  g.chor = data.choropleth ? new Choropleth(data, hover) : null;
  if (g.chor) { g.chor.group.addTo(map); g.overlays[data.labels.choropleth] = g.chor.group; }
  if (data.areas.length) {
    var areas = areaLayer(data, hover);
    if (!g.chor) { areas.addTo(map); }  // with a choropleth, areas are a choice: outlines over shading confuse
    g.overlays[data.labels.areas] = areas;
  }
  g.points = new PointsLayer(data, g.filters, { cluster: data.cluster, pane: "geomapPoints" });
  g.heat = data.heat ? new HeatLayer(g.points, "geomapHeat") : null;
  g.outsideLayer = L.layerGroup();
  g.outsideLayer.on("add remove", function (e) {
    g.filters.outside = e.type === "add";
    if (g.outsideLayer.checkbox) { g.outsideLayer.checkbox.checked = g.filters.outside; }
    g.filters.apply();
  });
}

function layerControl(map, data, g, notice) {
  var bases = {}, overlays = g.overlays, tiles = tileLayers(data, map, g.builtin, notice);
  bases[data.labels.builtin] = g.builtin;
  Object.keys(tiles).forEach(function (k) { bases[k] = tiles[k]; });
  overlays[data.labels.incidents] = g.points;
  if (g.heat) { overlays[data.labels.heat] = g.heat; }
  if (data.incidents.out.indexOf(1) >= 0) { overlays[data.labels.outside] = g.outsideLayer; }
  overlays[data.labels.labelsLayer] = g.labels;
  L.control.layers(bases, overlays, { collapsed: true, position: "topleft" }).addTo(map);
}

function opener(map, data, g) {
  g.openIncident = function (i, at) {
    var ll = at || L.latLng(data.incidents.lat[i], data.incidents.lon[i]);
    if (!map.getBounds().contains(ll)) { map.panTo(ll, { animate: false }); }
    if (window.matchMedia && window.matchMedia(PHONE_QUERY).matches) { g.ui.panel.classList.remove("geomap-open"); }
    L.popup(popupOptions(data, map)).setLatLng(ll).setContent(buildPopup(data, i)).openOn(map);
  };
  g.focusPlace = function (k) {
    var p = data.basemap.places, box = p.box[k];
    if (box) { map.fitBounds([[box[0], box[1]], [box[2], box[3]]], { animate: false }); } else { map.setView([p.lat[k], p.lon[k]], 12, { animate: false }); }
    var ring = L.circleMarker([p.lat[k], p.lon[k]], { radius: 14, color: "#0d47a1", weight: 3, fill: false, interactive: false }).addTo(map);
    setTimeout(function () { map.removeLayer(ring); }, 2500);
  };
}

/* One tooltip for everything: an incident or cluster under the pointer first, else the region or unit below. */
function pointerEvents(map, data, g) {
  var tip = L.tooltip({ direction: "top", offset: [0, -10], className: "geomap-tip" }), container = map.getContainer();
  function hit(e) { return map.hasLayer(g.points) ? g.points.hit(e.containerPoint) : null; }
  map.on("mousemove", function (e) {
    var m = hit(e), text = m ? tooltipText(data, m) : g.hoverArea && g.hoverArea.text;
    container.style.cursor = m ? "pointer" : "";
    if (!text) { map.closeTooltip(tip); return; }
    var span = el("span", text);
    span.setAttribute("dir", "auto");
    tip.setLatLng(m ? map.containerPointToLatLng([m.x, m.y - m.r]) : e.latlng).setContent(span);
    if (!map.hasLayer(tip)) { map.openTooltip(tip); }
  });
  map.on("mouseout", function () { map.closeTooltip(tip); g.hoverArea = null; });
  map.on("click", function (e) {
    var m = hit(e);
    if (!m) { g.points.unspiderfy(); return; }
    map.closeTooltip(tip);
    if (m.i >= 0) { g.openIncident(m.i, map.containerPointToLatLng([m.x, m.y])); } else { g.points.expand(m); }
  });
}

/* After every filter change and map move: redraw, recount, relist, and keep the URL in step. */
function refresher(map, data, g, stats) {
  function inView() {
    if (!map.hasLayer(g.points)) { return []; }
    var b = map.getBounds(), c = data.incidents;
    return g.filters.list.filter(function (i) { return b.contains([c.lat[i], c.lon[i]]); });
  }
  function refresh() {
    g.ui.update(inView());
    stats.setAttribute("data-visible", String(g.filters.list.length));
    stats.setAttribute("data-drawn", String(map.hasLayer(g.points) ? g.points.drawnCount : 0));
    stats.setAttribute("data-marks", String(map.hasLayer(g.points) ? g.points.marks.length : 0));
    writeHash(map, g.filters);
  }
  g.filters.onChange(function () {
    g.points.spider = null;
    if (map.hasLayer(g.points)) { g.points.redraw(); }
    if (g.heat && map.hasLayer(g.heat)) { g.heat.redraw(); }
    if (g.chor) { g.chor.update(data, g.filters); }
    if (g.ui.syncDates) { g.ui.syncDates(); }
    refresh();
  });
  map.on("moveend overlayadd overlayremove", refresh);
}

window.geomapRender = function (map, data) {
  var stats = document.getElementById(data.statsId) || el("div"), g = { map: map, filters: new Filters(data), hoverArea: null };
  mapChrome(map, data);
  var hash = readHash(data, g.filters), notice = noticeControl(map);
  buildLayers(map, data, g);
  opener(map, data, g);
  g.ui = buildPanel(data, g.filters, g);
  panelToggle(data, g.ui.panel, map).addTo(map);
  layerControl(map, data, g, notice);
  refresher(map, data, g, stats);
  pointerEvents(map, data, g);
  initialView(map, data, hash);
  g.points.addTo(map);
  if (g.heat) { g.heat.addTo(map); }
  if (g.filters.outside) { g.outsideLayer.addTo(map); }
  map.invalidateSize();
  g.filters.apply();
  window.geomap = { map: map, data: data, filters: g.filters, points: g.points, labels: g.labels, openIncident: g.openIncident };
  stats.setAttribute("data-incidents", String(g.filters.n));
  stats.setAttribute("data-areas", String(data.areas.length));
  stats.setAttribute("data-ready", "1");
};
