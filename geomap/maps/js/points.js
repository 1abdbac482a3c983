/* Incidents on one canvas: counted clusters at every zoom (a grid pass, then neighbouring cells merged), single
 * incidents as dots coloured by type and shaped by precision, and a spiderfy that spreads a cluster whose
 * incidents share one point (or that is still a cluster at the last zoom). The canvas takes no mouse events: the
 * map's own mousemove/click are hit-tested against what was drawn, so region and unit tooltips under it work.
 */
var CLUSTER_PX = 50;        // incidents closer than this on screen are counted together
var VIEW_PAD_PX = 80;       // incidents just outside the view are clustered too, so edges do not flicker
var DOT_PX = 6;             // radius of one incident
var SPIDER_MAX = 300;       // a spread shows at most this many legs (the list panel shows every incident)
var GOLDEN_ANGLE = 2.39996; // legs of a large spread on a sunflower spiral: evenly spaced, none on top of another

function mercX(lon) { return (lon + 180) / 360; }
function mercY(lat) {
  var s = Math.sin(Math.max(-85, Math.min(85, lat)) * Math.PI / 180);
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
}

/* A layer drawn on one canvas in its pane (`paneName`): redrawn after every move, hidden while the map zooms. */
var CanvasLayer = L.Layer.extend({
  onAdd: function (map) {
    this._map = map;
    this.canvas = L.DomUtil.create("canvas", "geomap-canvas", map.getPane(this.paneName));
    map.on("moveend resize", this.redraw, this);
    map.on("zoomstart", this._hide, this);
    this.redraw();
  },
  onRemove: function (map) {
    L.DomUtil.remove(this.canvas);
    map.off("moveend resize", this.redraw, this);
    map.off("zoomstart", this._hide, this);
  },
  _hide: function () { this.canvas.style.visibility = "hidden"; }
});

var PointsLayer = CanvasLayer.extend({
  initialize: function (data, filters, options) {
    var c = data.incidents, n = c.lat.length;
    this.data = data;
    this.filters = filters;
    this.cluster = options.cluster;
    this.paneName = options.pane;
    this.mx = new Float64Array(n);
    this.my = new Float64Array(n);
    for (var i = 0; i < n; i++) { this.mx[i] = mercX(c.lon[i]); this.my[i] = mercY(c.lat[i]); }
    this.marks = [];
    this.spider = null;
    this.drawnCount = 0;
  },

  onAdd: function (map) {
    map.on("zoomend", this._zoomed, this);
    CanvasLayer.prototype.onAdd.call(this, map);
  },

  onRemove: function (map) {
    CanvasLayer.prototype.onRemove.call(this, map);
    map.off("zoomend", this._zoomed, this);
    this.marks = [];
    this.drawnCount = 0;
    this.spider = null;
  },

  _zoomed: function () { this.spider = null; this.canvas.style.visibility = ""; this.redraw(); },

  origin: function () {
    var map = this._map, z = map.getZoom(), tl = map.containerPointToLayerPoint([0, 0]).add(map.getPixelOrigin());
    return { scale: 256 * Math.pow(2, z), x: tl.x, y: tl.y };
  },

  _prepareCanvas: function () {
    var map = this._map, size = map.getSize(), ratio = window.devicePixelRatio || 1, cv = this.canvas;
    cv.width = Math.round(size.x * ratio);
    cv.height = Math.round(size.y * ratio);
    cv.style.width = size.x + "px";
    cv.style.height = size.y + "px";
    L.DomUtil.setPosition(cv, map.containerPointToLayerPoint([0, 0]));
    var ctx = cv.getContext("2d");
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    return ctx;
  },

  /* Groups of incidents on screen: {x, y, members}. */
  groups: function () {
    var map = this._map, size = map.getSize(), o = this.origin(), list = this.filters.list, out = [];
    var cells = new Map(), cellList = [], grid = this.cluster ? CLUSTER_PX : 0;
    for (var k = 0; k < list.length; k++) {
      var i = list[k], x = this.mx[i] * o.scale - o.x, y = this.my[i] * o.scale - o.y;
      if (x < -VIEW_PAD_PX || y < -VIEW_PAD_PX || x > size.x + VIEW_PAD_PX || y > size.y + VIEW_PAD_PX) { continue; }
      if (!grid) { out.push({ x: x, y: y, members: [i] }); continue; }
      var gx = Math.floor(x / grid), gy = Math.floor(y / grid), key = gx * 65536 + gy, cell = cells.get(key);
      if (!cell) { cell = { gx: gx, gy: gy, sx: 0, sy: 0, members: [] }; cells.set(key, cell); cellList.push(cell); }
      cell.sx += x; cell.sy += y; cell.members.push(i);
    }
    if (!grid) { return out; }
    cellList.sort(function (a, b) { return b.members.length - a.members.length || a.gx - b.gx || a.gy - b.gy; });
    cellList.forEach(function (cell) {
      if (cell.gone) { return; }
      cell.gone = true;  // taken: neither merged into a later cell nor output twice
      for (var dx = -1; dx <= 1; dx++) {
        for (var dy = -1; dy <= 1; dy++) {
          var nb = cells.get((cell.gx + dx) * 65536 + cell.gy + dy);
          if (!nb || nb === cell || nb.gone) { continue; }
          var n1 = cell.members.length, n2 = nb.members.length;
          var ddx = cell.sx / n1 - nb.sx / n2, ddy = cell.sy / n1 - nb.sy / n2;
          if (ddx * ddx + ddy * ddy < grid * grid) {
            cell.sx += nb.sx; cell.sy += nb.sy;
            for (var m = 0; m < n2; m++) { cell.members.push(nb.members[m]); }
            nb.gone = true;
          }
        }
      }
      out.push({ x: cell.sx / cell.members.length, y: cell.sy / cell.members.length, members: cell.members });
    });
    return out;
  },

  redraw: function () {
    if (!this._map) { return; }
    var ctx = this._prepareCanvas(), size = this._map.getSize(), self = this, marks = [], drawn = 0;
    ctx.clearRect(0, 0, size.x, size.y);
    var groups = this.groups();
    groups.forEach(function (g) {
      var inView = g.x >= 0 && g.y >= 0 && g.x <= size.x && g.y <= size.y;
      if (inView) { drawn += g.members.length; }
      if (self.spider && self.spider.key === g.members[0] + ":" + g.members.length) { return; }
      if (g.members.length === 1) {
        marks.push({ x: g.x, y: g.y, r: DOT_PX, i: g.members[0], members: g.members });
      } else {
        var r = 12 + Math.min(11, Math.log(g.members.length) * 2.2);  // 2 -> 13.5 px, 100 -> 22 px, at most 23
        marks.push({ x: g.x, y: g.y, r: r, i: -1, members: g.members });
      }
    });
    marks.sort(function (a, b) { return a.members.length - b.members.length; });
    marks.forEach(function (m) { if (m.i >= 0) { self.drawDot(ctx, m.x, m.y, m.i); } else { self.drawCluster(ctx, m); } });
    if (this.spider) { marks = marks.concat(this.drawSpider(ctx)); }
    this.marks = marks;
    this.drawnCount = drawn;
    if (this.onDrawn) { this.onDrawn(); }
  },

  drawDot: function (ctx, x, y, i) {
    var c = this.data.incidents, colour = this.data.dict.typeColours[c.type[i]], prec = c.prec[i];
    ctx.beginPath();
    if (c.out[i]) {
      ctx.rect(x - DOT_PX, y - DOT_PX, 2 * DOT_PX, 2 * DOT_PX);
    } else {
      ctx.arc(x, y, DOT_PX, 0, 2 * Math.PI);
    }
    ctx.setLineDash(c.out[i] ? [3, 2] : []);
    if (prec === 3) {
      ctx.fillStyle = "rgba(255,255,255,0.75)";
      ctx.fill();
      ctx.lineWidth = 3;
      ctx.strokeStyle = colour;
      ctx.stroke();
    } else {
      ctx.fillStyle = colour;
      ctx.fill();
      ctx.lineWidth = prec === 2 ? 2.5 : 1.2;
      ctx.strokeStyle = prec === 2 ? "#ffffff" : "#1d1d1d";
      ctx.stroke();
      if (prec === 2) { ctx.lineWidth = 1; ctx.strokeStyle = colour; ctx.beginPath(); ctx.arc(x, y, DOT_PX + 1.6, 0, 2 * Math.PI); ctx.stroke(); }
    }
    ctx.setLineDash([]);
  },

  /* A cluster: a ring split by event type, white centre, the count. */
  drawCluster: function (ctx, m) {
    var c = this.data.incidents, counts = {}, n = m.members.length, start = -Math.PI / 2, colours = this.data.dict.typeColours;
    for (var k = 0; k < n; k++) { var t = c.type[m.members[k]]; counts[t] = (counts[t] || 0) + 1; }
    ctx.lineWidth = 6;
    Object.keys(counts).sort(function (a, b) { return a - b; }).forEach(function (t) {
      var end = start + 2 * Math.PI * counts[t] / n;
      ctx.beginPath();
      ctx.strokeStyle = colours[t];
      ctx.arc(m.x, m.y, m.r - 3, start, end);
      ctx.stroke();
      start = end;
    });
    ctx.beginPath();
    ctx.arc(m.x, m.y, m.r - 6, 0, 2 * Math.PI);
    ctx.fillStyle = "rgba(255,255,255,0.95)";
    ctx.fill();
    ctx.lineWidth = 1;
    ctx.strokeStyle = "#333";
    ctx.beginPath();
    ctx.arc(m.x, m.y, m.r, 0, 2 * Math.PI);
    ctx.stroke();
    ctx.fillStyle = "#1a1a1a";
    ctx.font = "bold " + (n >= 1000 ? 10 : 12) + "px Tahoma, 'DejaVu Sans', sans-serif";
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    ctx.direction = "ltr";
    ctx.fillText(n >= 10000 ? Math.round(n / 1000) + "k" : String(n), m.x, m.y + 0.5);
  },

  /* Legs around the centre: a circle for a few incidents, a spiral for more. */
  drawSpider: function (ctx) {
    var sp = this.spider, centre = this._map.latLngToContainerPoint(sp.latlng), legs = [], n = sp.members.length;
    for (var k = 0; k < n; k++) {
      var a, d;
      if (n <= 8) { a = 2 * Math.PI * k / n; d = Math.max(28, n * 7); } else { a = k * GOLDEN_ANGLE; d = 16 + 9 * Math.sqrt(k + 1); }
      legs.push({ x: centre.x + d * Math.cos(a), y: centre.y + d * Math.sin(a), r: DOT_PX, i: sp.members[k], members: [sp.members[k]], leg: true });
    }
    ctx.strokeStyle = "rgba(40,40,40,0.55)";
    ctx.lineWidth = 1;
    legs.forEach(function (l) { ctx.beginPath(); ctx.moveTo(centre.x, centre.y); ctx.lineTo(l.x, l.y); ctx.stroke(); });
    ctx.beginPath();
    ctx.arc(centre.x, centre.y, 3, 0, 2 * Math.PI);
    ctx.fillStyle = "#333";
    ctx.fill();
    var self = this;
    legs.forEach(function (l) { self.drawDot(ctx, l.x, l.y, l.i); });
    return legs;
  },

  hit: function (point) {
    for (var k = this.marks.length - 1; k >= 0; k--) {
      var m = this.marks[k], dx = m.x - point.x, dy = m.y - point.y;
      if (dx * dx + dy * dy <= (m.r + 3) * (m.r + 3)) { return m; }
    }
    return null;
  },

  /* Click on a cluster: zoom to its incidents, or spread them when zooming cannot separate them. */
  expand: function (m) {
    var map = this._map, c = this.data.incidents, bounds = L.latLngBounds([]), maxZ = map.getMaxZoom();
    m.members.forEach(function (i) { bounds.extend([c.lat[i], c.lon[i]]); });
    var sw = map.project(bounds.getSouthWest(), maxZ), ne = map.project(bounds.getNorthEast(), maxZ);
    var spread = Math.max(Math.abs(ne.x - sw.x), Math.abs(ne.y - sw.y));
    if (map.getZoom() >= maxZ || spread < CLUSTER_PX) {
      this.spiderfy(m);
    } else {
      var before = map.getZoom();
      map.fitBounds(bounds.pad(0.1), { maxZoom: maxZ, animate: false });
      if (map.getZoom() <= before) { map.setView(bounds.getCenter(), before + 1, { animate: false }); }
    }
  },

  spiderfy: function (m) {
    var members = m.members.slice(0, SPIDER_MAX);
    this.spider = { key: m.members[0] + ":" + m.members.length, latlng: this._map.containerPointToLatLng([m.x, m.y]), members: members };
    this.redraw();
  },

  unspiderfy: function () { if (this.spider) { this.spider = null; this.redraw(); } },

  /* Screen position of incident i if it is drawn alone or as a leg, else its cluster's. */
  markOf: function (i) {
    for (var k = 0; k < this.marks.length; k++) { if (this.marks[k].members.indexOf(i) >= 0) { return this.marks[k]; } }
    return null;
  }
});

/* Incident density: a soft stamp per incident in view, coloured by how many overlap. */
var HeatLayer = CanvasLayer.extend({
  initialize: function (points, pane) { this.points = points; this.paneName = pane; },
  redraw: function () {
    if (!this._map) { return; }
    var map = this._map, size = map.getSize(), cv = this.canvas, p = this.points, o = p.origin(), list = p.filters.list;
    cv.width = size.x; cv.height = size.y;
    cv.style.width = size.x + "px"; cv.style.height = size.y + "px"; cv.style.visibility = "";
    L.DomUtil.setPosition(cv, map.containerPointToLayerPoint([0, 0]));
    var ctx = cv.getContext("2d"), radius = 16, stamp = this._stamp(radius);
    ctx.globalAlpha = Math.max(0.04, Math.min(0.35, 40 / Math.sqrt(list.length + 1)));
    for (var k = 0; k < list.length; k++) {
      var i = list[k], x = p.mx[i] * o.scale - o.x, y = p.my[i] * o.scale - o.y;
      if (x < -radius || y < -radius || x > size.x + radius || y > size.y + radius) { continue; }
      ctx.drawImage(stamp, x - radius, y - radius);
    }
    if (!size.x || !size.y) { return; }
    var img = ctx.getImageData(0, 0, size.x, size.y), px = img.data, ramp = this._ramp();
    for (var j = 3; j < px.length; j += 4) {
      var a = px[j];
      if (!a) { continue; }
      px[j - 3] = ramp[a * 4]; px[j - 2] = ramp[a * 4 + 1]; px[j - 1] = ramp[a * 4 + 2]; px[j] = Math.min(230, 60 + a);
    }
    ctx.putImageData(img, 0, 0);
  },
  _stamp: function (r) {
    if (this.stamp) { return this.stamp; }
    var s = document.createElement("canvas"), ctx = s.getContext("2d"), g = ctx.createRadialGradient(r, r, 0, r, r, r);
    s.width = s.height = 2 * r;
    g.addColorStop(0, "rgba(0,0,0,1)");
    g.addColorStop(1, "rgba(0,0,0,0)");
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, 2 * r, 2 * r);
    this.stamp = s;
    return s;
  },
  _ramp: function () {
    if (this.ramp) { return this.ramp; }
    var s = document.createElement("canvas"), ctx = s.getContext("2d"), g = ctx.createLinearGradient(0, 0, 256, 0);
    s.width = 256; s.height = 1;
    g.addColorStop(0.1, "#2c7bb6"); g.addColorStop(0.4, "#abd9e9"); g.addColorStop(0.6, "#ffffbf");
    g.addColorStop(0.8, "#fdae61"); g.addColorStop(1, "#d7191c");
    ctx.fillStyle = g;
    ctx.fillRect(0, 0, 256, 1);
    this.ramp = ctx.getImageData(0, 0, 256, 1).data;
    return this.ramp;
  }
});
