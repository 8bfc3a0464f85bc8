/* The officer console's scripts, no libraries:
   - adding a row to a table of form rows (payments, identifiers);
   - the 串并 graph of a group: a small force-directed layout on SVG. Drag a node to move it, drag the
     background to pan, wheel or pinch to zoom, click (or tap, or Enter on) a case to open it; hovering
     a node shows its label. Data: <script type="application/json" id="graph-data"> with
     {"nodes": [{"id", "type": "case"|"identifier", "label", "title", "href", "hub"}], "edges": [{"source", "target"}]}. */
(function () {
  "use strict";
  var SVG_NS = "http://www.w3.org/2000/svg";

  // ------------------------------------------------------------------ rows of a form table
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-add-row]");
    if (!button) return;
    var body = document.querySelector(button.getAttribute("data-add-row") + " tbody");
    if (!body || !body.rows.length) return;
    var row = body.rows[body.rows.length - 1].cloneNode(true);
    row.querySelectorAll("input, select").forEach(function (field) {
      if (field.type === "checkbox") {
        field.checked = false;
        if (field.name === "ident_confirm") field.value = String(body.rows.length); // the new row's index
      } else if (field.tagName === "SELECT") {
        field.selectedIndex = 0;
      } else {
        field.value = "";
      }
    });
    body.appendChild(row);
    var first = row.querySelector("input:not([type=checkbox])");
    if (first) first.focus();
  });

  // ------------------------------------------------------------------ the group graph
  function make(name, attrs, parent) {
    var node = document.createElementNS(SVG_NS, name);
    Object.keys(attrs).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (parent) parent.appendChild(node);
    return node;
  }

  function shorten(text, max) {
    text = String(text || "");
    return text.length > max ? text.slice(0, max - 1) + "…" : text;
  }

  function Graph(svg, data, tip) {
    var self = this;
    this.svg = svg;
    this.tip = tip;
    this.width = svg.clientWidth || 800;
    this.height = svg.clientHeight || 560;
    svg.setAttribute("viewBox", "0 0 " + this.width + " " + this.height);
    this.view = make("g", { "class": "view" }, svg);
    var edgeLayer = make("g", { "class": "edges" }, this.view);
    var nodeLayer = make("g", { "class": "nodes" }, this.view);
    this.zoom = { k: 1, x: 0, y: 0 };
    this.userZoomed = false;
    this.alpha = 1;
    this.running = false;

    var cx = this.width / 2, cy = this.height / 2, golden = Math.PI * (3 - Math.sqrt(5));
    var showLabels = data.nodes.length <= 80;
    this.byId = {};
    this.nodes = data.nodes.map(function (raw, i) {
      var r = 12 * Math.sqrt(i + 0.5), a = i * golden; // a sunflower spiral: deterministic, no overlaps
      var node = { data: raw, x: cx + r * Math.cos(a), y: cy + r * Math.sin(a), vx: 0, vy: 0, fx: null, fy: null };
      node.isCase = raw.type === "case";
      var cls = "node " + (node.isCase ? "node-case" : "node-ident") + (raw.hub ? " hub" : "");
      node.el = raw.href ? make("a", { "class": cls, href: raw.href }, nodeLayer) : make("g", { "class": cls, tabindex: "0" }, nodeLayer);
      node.el.setAttribute("data-id", raw.id);
      make("title", {}, node.el).textContent = raw.title || raw.label;
      if (node.isCase) {
        make("circle", { r: raw.hub ? 11 : 8 }, node.el);
      } else {
        var s = raw.hub ? 12 : 8;
        make("rect", { x: -s, y: -s, width: 2 * s, height: 2 * s, rx: 3 }, node.el);
      }
      if (showLabels) {
        make("text", { x: 12, y: 4 }, node.el).textContent = shorten(raw.label, 18);
      }
      self.byId[raw.id] = node;
      return node;
    });
    this.edges = [];
    data.edges.forEach(function (raw) {
      var a = self.byId[raw.source], b = self.byId[raw.target];
      if (!a || !b) return;
      self.edges.push({ a: a, b: b, el: make("line", { "class": "edge" }, edgeLayer) });
    });
    this.edges.forEach(function (e) {
      e.a.degree = (e.a.degree || 0) + 1;
      e.b.degree = (e.b.degree || 0) + 1;
    });
    // Well-connected nodes (hubs) push harder, so that they do not pile up in the middle.
    this.nodes.forEach(function (p) { p.degree = p.degree || 0; p.charge = 1 + Math.sqrt(p.degree) / 2; });
    svg.setAttribute("data-nodes", String(this.nodes.length));
    this.listen();
    this.render();
    this.start();
  }

  Graph.prototype.tick = function () {
    var nodes = this.nodes, n = nodes.length, alpha = this.alpha, i, j;
    var cx = this.width / 2, cy = this.height / 2;
    var repulse = 1400 * alpha, spring = 0.06 * alpha, rest = 60;
    for (i = 0; i < n; i++) {
      var p = nodes[i];
      for (j = i + 1; j < n; j++) {
        var q = nodes[j], dx = p.x - q.x, dy = p.y - q.y, d2 = dx * dx + dy * dy;
        if (d2 < 1) { dx = (i % 7) - 3 || 1; dy = (j % 5) - 2 || 1; d2 = dx * dx + dy * dy; }
        if (d2 > 160000) continue; // far apart: no need
        var f = repulse * p.charge * q.charge / d2;
        p.vx += dx * f; p.vy += dy * f;
        q.vx -= dx * f; q.vy -= dy * f;
      }
      p.vx += (cx - p.x) * 0.008 * alpha;
      p.vy += (cy - p.y) * 0.008 * alpha;
    }
    this.edges.forEach(function (e) {
      var dx = e.b.x - e.a.x, dy = e.b.y - e.a.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
      // a hub's many edges are longer, so its cases spread around it
      var len = rest + 4 * Math.sqrt(Math.max(e.a.degree, e.b.degree));
      var f = (d - len) / d * spring;
      e.a.vx += dx * f; e.a.vy += dy * f;
      e.b.vx -= dx * f; e.b.vy -= dy * f;
    });
    nodes.forEach(function (p) {
      if (p.fx !== null) { p.x = p.fx; p.y = p.fy; p.vx = p.vy = 0; return; }
      p.vx *= 0.6; p.vy *= 0.6;
      var speed = Math.sqrt(p.vx * p.vx + p.vy * p.vy);
      if (speed > 30) { p.vx *= 30 / speed; p.vy *= 30 / speed; }
      p.x += p.vx; p.y += p.vy;
    });
    this.alpha *= 0.985;
  };

  Graph.prototype.render = function () {
    this.edges.forEach(function (e) {
      e.el.setAttribute("x1", e.a.x.toFixed(1)); e.el.setAttribute("y1", e.a.y.toFixed(1));
      e.el.setAttribute("x2", e.b.x.toFixed(1)); e.el.setAttribute("y2", e.b.y.toFixed(1));
    });
    this.nodes.forEach(function (p) {
      p.el.setAttribute("transform", "translate(" + p.x.toFixed(1) + "," + p.y.toFixed(1) + ")");
    });
    var z = this.zoom;
    this.view.setAttribute("transform", "translate(" + z.x.toFixed(1) + "," + z.y.toFixed(1) + ") scale(" + z.k.toFixed(3) + ")");
  };

  Graph.prototype.start = function (heat) {
    var self = this;
    if (heat) this.alpha = Math.max(this.alpha, heat);
    if (this.running) return;
    this.running = true;
    (function frame() {
      for (var i = 0; i < 2; i++) self.tick();
      if (!self.userZoomed && self.alpha < 0.08 && !self.fitted) { self.fit(); self.fitted = true; }
      self.render();
      if (self.alpha > 0.004) {
        window.requestAnimationFrame(frame);
      } else {
        self.running = false;
        if (!self.userZoomed) { self.fit(); self.render(); }
        self.svg.setAttribute("data-settled", "1");
      }
    })();
  };

  Graph.prototype.fit = function () {
    if (!this.nodes.length) return;
    var xs = this.nodes.map(function (p) { return p.x; }), ys = this.nodes.map(function (p) { return p.y; });
    var minX = Math.min.apply(null, xs) - 40, maxX = Math.max.apply(null, xs) + 120;
    var minY = Math.min.apply(null, ys) - 30, maxY = Math.max.apply(null, ys) + 30;
    var k = Math.min(1.5, this.width / (maxX - minX), this.height / (maxY - minY));
    this.zoom = { k: k, x: (this.width - k * (minX + maxX)) / 2, y: (this.height - k * (minY + maxY)) / 2 };
  };

  // A pointer's position in the SVG's own coordinates (the viewBox), and in the graph's.
  Graph.prototype.point = function (event) {
    var m = this.svg.getScreenCTM(), pt = this.svg.createSVGPoint();
    pt.x = event.clientX; pt.y = event.clientY;
    pt = pt.matrixTransform(m.inverse());
    return { x: pt.x, y: pt.y };
  };

  Graph.prototype.toGraph = function (p) {
    return { x: (p.x - this.zoom.x) / this.zoom.k, y: (p.y - this.zoom.y) / this.zoom.k };
  };

  Graph.prototype.zoomAt = function (p, factor) {
    var z = this.zoom, k = Math.min(6, Math.max(0.15, z.k * factor));
    this.zoom = { k: k, x: p.x - (p.x - z.x) * (k / z.k), y: p.y - (p.y - z.y) * (k / z.k) };
    this.userZoomed = true;
    this.render();
  };

  Graph.prototype.showTip = function (node, event) {
    var box = this.svg.parentNode.getBoundingClientRect();
    this.tip.textContent = node.data.title || node.data.label;
    this.tip.style.left = (event.clientX - box.left + 14) + "px";
    this.tip.style.top = (event.clientY - box.top + 14) + "px";
    this.tip.style.display = "block";
  };

  Graph.prototype.listen = function () {
    var self = this, svg = this.svg, pointers = {}, drag = null, pan = null, pinch = null, dragged = false;

    function nodeOf(target) {
      var el = target.closest && target.closest(".node");
      return el ? self.byId[el.getAttribute("data-id")] : null;
    }

    svg.addEventListener("pointerdown", function (event) {
      pointers[event.pointerId] = self.point(event);
      var ids = Object.keys(pointers);
      if (ids.length === 2) { // two fingers: pinch to zoom
        drag = pan = null;
        var a = pointers[ids[0]], b = pointers[ids[1]];
        pinch = { d: Math.hypot(a.x - b.x, a.y - b.y), k: self.zoom.k };
        return;
      }
      var node = nodeOf(event.target);
      dragged = false;
      if (node) {
        drag = { node: node, start: pointers[event.pointerId] };
      } else {
        pan = { start: pointers[event.pointerId], x: self.zoom.x, y: self.zoom.y };
        svg.style.cursor = "grabbing";
      }
    });

    window.addEventListener("pointermove", function (event) {
      if (!(event.pointerId in pointers)) return;
      var p = self.point(event);
      pointers[event.pointerId] = p;
      if (pinch) {
        var ids = Object.keys(pointers), a = pointers[ids[0]], b = pointers[ids[1]];
        if (a && b) {
          var mid = { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
          self.zoomAt(mid, (pinch.k * Math.hypot(a.x - b.x, a.y - b.y) / pinch.d) / self.zoom.k);
        }
        return;
      }
      if (drag) {
        if (!dragged && Math.hypot(p.x - drag.start.x, p.y - drag.start.y) < 4) return;
        dragged = true;
        var g = self.toGraph(p);
        drag.node.fx = g.x; drag.node.fy = g.y;
        self.start(0.3);
      } else if (pan) {
        self.zoom.x = pan.x + p.x - pan.start.x;
        self.zoom.y = pan.y + p.y - pan.start.y;
        self.userZoomed = true;
        self.render();
      }
    });

    function release(event) {
      if (!(event.pointerId in pointers)) return;
      delete pointers[event.pointerId];
      if (Object.keys(pointers).length < 2) pinch = null;
      if (drag) { drag.node.fx = drag.node.fy = null; self.start(0.1); }
      drag = pan = null;
      svg.style.cursor = "";
    }
    window.addEventListener("pointerup", release);
    window.addEventListener("pointercancel", release);

    // A drag that moved the node is not a click on it.
    svg.addEventListener("click", function (event) {
      if (dragged) { event.preventDefault(); dragged = false; }
    }, true);

    svg.addEventListener("wheel", function (event) {
      event.preventDefault();
      self.zoomAt(self.point(event), Math.exp(-event.deltaY * 0.0015));
    }, { passive: false });

    svg.addEventListener("pointerover", function (event) {
      var node = nodeOf(event.target);
      if (node) self.showTip(node, event);
    });
    svg.addEventListener("pointermove", function (event) {
      var node = nodeOf(event.target);
      if (node && !drag) self.showTip(node, event); else if (!node) self.tip.style.display = "none";
    });
    svg.addEventListener("pointerleave", function () { self.tip.style.display = "none"; });
  };

  function initGraph() {
    var holder = document.getElementById("graph-data"), svg = document.getElementById("graph");
    if (!holder || !svg) return;
    var data;
    try { data = JSON.parse(holder.textContent); } catch (e) { return; }
    var tip = document.createElement("div");
    tip.className = "graph-tip";
    svg.parentNode.appendChild(tip);
    var graph = new Graph(svg, data, tip);
    var fit = document.getElementById("graph-fit");
    if (fit) fit.addEventListener("click", function () { graph.userZoomed = false; graph.fit(); graph.render(); });
    var zoomIn = document.getElementById("graph-zoom-in"), zoomOut = document.getElementById("graph-zoom-out");
    var centre = function () { return { x: graph.width / 2, y: graph.height / 2 }; };
    if (zoomIn) zoomIn.addEventListener("click", function () { graph.zoomAt(centre(), 1.3); });
    if (zoomOut) zoomOut.addEventListener("click", function () { graph.zoomAt(centre(), 1 / 1.3); });
    window.fanzhaGraph = graph; // for the browser test and for the curious officer
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", initGraph);
  else initGraph();
})();
