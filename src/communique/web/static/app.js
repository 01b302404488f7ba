// Small behaviours for every page; no dependencies. Text goes in with textContent, never innerHTML.
"use strict";

function showCoding(mark) {
  const panel = document.getElementById("coding");
  if (!panel) return;
  document.querySelectorAll("mark.hl.selected").forEach((m) => m.classList.remove("selected"));
  document.querySelectorAll(`mark.hl[data-item="${CSS.escape(mark.dataset.item)}"]`)
    .forEach((m) => m.classList.add("selected"));
  panel.replaceChildren();
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
}

document.addEventListener("click", (ev) => {
  const mark = ev.target.closest && ev.target.closest("mark.hl");
  if (mark) {
    // the innermost mark is the most specific item: an actor inside an event's sentence
    showCoding(mark);
  }
});

document.querySelectorAll("input[data-toggle]").forEach((box) => {
  box.addEventListener("change", () => {
    const text = document.getElementById("doc-text");
    if (text) text.classList.toggle("hide-" + box.dataset.toggle, !box.checked);
  });
});

if (location.hash) {
  const target = document.getElementById(location.hash.slice(1));
  if (target && target.matches("mark.hl")) showCoding(target);
}
