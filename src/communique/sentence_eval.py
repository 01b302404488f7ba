"""Sentence-level checks against two public event-coding gold sets: PLOVER-GSR and PETRARCH-2.

Both sets are single sentences coded by hand (CAMEO manual examples, GigaWord sentences). They
are not our domain (diplomatic readouts) and use older codebooks, so the numbers are a yardstick
for the trigger rules, not a score to tune to. Every sentence becomes one `Document`; the
extractor codes it like any other text and the events it returns are compared with the gold.

Country codes: CAMEO actor codes start with a three-letter country code ("USAGOV" -> USA),
which is ISO alpha-3 apart from a few old spellings (JAP, ITL, VTN); "IGO" codes and IGO texts
map to `IGO:<acronym>` where we know the organisation. Anything else (NGO, IMG, "---") has no
country and is left out of the actor metrics rather than counted wrong.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

import pycountry

from communique.errors import CommuniqueError
from communique.records import Document, Record

PLOVER_FILE = "PLOVER_GSR_CAMEO.json"
PETRARCH_FILE = "PETR2_GSR_validation.xml"

#: PLOVER 0.5 labels of the GSR -> the PLOVER types the extractor emits
PLOVER_05_TO_CURRENT = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "FIGHT": "ASSAULT",
    "YIELD": "CONCEDE",
}

#: old or non-ISO country codes the gold sets use
CODE_FIXES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "ROM": "ROU", "ZAR": "COD", "TMP": "TLS"}

#: CAMEO IGO codes (the three letters after "IGO") -> our ids
IGO_CAMEO = {
    "UNO": "IGO:UN", "EUR": "IGO:EU", "NAT": "IGO:NATO", "ARL": "IGO:AL", "AFU": "IGO:AU",
    "SEA": "IGO:ASEAN", "ASN": "IGO:ASEAN", "SCO": "IGO:SCO", "ITP": "IGO:INTERPOL",
    "OSC": "IGO:OSCE", "IAE": "IGO:IAEA", "WTO": "IGO:WTO", "IMF": "IGO:IMF", "WBK": "IGO:WB",
}

#: our finer organisation codes as the GSR's coarser ones (a UN body is the UN there)
IGO_FAMILY = {"IGO:UNSC": "IGO:UN", "IGO:UNGA": "IGO:UN", "IGO:UNHCR": "IGO:UN", "IGO:WFP": "IGO:UN",
              "IGO:UNICEF": "IGO:UN", "IGO:UNHRC": "IGO:UN", "IGO:EC": "IGO:EU"}

#: PLOVER-GSR codes every IGO "IGO"; which one it is lives only in the actor text
IGO_TEXT = [
    (re.compile(r"\bU\.?N\.?\b|United Nations|Security Council|Kofi Annan|refugee agency", re.I), "IGO:UN"),
    (re.compile(r"\bNATO\b", re.I), "IGO:NATO"),
    (re.compile(r"European Community|European common market|\bEU\b|European Union", re.I), "IGO:EU"),
    (re.compile(r"Arab League", re.I), "IGO:AL"),
    (re.compile(r"\bIAEA\b|Atomic Energy Agency", re.I), "IGO:IAEA"),
    (re.compile(r"\bOSCE\b", re.I), "IGO:OSCE"),
    (re.compile(r"Asia-Pacific Economic Cooperation|\bAPEC\b", re.I), "IGO:APEC"),
    (re.compile(r"International Labou?r Office|\bILO\b", re.I), "IGO:ILO"),
    (re.compile(r"Red Cross|Red Crescent", re.I), "IGO:ICRC"),
]

_ISO3 = {c.alpha_3 for c in pycountry.countries} | {"XKX"}


class SentenceExtractor(Protocol):
    """What the evaluation needs from an extractor: batch extraction preserving input order."""

    def extract_many(self, documents: list[Document]) -> Iterable[tuple[Document, Record]]: ...


# ---------------------------------------------------------------- codes


def plover_type(label: str) -> str:
    """A PLOVER 0.5 GSR label as the current type name."""
    return PLOVER_05_TO_CURRENT.get(label.upper(), label.upper())


def country_of(code: str | None, text: str = "") -> str | None:
    """ISO alpha-3 or IGO:<acronym> for a CAMEO actor code, or None when it names no country or known IGO."""
    if not code:
        return None
    head = code.strip().upper()[:3]
    if head == "IGO":
        tail = code.strip().upper()[3:]
        for i in range(0, len(tail), 3):
            igo = IGO_CAMEO.get(tail[i:i + 3])
            if igo:
                return igo
        for pat, igo in IGO_TEXT:
            if pat.search(text):
                return igo
        return None
    head = CODE_FIXES.get(head, head)
    return head if head in _ISO3 else None


def _countries(actors: Any) -> list[str]:
    """Country codes of a GSR source/target list; the GSR sometimes gives a string there ('' or a mode)."""
    if not isinstance(actors, list):
        return []
    out = [country_of(a.get("code"), a.get("actorText", "")) for a in actors if isinstance(a, dict)]
    return list(dict.fromkeys(c for c in out if c))


def _iso_day(value: str | None) -> str | None:
    """YYYY-MM-DD from 'YYYY-MM-DD' or 'YYYYMMDD'; None for anything else (PETRARCH has a '121108')."""
    if not value:
        return None
    v = value.strip()
    m = re.fullmatch(r"(\d{4})-?(\d{2})-?(\d{2})", v)
    if not m or not ("01" <= m.group(2) <= "12" and "01" <= m.group(3) <= "31"):
        return None
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}"


def _file(path: str | Path, name: str) -> Path:
    """The gold file: `path` itself, or `name` inside the folder `path` (the CLI takes the folder)."""
    p = Path(path)
    f = p / name if p.is_dir() else p
    if not f.is_file():
        raise CommuniqueError(f"{f}: no such gold file (expected {name} or a folder holding it)")
    return f


# ---------------------------------------------------------------- gold records


@dataclass(frozen=True)
class PloverGold:
    id: str
    text: str
    type: str  # current PLOVER name
    label: str  # as the GSR writes it
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    date: str | None


@dataclass(frozen=True)
class PetrarchCoding:
    event: str
    source: str
    target: str

    @property
    def dyad(self) -> tuple[str | None, str | None]:
        return country_of(self.source), country_of(self.target)


@dataclass(frozen=True)
class PetrarchGold:
    id: str
    text: str
    date: str | None
    codings: tuple[PetrarchCoding, ...]  # empty: the sentence has no event (noevents="True")


def load_plover(path: str | Path) -> list[PloverGold]:
    """The GSR sentences, without the 'DOCUMENT' record that documents the file itself."""
    f = _file(path, PLOVER_FILE)
    try:
        rows = json.loads(f.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise CommuniqueError(f"{f}: not JSON ({exc})") from None
    out = []
    for r in rows:
        if r.get("event") == "DOCUMENT" or not r.get("text"):
            continue
        out.append(PloverGold(id=r["id"], text=" ".join(r["text"].split()), type=plover_type(r["event"]),
                              label=r["event"], sources=tuple(_countries(r.get("source"))),
                              targets=tuple(_countries(r.get("target"))), date=_iso_day(r.get("date"))))
    return out


_COMMENT = re.compile(r"<!--.*?-->", re.S)
_HASH_LINE = re.compile(r"^[ \t]*#.*$", re.M)
_SENTENCE = re.compile(r"<Sentence\b(?P<attrs>[^>]*?)/?>")
_CODING = re.compile(r"<EventCoding\b(?P<attrs>[^>]*?)/?>")
_TEXT = re.compile(r"<Text>(?P<t>.*?)</Text>", re.S)
_PARSE = re.compile(r"<Parse>(?P<p>.*?)</Parse>", re.S)
_ATTR = re.compile(r"(\w+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")


def _attrs(s: str) -> dict[str, str]:
    return {m.group(1): html.unescape(m.group(2) if m.group(2) is not None else m.group(3)) for m in _ATTR.finditer(s)}


def _parse_text(conllu: str) -> str:
    """The sentence rebuilt from its CoNLL-U parse (word forms, `SpaceAfter=No` honoured)."""
    out: list[str] = []
    for line in conllu.splitlines():
        cols = line.split("\t")
        if len(cols) < 2 or not cols[0].strip().isdigit():
            continue
        out.append(cols[1] + ("" if len(cols) > 9 and "SpaceAfter=No" in cols[9] else " "))
    return re.sub(r" (?=[.,;:!?)])", "", "".join(out)).strip()  # not every parse marks SpaceAfter=No


def load_petrarch(path: str | Path) -> list[PetrarchGold]:
    """The validation records, read by pattern: the file is not well-formed XML.

    It has '#' banner lines outside elements, self-closed `<Sentence .../>` tags followed by
    stray `</Sentence>`, and commented-out parses, so a strict parser stops at line 4. We drop
    comments and '#' lines, cut the text at each `<Sentence` and read each piece's tags. One
    record (abc12_3) has an empty `<Text>`: its sentence is rebuilt from the `<Parse>`.
    """
    raw = _file(path, PETRARCH_FILE).read_text(encoding="utf-8")
    raw = _HASH_LINE.sub("", _COMMENT.sub("", raw))
    heads = list(_SENTENCE.finditer(raw))
    out = []
    for i, head in enumerate(heads):
        body = raw[head.end():heads[i + 1].start() if i + 1 < len(heads) else len(raw)]
        attrs = _attrs(head.group("attrs"))
        tm, pm = _TEXT.search(body), _PARSE.search(body)
        text = " ".join(html.unescape(tm.group("t")).split()) if tm else ""
        if not text and pm:
            text = _parse_text(html.unescape(pm.group("p")))
        if not text or attrs.get("evaluate", "true").lower() == "false":
            continue
        codings = []
        for cm in _CODING.finditer(body):
            ca = _attrs(cm.group("attrs"))
            if ca.get("noevents", "").lower() == "true" or "eventcode" not in ca:
                continue
            codings.append(PetrarchCoding(ca["eventcode"], ca.get("sourcecode", ""), ca.get("targetcode", "")))
        out.append(PetrarchGold(id=attrs.get("id", f"sentence-{i + 1}"),
                                text=text,
                                date=_iso_day(attrs.get("date")), codings=tuple(codings)))
    return out


# ---------------------------------------------------------------- metrics


@dataclass
class Rate:
    """A share with its counts, so tables show both '0.42' and '34/81'."""

    hit: int = 0
    n: int = 0

    def add(self, ok: bool) -> None:
        self.hit += int(ok)
        self.n += 1

    @property
    def value(self) -> float:
        return self.hit / self.n if self.n else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"accuracy": round(self.value, 4), "correct": self.hit, "n": self.n}


@dataclass
class PredEvent:
    """The parts of a predicted event the metrics read."""

    type: str
    cameo: str
    actor: frozenset[str]
    parties: frozenset[str]  # actor | recipient
    trigger: str = ""

    @classmethod
    def of(cls, rec: Record) -> list[PredEvent]:
        def canon(codes: list[str]) -> frozenset[str]:
            return frozenset(IGO_FAMILY.get(c, c) for c in codes)

        return [cls(e.type, e.cameo or "", canon(e.actor), canon(e.actor) | canon(e.recipient),
                    e.trigger or "") for e in rec.events]


def _candidates(events: list[PredEvent], gold_type: str) -> list[PredEvent]:
    """Events the actor metrics look at: those of the gold type, else all (a wrong type with right actors)."""
    same = [e for e in events if e.type == gold_type]
    return same or events


def _dyad_ok(ev: PredEvent, sources: Iterable[str], targets: Iterable[str]) -> bool:
    return any(s in ev.actor for s in sources) and any(t in ev.parties for t in targets)


def _extract(docs: list[Document], extractor: SentenceExtractor) -> list[list[PredEvent]]:
    by_doc = list(extractor.extract_many(docs))
    if len(by_doc) != len(docs):
        raise ValueError(f"extractor returned {len(by_doc)} records for {len(docs)} sentences")
    return [PredEvent.of(rec) for _, rec in by_doc]


def _short(types: Iterable[str]) -> str:
    ts = sorted(set(types))
    return "+".join(ts) if ts else "(none)"


def _trigger_at(text: str, event: Any) -> int:
    pos = text.find(getattr(event, "trigger", None) or "\x00")
    return pos if pos >= 0 else len(text)


def evaluate_plover(path: str | Path, extractor: SentenceExtractor) -> dict[str, Any]:
    """Score the extractor on PLOVER-GSR sentences (the 'DOCUMENT' record excluded).

    Per sentence, with the gold type mapped to current PLOVER (`PLOVER_05_TO_CURRENT`):
    - type: correct when the set of predicted event types contains the gold type; a sentence
      with no predicted event is wrong. Over all N sentences.
    - source: over sentences with at least one gold source country; correct when some
      candidate event has a gold source country among its `actor`. Candidates are the predicted
      events of the gold type, or all predicted events when none has that type.
    - target: over sentences with at least one gold target country; correct when some candidate
      event has a gold target country among its `recipient` or `actor` (symmetric types such as
      CONSULT list both sides as actors).
    - dyad: over sentences with both; correct when one candidate event meets both conditions.
    - type_international: `type` over the sentences whose gold names source and target countries
      with none in common. A quarter of the GSR is domestic (Serbian police and Serbian
      protesters); the extractor codes relations between states and skips those by design.
    `confusions` counts gold type -> predicted type set (joined by '+', '(none)' when empty)
    over the sentences whose type is wrong; `errors` lists those sentences.
    """
    gold = load_plover(path)
    docs = [Document(source=f"plover-gsr:{g.id}", text=g.text, published=g.date) for g in gold]
    preds = _extract(docs, extractor)
    typ, src, tgt, dyad, intl, first = Rate(), Rate(), Rate(), Rate(), Rate(), Rate()
    n_types = 0
    per_type: dict[str, Rate] = {}
    confusions: Counter[tuple[str, str]] = Counter()
    errors: list[dict[str, Any]] = []
    for g, evs in zip(gold, preds, strict=True):
        types = {e.type for e in evs}
        ok = g.type in types
        typ.add(ok)
        n_types += len(types)
        # strict reading: only the event whose trigger comes first in the sentence counts
        lead = min(evs, key=lambda e: _trigger_at(g.text, e), default=None)
        first.add(lead is not None and lead.type == g.type)
        per_type.setdefault(g.type, Rate()).add(ok)
        cands = _candidates(evs, g.type)
        if g.sources:
            src.add(any(s in e.actor for e in cands for s in g.sources))
        if g.targets:
            tgt.add(any(t in e.parties for e in cands for t in g.targets))
        if g.sources and g.targets:
            dyad.add(any(_dyad_ok(e, g.sources, g.targets) for e in cands))
            if not set(g.sources) & set(g.targets):
                intl.add(ok)
        if not ok:
            confusions[(g.type, _short(types))] += 1
            errors.append({"id": g.id, "gold": g.type, "label": g.label, "predicted": _short(types),
                           "text": g.text, "sources": list(g.sources), "targets": list(g.targets),
                           "events": [{"type": e.type, "cameo": e.cameo, "actor": sorted(e.actor),
                                       "parties": sorted(e.parties)} for e in evs]})
    return {
        "set": "PLOVER-GSR", "n": len(gold),
        "type": typ.as_dict(), "type_first": first.as_dict(), "types_per_sentence": round(n_types / max(len(gold), 1), 2),
        "source": src.as_dict(), "target": tgt.as_dict(), "dyad": dyad.as_dict(),
        "type_international": intl.as_dict(), "no_event": sum(1 for evs in preds if not evs),
        "per_type": {t: r.as_dict() for t, r in sorted(per_type.items())},
        "confusions": [{"gold": a, "predicted": b, "count": c} for (a, b), c in confusions.most_common()],
        "errors": errors,
    }


def evaluate_petrarch(path: str | Path, extractor: SentenceExtractor) -> dict[str, Any]:
    """Score the extractor on the PETRARCH-2 validation sentences.

    Over the M sentences with at least one gold `EventCoding` (a sentence may have several):
    - root: correct when some predicted event's CAMEO code has the same first two digits as
      some gold event code;
    - full: correct when some predicted CAMEO code equals some gold event code exactly;
    - dyad: over sentences where some gold coding has a known source and target country (first
      three letters of the CAMEO actor code, IGOs mapped); correct when some predicted event has
      that coding's source country among its `actor` and its target among `recipient` or `actor`.
    Over the sentences coded `noevents="True"`: `silent` is the share where nothing is predicted.
    """
    gold = load_petrarch(path)
    docs = [Document(source=f"petrarch2-gsr:{g.id}", text=g.text, published=g.date) for g in gold]
    preds = _extract(docs, extractor)
    root, full, dyad, silent = Rate(), Rate(), Rate(), Rate()
    confusions: Counter[tuple[str, str]] = Counter()
    errors: list[dict[str, Any]] = []
    for g, evs in zip(gold, preds, strict=True):
        if not g.codings:
            silent.add(not evs)
            continue
        codes = {e.cameo for e in evs if e.cameo}
        gold_codes = {c.event for c in g.codings}
        root_ok = bool({c[:2] for c in codes} & {c[:2] for c in gold_codes})
        root.add(root_ok)
        full.add(bool(codes & gold_codes))
        dyads = [(s, t) for s, t in (c.dyad for c in g.codings) if s and t]
        if dyads:
            dyad.add(any(s in e.actor and t in e.parties for e in evs for s, t in dyads))
        if not root_ok:
            pred = "+".join(sorted({c[:2] for c in codes})) or "(none)"
            confusions[("+".join(sorted({c[:2] for c in gold_codes})), pred)] += 1
            errors.append({"id": g.id, "gold": sorted(gold_codes), "predicted": sorted(codes), "text": g.text})
    return {
        "set": "PETRARCH-2", "n": len(gold), "with_events": root.n,
        "root": root.as_dict(), "full": full.as_dict(), "dyad": dyad.as_dict(), "silent": silent.as_dict(),
        "confusions": [{"gold": a, "predicted": b, "count": c} for (a, b), c in confusions.most_common()],
        "errors": errors,
    }


# ---------------------------------------------------------------- table


@dataclass
class _Table:
    title: str
    rows: list[tuple[str, str, str]] = field(default_factory=list)

    def add(self, name: str, r: dict[str, Any]) -> None:
        self.rows.append((name, f"{r['accuracy']:.3f}", f"{r['correct']}/{r['n']}"))

    def render(self) -> list[str]:
        w = max(len(r[0]) for r in self.rows)
        return [self.title, f"  {'metric':<{w}}  {'accuracy':>8}  {'correct/n':>10}",
                *(f"  {a:<{w}}  {b:>8}  {c:>10}" for a, b, c in self.rows)]


def _confusion_lines(m: dict[str, Any], top: int = 10) -> list[str]:
    """Misses (nothing predicted) on one line, then the top wrong-type confusions: they need different fixes."""
    missed = [c for c in m["confusions"] if c["predicted"] == "(none)"]
    wrong = [c for c in m["confusions"] if c["predicted"] != "(none)"]
    lines = [f"  missed, no event predicted ({sum(c['count'] for c in missed)}): "
             + ", ".join(f"{c['gold']} {c['count']}" for c in missed)]
    lines.append(f"  top {top} confusions, gold -> predicted ({sum(c['count'] for c in wrong)} in all):")
    lines += [f"    {c['count']:>4}  {c['gold']} -> {c['predicted']}" for c in wrong[:top]]
    return lines


def format_plover(m: dict[str, Any]) -> str:
    t = _Table(f"PLOVER-GSR sentences  N={m['n']}  (no event predicted: {m['no_event']})")
    t.add("event type", m["type"])
    t.add("event type, first trigger", m["type_first"])
    t.add("source country", m["source"])
    t.add("target country", m["target"])
    t.add("source+target", m["dyad"])
    t.add("event type, international", m["type_international"])
    lines = t.render()
    lines.append(f"  event types predicted per sentence: {m['types_per_sentence']}")
    lines.append("  per gold type: " + ", ".join(f"{k} {v['correct']}/{v['n']}" for k, v in m["per_type"].items()))
    return "\n".join(lines + _confusion_lines(m))


def format_petrarch(m: dict[str, Any]) -> str:
    t = _Table(f"PETRARCH-2 sentences  N={m['n']}  (with events: {m['with_events']}, "
               f"no-event: {m['silent']['n']})")
    t.add("CAMEO root (2 digits)", m["root"])
    t.add("CAMEO full code", m["full"])
    t.add("dyad (src+tgt country)", m["dyad"])
    t.add("silent on no-event", m["silent"])
    return "\n".join(t.render() + _confusion_lines(m))


def run(name: str, path: str, extractor: SentenceExtractor) -> str:
    """The printed table for one gold set: 'plover' or 'petrarch' (what `communique evaluate` shows)."""
    if name == "plover":
        return format_plover(evaluate_plover(path, extractor))
    if name == "petrarch":
        return format_petrarch(evaluate_petrarch(path, extractor))
    raise CommuniqueError(f"unknown sentence set {name!r}: expected 'plover' or 'petrarch'")
