// Small behaviours for every page; no dependencies. Text goes in with textContent, never innerHTML.
"use strict";

// the order in which coinciding items (same span) are picked: the most specific kinds first
const KIND_ORDER = ["actor", "attendee", "honour", "invitation", "cooperation", "agreement", "partnership", "event"];

function itemsUnder(target) {
  // every highlighted item whose span covers the clicked point: the mark chain from the innermost out
  const seen = new Map();
  for (let m = target.closest && target.closest("mark.hl"); m; m = m.parentElement.closest("mark.hl")) {
    if (!seen.has(m.dataset.item)) seen.set(m.dataset.item, m);
  }
  const rank = (m) => {
    const r = KIND_ORDER.indexOf(m.dataset.kind);
    return r < 0 ? KIND_ORDER.length : r;
  };
  return [...seen.values()].sort((a, b) =>
    (a.dataset.end - a.dataset.start) - (b.dataset.end - b.dataset.start) || rank(a) - rank(b));
}

function showCoding(mark, others) {
  const panel = document.getElementById("coding");
  if (!panel) return;
  document.querySelectorAll("mark.hl.selected").forEach((m) => m.classList.remove("selected"));
  document.querySelectorAll(`mark.hl[data-item="${CSS.escape(mark.dataset.item)}"]`)
    .forEach((m) => m.classList.add("selected"));
  panel.replaceChildren();
  panel.dataset.item = mark.dataset.item;
  panel.dataset.kind = mark.dataset.kind;
  const dl = document.createElement("dl");
  for (const [k, v] of [["kind", mark.dataset.kind], ["item", mark.dataset.label], ["coding", mark.title],
                        ["id", mark.dataset.item]]) {
    const dt = document.createElement("dt");
    dt.textContent = k;
    const dd = document.createElement("dd");
    dd.textContent = v || "";
    dl.append(dt, dd);
  }
  panel.append(dl);
  const rest = (others || []).filter((m) => m.dataset.item !== mark.dataset.item);
  if (rest.length) {
    const also = document.createElement("div");
    also.className = "also";
    also.append("Also here:");
    for (const m of rest) {
      const b = document.createElement("button");
      b.type = "button";
      b.dataset.item = m.dataset.item;
      const label = m.dataset.label || "";
      b.textContent = label.startsWith(m.dataset.kind) ? label : `${m.dataset.kind}: ${label}`;
      b.addEventListener("click", () => showCoding(m, others));
      also.append(b);
    }
    panel.append(also);
  }
}

let lastClick = { key: "", index: 0 };
document.addEventListener("click", (ev) => {
  const items = itemsUnder(ev.target);
  if (!items.length) return;
  // the most specific item under the pointer; clicking the same place again steps to the next one
  const key = items.map((m) => m.dataset.item).join(" ");
  lastClick = key === lastClick.key ? { key, index: (lastClick.index + 1) % items.length } : { key, index: 0 };
  showCoding(items[lastClick.index], items);
});

document.querySelectorAll("input[data-toggle]").forEach((box) => {
  box.addEventListener("change", () => {
    const text = document.getElementById("doc-text");
    if (text) text.classList.toggle("hide-" + box.dataset.toggle, !box.checked);
  });
});

function showHash() {
  if (!location.hash) return;
  const target = document.getElementById(location.hash.slice(1));
  if (target && target.matches("mark.hl")) showCoding(target, []);
}
window.addEventListener("hashchange", showHash);
showHash();

// filter forms send only the fields filled in: shorter addresses, and nothing empty to reject
document.querySelectorAll("form.filters").forEach((form) => {
  form.addEventListener("submit", () => {
    form.querySelectorAll("input[name], select[name]").forEach((f) => { if (!f.value) f.disabled = true; });
    setTimeout(() => form.querySelectorAll("[disabled]").forEach((f) => { f.disabled = false; }), 0);
  });
});
