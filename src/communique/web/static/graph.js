// The relationship graph: a small force layout in vanilla JS drawn as SVG, no library.
// Clicking a node or an edge lists its events from /api/events with the page's period.
"use strict";

(function () {
  const svg = document.getElementById("graph");
  const data = JSON.parse(document.getElementById("graph-data").textContent);
  const panel = document.getElementById("selection");
  const NS = "http://www.w3.org/2000/svg";
  const W = 800, H = 560;
  const params = new URLSearchParams(location.search);
  const period = {};
  for (const k of ["since", "until"]) if (params.get(k)) period[k] = params.get(k);

  const nodes = data.nodes.map((n, i) => {
    const a = (2 * Math.PI * i) / Math.max(data.nodes.length, 1);
    return { ...n, x: W / 2 + 200 * Math.cos(a), y: H / 2 + 200 * Math.sin(a), vx: 0, vy: 0 };
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const edges = data.edges.filter((e) => byId.has(e.source) && byId.has(e.target))
    .map((e) => ({ ...e, s: byId.get(e.source), t: byId.get(e.target) }));
  const maxW = Math.max(1, ...edges.map((e) => e.weight));
  const maxN = Math.max(1, ...nodes.map((n) => n.weight));

  // forces: repulsion between all nodes, springs along edges, a pull to the centre
  for (let step = 0; step < 400; step++) {
    const cool = 1 - step / 400;
    for (const a of nodes) {
      for (const b of nodes) {
        if (a === b) continue;
        let dx = a.x - b.x, dy = a.y - b.y;
        const d2 = Math.max(dx * dx + dy * dy, 25);
        const f = 2400 / d2;
        a.vx += (dx / Math.sqrt(d2)) * f;
        a.vy += (dy / Math.sqrt(d2)) * f;
      }
    }
    for (const e of edges) {
      const dx = e.t.x - e.s.x, dy = e.t.y - e.s.y;
      const d = Math.max(Math.sqrt(dx * dx + dy * dy), 1);
      const f = (d - 110) * 0.02;
      e.s.vx += (dx / d) * f; e.s.vy += (dy / d) * f;
      e.t.vx -= (dx / d) * f; e.t.vy -= (dy / d) * f;
    }
    for (const n of nodes) {
      n.vx += (W / 2 - n.x) * 0.005;
      n.vy += (H / 2 - n.y) * 0.005;
      n.x = Math.min(W - 30, Math.max(30, n.x + n.vx * cool));
      n.y = Math.min(H - 20, Math.max(20, n.y + n.vy * cool));
      n.vx *= 0.5; n.vy *= 0.5;
    }
  }

  // fit the layout to the drawing, leaving room for labels on the right
  if (nodes.length > 1) {
    const xs = nodes.map((n) => n.x), ys = nodes.map((n) => n.y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    const k = Math.min((W - 160) / Math.max(x1 - x0, 1), (H - 80) / Math.max(y1 - y0, 1), 3);
    const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
    for (const n of nodes) {
      n.x = W / 2 - 40 + (n.x - cx) * k;
      n.y = H / 2 + (n.y - cy) * k;
    }
  }

  function el(name, attrs, parent) {
    const e = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (parent) parent.append(e);
    return e;
  }

  function colour(e) {
    const total = e.cooperation + e.conflict;
    if (!total) return "#999";
    const c = e.conflict / total; // 0 green .. 1 red
    const r = Math.round(46 + (192 - 46) * c), g = Math.round(139 + (57 - 139) * c), b = Math.round(87 + (43 - 87) * c);
    return `rgb(${r},${g},${b})`;
  }

  const radius = (n) => 5 + 14 * Math.sqrt(n.weight / maxN);

  // An edge is a straight line unless that line would pass over a node that is not one of its
  // ends; then it bends (a quadratic curve) just enough, to one side or the other, to miss them all.
  function clearOf(e, pts) {
    for (const n of nodes) {
      if (n === e.s || n === e.t) continue;
      const r = radius(n) + 5;
      for (const [x, y] of pts) if ((x - n.x) ** 2 + (y - n.y) ** 2 < r * r) return false;
    }
    return true;
  }
  function curvePoints(e, bend, steps = 40) {
    const mx = (e.s.x + e.t.x) / 2, my = (e.s.y + e.t.y) / 2;
    const dx = e.t.x - e.s.x, dy = e.t.y - e.s.y, d = Math.max(Math.hypot(dx, dy), 1);
    const cx = mx - (dy / d) * bend, cy = my + (dx / d) * bend;
    const pts = [];
    for (let i = 0; i <= steps; i++) {
      const t = i / steps, u = 1 - t;
      pts.push([u * u * e.s.x + 2 * u * t * cx + t * t * e.t.x, u * u * e.s.y + 2 * u * t * cy + t * t * e.t.y]);
    }
    return { cx, cy, pts };
  }
  function edgePath(e) {
    for (const bend of [0, 30, -30, 60, -60, 90, -90, 130, -130, 180, -180, 240, -240]) {
      const c = curvePoints(e, bend);
      if (clearOf(e, c.pts)) {
        e.bend = bend;
        return bend === 0 ? `M${e.s.x},${e.s.y} L${e.t.x},${e.t.y}` : `M${e.s.x},${e.s.y} Q${c.cx},${c.cy} ${e.t.x},${e.t.y}`;
      }
    }
    e.bend = null; // no clear route found: drawn straight, and marked
    return `M${e.s.x},${e.s.y} L${e.t.x},${e.t.y}`;
  }

  const gEdges = el("g", {}, svg), gNodes = el("g", {}, svg), gLabels = el("g", { class: "labels" }, svg);
  for (const e of edges) {
    const line = el("path", {
      d: edgePath(e), class: "edge" + (e.bend === null ? " crossing" : ""), stroke: colour(e), fill: "none",
      "stroke-width": 1.5 + 7 * Math.sqrt(e.weight / maxW), "data-source": e.source, "data-target": e.target,
      "data-kind": e.conflict && e.cooperation ? "mixed" : e.conflict ? "conflict" : e.cooperation ? "cooperation" : "none",
    }, gEdges);
    el("title", {}, line).textContent =
      `${e.s.name} – ${e.t.name}: ${e.weight} events (${e.cooperation} cooperation, ${e.conflict} conflict)`;
    line.addEventListener("click", () => select(line, { dyad: `${e.source},${e.target}` },
      `${e.s.name} – ${e.t.name}`, `/dyads/${encodeURIComponent(e.source)}/${encodeURIComponent(e.target)}`));
  }

  // labels: beside the node where they overlap no other label and no node, else the least crowded side
  const placed = [];
  const overlaps = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  for (const n of nodes) {
    const g = el("g", { class: `node ${n.kind}`, "data-id": n.id, transform: `translate(${n.x},${n.y})` }, gNodes);
    const r = radius(n);
    el("circle", { r }, g);
    el("title", {}, g).textContent = `${n.name} (${n.id}): ${n.weight} events`;
    g.addEventListener("click", () => select(g, { country: n.id }, n.name, null));
    const w = 7.6 * n.name.length + 4, h = 16;
    const spots = [[r + 4, -h / 2, "start"], [-r - 4 - w, -h / 2, "start"], [-w / 2, -r - h - 2, "start"],
                   [-w / 2, r + 2, "start"]];
    let best = null, bestHits = Infinity;
    for (const [dx, dy] of spots) {
      const box = { x: n.x + dx, y: n.y + dy, w, h };
      const hits = placed.filter((b) => overlaps(box, b)).length +
        nodes.filter((m) => m !== n && overlaps(box, { x: m.x - radius(m), y: m.y - radius(m), w: 2 * radius(m), h: 2 * radius(m) })).length +
        (box.x < 0 || box.x + w > W || box.y < 0 || box.y + h > H ? 1 : 0);
      if (hits < bestHits) { best = box; bestHits = hits; }
      if (!hits) break;
    }
    placed.push(best);
    const label = el("text", { x: best.x + 2, y: best.y + h - 4, class: "label", "data-for": n.id }, gLabels);
    label.textContent = n.name;
  }

  async function select(elem, filter, title, dyadUrl) {
    svg.querySelectorAll(".selected").forEach((x) => x.classList.remove("selected"));
    elem.classList.add("selected");
    const q = new URLSearchParams({ ...filter, ...period, limit: "20" });
    panel.replaceChildren();
    const h = document.createElement("h2");
    h.textContent = title;
    panel.append(h);
    const res = await fetch("/api/events?" + q.toString());
    const body = await res.json();
    const p = document.createElement("p");
    p.className = "muted";
    p.textContent = `${body.count} events`;
    panel.append(p);
    const ul = document.createElement("ul");
    ul.id = "selection-events";
    for (const ev of body.data || []) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.href = `/documents/${ev.document.id}#item-event-${ev.id}`;
      a.textContent = `${ev.date || "undated"} ${ev.type}: ${ev.actor.join(", ")}` +
        (ev.recipient.length ? ` → ${ev.recipient.join(", ")}` : "");
      li.append(a);
      ul.append(li);
    }
    panel.append(ul);
    const more = document.createElement("p");
    const all = document.createElement("a");
    q.delete("limit");
    all.href = "/events?" + q.toString();
    all.textContent = "All these events";
    more.append(all);
    if (dyadUrl) {
      const d = document.createElement("a");
      d.href = dyadUrl;
      d.textContent = "Timeline of the pair";
      more.append(" · ", d);
    }
    panel.append(more);
  }
})();
