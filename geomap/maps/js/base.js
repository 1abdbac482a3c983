/* The built-in basemap (neighbouring countries, sea, Syria's governorates and districts, rivers, place names),
 * optional online tiles, the choropleth and the region areas. Colours come from geomap.maps.style (data.style). */
var PANES = [  // name, z-index, takes mouse events
  ["geomapLand", 150, false],  // under the tile pane (200): online tiles cover it, and it shows if they fail
  ["geomapAdmin", 380, false],
  ["geomapLabels", 460, false],
  ["geomapHeat", 470, false],
  ["geomapPoints", 620, false]
];

function makePanes(map) {
  PANES.forEach(function (p) {
    var pane = map.createPane(p[0]);
    pane.style.zIndex = String(p[1]);
    if (!p[2]) { pane.style.pointerEvents = "none"; }
  });
}

function builtinLand(data) {
  var st = data.style, LAND = { color: st.landEdge, weight: 0.8, fillColor: st.land, fillOpacity: 1 };
  var SYRIA = { color: st.syriaEdge, weight: 1.4, fillColor: st.syria, fillOpacity: 1 };
  var b = data.basemap, renderer = L.svg({ pane: "geomapLand" }), group = L.layerGroup();
  b.countries.forEach(function (c) {
    group.addLayer(L.geoJSON(c.geometry, { pane: "geomapLand", renderer: renderer, interactive: false, style: LAND }));
  });
  b.governorates.forEach(function (g) {
    group.addLayer(L.geoJSON(g.geometry, { pane: "geomapLand", renderer: renderer, interactive: false, style: SYRIA }));
  });
  return group;
}

function adminLines(data, map) {
  var st = data.style, DISTRICT = { color: st.district, weight: 0.7, fill: false, dashArray: "3 3" };
  var RIVER = { color: st.river, weight: 2.2, opacity: 0.9 };
  var b = data.basemap, renderer = L.svg({ pane: "geomapAdmin" }), group = L.layerGroup(), districts = L.layerGroup();
  b.districts.forEach(function (g) {
    districts.addLayer(L.geoJSON(g, { pane: "geomapAdmin", renderer: renderer, interactive: false, style: DISTRICT }));
  });
  b.governorates.forEach(function (g) {
    var style = { color: st.syriaEdge, weight: 1.4, fill: false };
    group.addLayer(L.geoJSON(g.geometry, { pane: "geomapAdmin", renderer: renderer, interactive: false, style: style }));
  });
  b.rivers.forEach(function (r) {
    group.addLayer(L.geoJSON(r.geometry, { pane: "geomapAdmin", renderer: renderer, interactive: false, style: RIVER }));
  });
  function zoomed() {
    if (map.getZoom() >= 8 && group.hasLayer && !group.hasLayer(districts)) { group.addLayer(districts); }
    if (map.getZoom() < 8 && group.hasLayer(districts)) { group.removeLayer(districts); }
  }
  map.on("zoomend", zoomed);
  zoomed();
  return group;
}

/* Place names on a canvas: countries and the sea, governorates, then towns by importance, none overlapping. */
var LabelLayer = CanvasLayer.extend({
  initialize: function (data) { this.data = data; this.paneName = "geomapLabels"; },
  candidates: function () {
    var b = this.data.basemap, z = this._map.getZoom(), ar = this.data.lang === "ar", out = [], p = b.places;
    function name(pair) { return ar ? (pair[0] || pair[1]) : (pair[1] || pair[0]); }
    if (z <= 9) {
      out.push({ text: this.data.labels.sea, lat: b.sea[0], lon: b.sea[1], style: "sea" });
      b.countries.forEach(function (c) { out.push({ text: name(c.name), lat: c.label[0], lon: c.label[1], style: "country" }); });
    }
    var govs = z >= 6 && z <= 9 ? b.governorates.map(function (g) { return { text: name(g.name), lat: g.label[0], lon: g.label[1], style: "gov" }; }) : [];
    var bounds = this._map.getBounds().pad(0.1), towns = [];
    for (var k = 0; k < p.ar.length; k++) {
      if (p.zoom[k] < 0 || p.zoom[k] > z || !bounds.contains([p.lat[k], p.lon[k]])) { continue; }
      towns.push(k);
    }
    towns.sort(function (a, c) { return p.zoom[a] - p.zoom[c] || a - c; });
    var townLabels = towns.map(function (k) {
      return { text: ar ? p.ar[k] : (p.en[k] || p.ar[k]), lat: p.lat[k], lon: p.lon[k], style: p.zoom[k] <= 6 ? "city" : "town" };
    });
    var named = {};
    townLabels.forEach(function (t) { named[t.text] = true; });
    // a governorate named like its capital is named once, by the city
    return out.concat(govs.filter(function (g) { return !named[g.text]; }), townLabels);
  },
  redraw: function () {
    if (!this._map) { return; }
    var map = this._map, size = map.getSize(), ratio = window.devicePixelRatio || 1, cv = this.canvas, placed = [], texts = [];
    cv.width = Math.round(size.x * ratio); cv.height = Math.round(size.y * ratio);
    cv.style.width = size.x + "px"; cv.style.height = size.y + "px"; cv.style.visibility = "";
    L.DomUtil.setPosition(cv, map.containerPointToLayerPoint([0, 0]));
    var ctx = cv.getContext("2d"), fonts = "'Noto Sans Arabic', 'Noto Naskh Arabic', 'Noto Sans', Tahoma, sans-serif";
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.textBaseline = "middle";
    ctx.textAlign = "center";
    ctx.direction = this.data.lang === "ar" ? "rtl" : "ltr";
    ctx.lineJoin = "round";
    var styles = {
      sea: ["italic 15px " + fonts, "#3f6f96", 0], country: ["bold 15px " + fonts, "#8a8278", 0],
      gov: ["bold 13px " + fonts, "#6d5f52", 0], city: ["bold 13px " + fonts, "#222", 3.2], town: ["12px " + fonts, "#333", 2.4]
    };
    this.candidates().forEach(function (c) {
      var st = styles[c.style], pt = map.latLngToContainerPoint([c.lat, c.lon]);
      ctx.font = st[0];
      var w = ctx.measureText(c.text).width, h = 16, x = pt.x, y = st[2] ? pt.y - 10 : pt.y;
      var box = [x - w / 2 - 3, y - h / 2, x + w / 2 + 3, y + h / 2];
      if (box[2] < 0 || box[0] > size.x || box[3] < 0 || box[1] > size.y) { return; }
      for (var k = 0; k < placed.length; k++) {
        var q = placed[k];
        if (box[0] < q[2] && box[2] > q[0] && box[1] < q[3] && box[3] > q[1]) { return; }
      }
      placed.push(box);
      texts.push(c.text);
      if (st[2]) {
        ctx.beginPath(); ctx.arc(pt.x, pt.y, st[2], 0, 2 * Math.PI);
        ctx.fillStyle = "#444"; ctx.fill(); ctx.lineWidth = 1; ctx.strokeStyle = "#fff"; ctx.stroke();
      }
      ctx.lineWidth = 3.5; ctx.strokeStyle = "rgba(255,255,255,0.9)";
      ctx.strokeText(c.text, x, y);
      ctx.fillStyle = st[1];
      ctx.fillText(c.text, x, y);
    });
    this.placed = texts;
  }
});

/* Online tile layers: offered as choices over the built-in map; if they fail to load, they are switched off with
 * a notice and the built-in map (always drawn beneath) is what shows. */
function tileLayers(data, map, builtin, notice) {
  var out = {};
  (data.tiles || []).forEach(function (t) {
    var layer = L.tileLayer(t.url, { attribution: t.attribution, maxZoom: t.maxZoom || 18 }), failed = 0, loaded = 0;
    layer.on("tileload", function () { loaded++; });
    layer.on("tileerror", function () {
      failed++;
      if (failed === 4 && loaded === 0 && map.hasLayer(layer)) {
        map.removeLayer(layer);
        map.addLayer(builtin);
        notice(data.labels.tilesFailed);
      }
    });
    out[t.name] = layer;
  });
  return out;
}

/* The same rule as geomap.maps.style.choropleth_classes, applied to the counts of the shown incidents. */
function choroplethClasses(counts, steps) {
  var nz = counts.filter(function (n) { return n > 0; }).sort(function (a, b) { return a - b; }), classes = [[0, 0]], lo = 1;
  for (var s = 1; s <= steps && nz.length; s++) {
    var v = nz[Math.min(nz.length - 1, Math.ceil(nz.length * s / steps) - 1)];
    if (v >= lo) { classes.push([lo, v]); lo = v + 1; }
  }
  return classes;
}

/* Admin units shaded by the number of shown incidents in each; recounted on every filter change. */
function Choropleth(data, hover) {
  var ch = data.choropleth, renderer = L.svg(), self = this;
  this.group = L.layerGroup();
  this.layers = ch.geometries.map(function (g, k) {
    var layer = L.geoJSON(g, { renderer: renderer, style: { color: "#7a6a5a", weight: 0.6, fillOpacity: 0.72 } });
    layer.on("mouseover", function () {
      hover({ text: ch.names[k][data.lang === "ar" ? 0 : 1] + ": " + fmtCount(self.counts[k] || 0) });
    });
    layer.on("mouseout", function () { hover(null); });
    self.group.addLayer(layer);
    return layer;
  });
  this.counts = [];
  this.classes = [[0, 0]];
}

Choropleth.prototype.update = function (data, filters) {
  var counts = data.choropleth.names.map(function () { return 0; }), unit = data.incidents.unit;
  filters.list.forEach(function (i) { if (unit[i] >= 0) { counts[unit[i]]++; } });
  var ramp = data.style.ramp, classes = choroplethClasses(counts, ramp.length - 1);
  this.counts = counts;
  this.classes = classes;
  this.layers.forEach(function (layer, k) {
    var cls = 0;
    for (var c = 0; c < classes.length; c++) { if (counts[k] >= classes[c][0]) { cls = c; } }
    layer.setStyle({ fillColor: ramp[cls] });
  });
};

function areaLayer(data, hover) {
  var group = L.layerGroup(), renderer = L.svg();
  data.areas.forEach(function (area) {
    var layer = L.geoJSON(area.geometry, {
      renderer: renderer,
      style: { color: data.style.areaEdge, weight: 1.4, fillColor: data.style.area, fillOpacity: 0.16 }
    });
    layer.on("mouseover", function () { hover({ text: area.name + " (" + fmtCount(area.count) + ")" }); });
    layer.on("mouseout", function () { hover(null); });
    group.addLayer(layer);
  });
  return group;
}
