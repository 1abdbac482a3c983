/* geomap incident map renderer (written for geomap, MIT).
 *
 * Every string shown to the reader comes from reports and tables and is untrusted: it is only ever put into the
 * page with textContent or as an attribute value checked here, never as HTML. The data arrives as one JSON
 * object in columnar form (dictionary-encoded repeated strings), so that 100,000 incidents stay small.
 * This file must not contain the Jinja markers (double braces, brace-percent, brace-hash): geomap checks that.
 */
(function () {
  "use strict";

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (cls) { node.className = cls; }
    return node;
  }

  function safeUrl(url) {
    return (typeof url === "string" && /^https?:\/\//i.test(url)) ? url : null;
  }

  function colour(data, typeIndex) {
    var palette = data.palette;
    return palette[typeIndex % palette.length];
  }

  function buildPopup(data, i) {
    var c = data.incidents, d = data.dict;
    var box = el("div", null, "geomap-popup");
    box.setAttribute("dir", "rtl");
    box.setAttribute("lang", "ar");
    var place = d.places[c.place[i]];
    box.appendChild(el("div", place[0] || place[1], "geomap-popup-title"));
    if (place[1]) {
      var en = el("div", place[1], "geomap-popup-en");
      en.setAttribute("dir", "ltr");
      box.appendChild(en);
    }
    var rows = [
      ["التاريخ", d.dates[c.date[i]]],
      ["النوع", d.types[c.type[i]]],
      ["الدقة", c.prec[i] === null ? null : data.labels.precision[c.prec[i]] || String(c.prec[i])],
      ["الثقة", c.conf[i] === null ? null : Math.round(c.conf[i] * 100) + "%"],
      ["المصدر", d.sources[c.source[i]]],
      ["المعرف", c.id[i]]
    ];
    var table = el("table", null, "geomap-popup-table");
    rows.forEach(function (r) {
      if (r[1] === null || r[1] === undefined || r[1] === "") { return; }
      var tr = el("tr");
      tr.appendChild(el("th", r[0]));
      var td = el("td");
      var bdi = el("bdi", r[1]);
      td.appendChild(bdi);
      tr.appendChild(td);
      table.appendChild(tr);
    });
    box.appendChild(table);
    var ex = c.excerpt[i];
    if (ex) {
      var p = el("p", null, "geomap-popup-excerpt");
      p.appendChild(document.createTextNode(ex[0]));
      if (ex[1]) { p.appendChild(el("mark", ex[1])); }
      p.appendChild(document.createTextNode(ex[2] || ""));
      box.appendChild(p);
    }
    var url = safeUrl(d.urls[c.url[i]]);
    if (url) {
      var a = el("a", "رابط المصدر");
      a.href = url;
      a.target = "_blank";
      a.rel = "noopener noreferrer";
      box.appendChild(a);
    }
    return box;
  }

  function tooltipFor(text) {
    return el("span", text, "geomap-tooltip");
  }

  function areaLayer(data, map) {
    var group = L.featureGroup();
    data.areas.forEach(function (area) {
      var layer = L.geoJSON(area.geometry, {
        style: { color: "#8c2d04", weight: 1.5, fillColor: "#fd8d3c", fillOpacity: 0.25, dashArray: "4 3" }
      });
      layer.bindTooltip(tooltipFor(area.name + " (" + area.count + ")"), { sticky: true });
      group.addLayer(layer);
    });
    return group;
  }

  function choroplethLayer(data) {
    if (!data.choropleth) { return null; }
    var ch = data.choropleth, max = Math.max.apply(null, ch.counts.concat([1]));
    var ramp = ["#fff5eb", "#fdd0a2", "#fdae6b", "#fd8d3c", "#e6550d", "#a63603"];
    var group = L.featureGroup();
    ch.geometries.forEach(function (g, k) {
      var n = ch.counts[k], step = n === 0 ? 0 : 1 + Math.floor((ramp.length - 2) * n / max);
      var layer = L.geoJSON(g, { style: { color: "#666", weight: 0.6, fillColor: ramp[step], fillOpacity: 0.6 } });
      layer.bindTooltip(tooltipFor(ch.names[k] + ": " + n), { sticky: true });
      group.addLayer(layer);
    });
    return group;
  }

  /* Incidents as canvas circle markers; above `clusterAbove` they are gathered into grid cells per zoom level
     in the browser (one JSON array in, a few hundred circles drawn). */
  function incidentLayer(data, map, visible) {
    var c = data.incidents, n = c.lat.length, group = L.featureGroup(), renderer = L.canvas({ padding: 0.3 });
    var clustered = n > data.clusterAbove;
    function draw() {
      group.clearLayers();
      var drawn = 0;
      if (!clustered || map.getZoom() >= data.clusterUntilZoom) {
        var bounds = clustered ? map.getBounds().pad(0.2) : null;
        for (var i = 0; i < n; i++) {
          if (!visible(i)) { continue; }
          if (bounds && !bounds.contains([c.lat[i], c.lon[i]])) { continue; }
          var m = L.circleMarker([c.lat[i], c.lon[i]], {
            renderer: renderer, radius: 6, weight: 1, color: "#222",
            fillColor: colour(data, c.type[i]), fillOpacity: 0.85
          });
          (function (k) {
            m.bindPopup(function () { return buildPopup(data, k); }, { maxWidth: 360 });
            var place = data.dict.places[c.place[k]];
            m.bindTooltip(function () { return tooltipFor(place[0] || place[1]); });
          })(i);
          group.addLayer(m);
          drawn++;
        }
      } else {
        var size = 48, cells = {}, keys = [];
        for (var j = 0; j < n; j++) {
          if (!visible(j)) { continue; }
          var pt = map.project([c.lat[j], c.lon[j]]), key = Math.floor(pt.x / size) + ":" + Math.floor(pt.y / size);
          var cell = cells[key];
          if (!cell) { cell = cells[key] = { lat: 0, lon: 0, count: 0 }; keys.push(key); }
          cell.lat += c.lat[j]; cell.lon += c.lon[j]; cell.count++;
          drawn++;
        }
        keys.forEach(function (k) {
          var cl = cells[k], r = 8 + Math.min(22, Math.log(cl.count + 1) * 4);
          var marker = L.circleMarker([cl.lat / cl.count, cl.lon / cl.count], {
            renderer: renderer, radius: r, weight: 1, color: "#7f2704", fillColor: "#fd8d3c", fillOpacity: 0.7
          });
          marker.bindTooltip(tooltipFor(cl.count.toLocaleString("ar")));
          marker.on("click", function () { map.setView(marker.getLatLng(), map.getZoom() + 2); });
          group.addLayer(marker);
        });
      }
      stats.setAttribute("data-drawn", String(drawn));
    }
    group.redraw = draw;
    map.on("zoomend moveend", function () { if (clustered) { draw(); } });
    return group;
  }

  function legend(data) {
    var control = L.control({ position: "bottomright" });
    control.onAdd = function () {
      var box = el("div", null, "geomap-legend leaflet-bar");
      box.setAttribute("dir", "auto");
      box.appendChild(el("div", data.labels.legend, "geomap-legend-title"));
      data.dict.types.forEach(function (t, k) {
        var row = el("div", null, "geomap-legend-row");
        var sw = el("span", null, "geomap-swatch");
        sw.style.background = colour(data, k);
        row.appendChild(sw);
        row.appendChild(el("bdi", t || data.labels.untyped));
        box.appendChild(row);
      });
      if (data.areas.length) {
        var arow = el("div", null, "geomap-legend-row");
        var asw = el("span", null, "geomap-swatch geomap-swatch-area");
        arow.appendChild(asw);
        arow.appendChild(el("bdi", data.labels.areas));
        box.appendChild(arow);
      }
      return box;
    };
    return control;
  }

  function timeControl(data, onChange) {
    var c = data.incidents, order = data.dict.dates.map(function (_, k) { return k; }).filter(function (k) {
      return data.dict.dates[k];
    });
    if (order.length < 2 || !data.time) { return null; }
    var control = L.control({ position: "bottomleft" });
    control.onAdd = function () {
      var box = el("div", null, "geomap-time leaflet-bar");
      var label = el("div", data.labels.allDates, "geomap-time-label");
      var input = el("input");
      input.type = "range";
      input.min = "0";
      input.max = String(order.length);
      input.value = String(order.length);
      input.addEventListener("input", function () {
        var v = Number(input.value);
        label.textContent = v >= order.length ? data.labels.allDates : data.labels.until + " " + data.dict.dates[order[v]];
        onChange(v >= order.length ? null : order[v]);
      });
      L.DomEvent.disableClickPropagation(box);
      box.appendChild(input);
      box.appendChild(label);
      return box;
    };
    return control;
  }

  function searchControl(data, map) {
    var control = L.control({ position: "topleft" });
    control.onAdd = function () {
      var box = el("div", null, "geomap-search leaflet-bar");
      var input = el("input");
      input.type = "search";
      input.placeholder = data.labels.search;
      input.setAttribute("dir", "auto");
      input.setAttribute("list", "geomap-places");
      var list = el("datalist");
      list.id = "geomap-places";
      data.search.forEach(function (s) { var o = el("option"); o.value = s[0]; list.appendChild(o); });
      input.addEventListener("change", function () {
        var hit = data.search.filter(function (s) { return s[0] === input.value; })[0];
        if (hit) { map.setView([hit[1], hit[2]], Math.max(map.getZoom(), 10)); }
      });
      L.DomEvent.disableClickPropagation(box);
      box.appendChild(input);
      box.appendChild(list);
      return box;
    };
    return control;
  }

  var stats = null;

  window.geomapRender = function (map, data) {
    stats = document.getElementById(data.statsId) || el("div");
    var c = data.incidents, cutoff = null;
    function visible(i) {
      if (cutoff === null) { return true; }
      var dt = data.dict.dates[c.date[i]];
      return !dt || dt <= data.dict.dates[cutoff];
    }
    if (data.basemap) {
      L.geoJSON(data.basemap, { style: { color: "#9a9a9a", weight: 0.8, fillColor: "#f2efe9", fillOpacity: 1 },
                                interactive: false }).addTo(map);
    }
    var overlays = {};
    var chor = choroplethLayer(data);
    if (chor) { chor.addTo(map); overlays[data.labels.choropleth] = chor; }
    var areas = areaLayer(data, map);
    areas.addTo(map);
    overlays[data.labels.areas] = areas;
    var points = incidentLayer(data, map, visible);
    points.redraw();
    points.addTo(map);
    overlays[data.labels.incidents] = points;
    L.control.layers(null, overlays, { collapsed: true }).addTo(map);
    legend(data).addTo(map);
    searchControl(data, map).addTo(map);
    var tc = timeControl(data, function (k) { cutoff = k; points.redraw(); });
    if (tc) { tc.addTo(map); }
    if (data.bounds) { map.fitBounds(data.bounds, { padding: [20, 20] }); }
    stats.setAttribute("data-incidents", String(n(c)));
    stats.setAttribute("data-areas", String(data.areas.length));
    stats.setAttribute("data-ready", "1");
  };

  function n(c) { return c.lat.length; }
})();
