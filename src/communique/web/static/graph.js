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

  const gEdges = el("g", {}, svg), gNodes = el("g", {}, svg);
  for (const e of edges) {
    const line = el("line", {
      x1: e.s.x, y1: e.s.y, x2: e.t.x, y2: e.t.y, class: "edge", stroke: colour(e),
      "stroke-width": 1.5 + 7 * Math.sqrt(e.weight / maxW), "data-source": e.source, "data-target": e.target,
    }, gEdges);
    el("title", {}, line).textContent =
      `${e.s.name} – ${e.t.name}: ${e.weight} events (${e.cooperation} cooperation, ${e.conflict} conflict)`;
    line.addEventListener("click", () => select(line, { dyad: `${e.source},${e.target}` },
      `${e.s.name} – ${e.t.name}`, `/dyads/${encodeURIComponent(e.source)}/${encodeURIComponent(e.target)}`));
  }
  for (const n of nodes) {
    const g = el("g", { class: `node ${n.kind}`, "data-id": n.id, transform: `translate(${n.x},${n.y})` }, gNodes);
    el("circle", { r: 5 + 14 * Math.sqrt(n.weight / maxN) }, g);
    const label = el("text", { x: 9, y: 4 }, g);
    label.textContent = n.name;
    el("title", {}, g).textContent = `${n.name} (${n.id}): ${n.weight} events`;
    g.addEventListener("click", () => select(g, { country: n.id }, n.name, null));
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
