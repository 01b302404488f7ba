"""Score the merging of reports into real-world events on merge cases (`communique evaluate --merge FILE`).

A case file (`../shared/eval/merge/dev.json`, see its README) lists real events that several
documents report (`"kind": "same"`) and pairs of look-alike events that must stay apart
(`"kind": "different"`). The documents of every case are extracted and written into one store,
as an ingest would, and each case is checked against the store's real-world events:

- a "same" case passes when one event with the case's type, party set and date has every listed
  document among its sources;
- a "different" case passes when each of its two events is found so (type, parties, date, all
  its documents) and they are two distinct events.

A failing case is put down to the extraction when a listed document has no report of the event
(another type or party set, or a date more than a day off), or when no report carries the true
date; otherwise to the merging, with the rule that kept reports apart or the fact that merged them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from communique import merge
from communique.errors import CommuniqueError, ReadError
from communique.extract import Extractor, get_extractor
from communique.ingest.readers import read_file
from communique.records import Document
from communique.store import BaseStore, SQLiteStore
from communique.store.base import report_of


@dataclass
class CaseResult:
    id: int | str
    kind: str
    passed: bool
    cause: str | None = None  # "extraction" or "merging" when it failed
    detail: str = ""


@dataclass
class MergeScore:
    same: tuple[int, int] = (0, 0)  # passed, total
    different: tuple[int, int] = (0, 0)
    cases: list[CaseResult] = field(default_factory=list)

    @property
    def same_rate(self) -> float:
        return self.same[0] / self.same[1] if self.same[1] else 0.0

    @property
    def different_rate(self) -> float:
        return self.different[0] / self.different[1] if self.different[1] else 0.0

    def as_json(self) -> dict[str, Any]:
        return {"same": {"passed": self.same[0], "cases": self.same[1], "rate": round(self.same_rate, 3)},
                "different": {"passed": self.different[0], "cases": self.different[1],
                              "rate": round(self.different_rate, 3)},
                "cases": [asdict(c) for c in self.cases]}


def _pointer_key(ptr: dict[str, Any]) -> str:
    return ptr.get("path") or f"{ptr['file']}#{ptr['key']}={ptr['value']}"


def _groups(case: dict[str, Any]) -> list[dict[str, Any]]:
    """The events of a case: one for "same", two for "different", each with its documents."""
    if case["kind"] == "same":
        return [{**case["event"], "documents": case["documents"]}]
    return list(case["events"])


def _root(cases_file: Path, cases: Sequence[dict[str, Any]]) -> Path:
    """The folder the case pointers are relative to: the nearest parent holding their first file."""
    first = next((_groups(c)[0]["documents"][0] for c in cases), None)
    rel = (first.get("path") or first.get("file")) if first else None
    for folder in cases_file.resolve().parents:
        if rel is None or (folder / rel).exists():
            return folder
    raise CommuniqueError(f"{cases_file}: cannot find the documents its cases point to ({rel})")


def load_documents(cases_file: Path, cases: Sequence[dict[str, Any]]) -> dict[str, Document]:
    """Every document the cases point to, by pointer key."""
    root = _root(cases_file, cases)
    wanted = {_pointer_key(p): p for c in cases for g in _groups(c) for p in g["documents"]}
    out: dict[str, Document] = {}
    rows: dict[str, dict[tuple[str, str], Document]] = {}
    for key, ptr in sorted(wanted.items()):
        if "path" in ptr:
            items: Iterator[Any] = read_file(root / ptr["path"])
            doc = next((d for d in items if isinstance(d, Document)), None)
        else:
            if ptr["file"] not in rows:
                rows[ptr["file"]] = {}
                for d in read_file(root / ptr["file"]):
                    if isinstance(d, Document) and d.url:
                        rows[ptr["file"]][ptr["key"], d.url] = d
            doc = rows[ptr["file"]].get((ptr["key"], ptr["value"])) or next(
                (d for (_k, url), d in rows[ptr["file"]].items() if url == ptr["value"]), None)
        if doc is None:
            raise CommuniqueError(f"{cases_file}: no document for {key}")
        out[key] = doc
    return out


def ingest(store: BaseStore, documents: Sequence[Document], extractor: Extractor | None = None,
           batch: int = 16) -> None:
    """Extract the documents and write them, batch by batch, as `communique ingest` does."""
    ex = extractor or get_extractor()
    errors: list[ReadError] = []
    for i in range(0, len(documents), batch):
        pairs = ex.extract_many(documents[i:i + batch], on_error=errors.append)
        store.write_batch([(d.text, rec) for d, rec in pairs])
    if errors:
        raise CommuniqueError(f"extraction failed on {len(errors)} case documents: {errors[0]}")


def _near(date: str | None, truth: str) -> bool:
    """A report's date that merging can bring to the true date: the day, a day off, or a coarser
    date containing it."""
    if not date:
        return False
    d, t = merge.parse_day(date), merge.parse_day(truth)
    if d is not None and t is not None:
        return abs((d - t).days) <= merge.MAX_DAY_SHIFT
    first, last = merge.period(date)
    return first <= truth <= last


class _Lookup:
    """The store's reports and real-world events, as the scoring needs them."""

    def __init__(self, store: BaseStore) -> None:
        self.store = store

    def reports(self, doc_id: str, type_: str) -> list[Any]:
        return self.store.query(
            f"SELECT {BaseStore.REPORT_COLS} FROM events e JOIN documents d ON d.id = e.document_id"
            " WHERE e.document_id = ? AND e.type = ?", [doc_id, type_])

    def found(self, type_: str, parties: Sequence[str], date: str, doc_ids: set[str]) -> str | None:
        """The id of a real event with this type, party set and date whose sources hold every
        document, or None."""
        rows = self.store.query("SELECT id, actor, recipient FROM real_events WHERE type = ? AND date = ?",
                                [type_, date])
        for r in rows:
            if set(json.loads(r["actor"])) | set(json.loads(r["recipient"])) != set(parties):
                continue
            docs = {x[0] for x in self.store.query("SELECT document_id FROM events WHERE real_event_id = ?",
                                                   [r["id"]])}
            if doc_ids <= docs:
                return str(r["id"])
        return None


def _diagnose(look: _Lookup, group: dict[str, Any], doc_ids: dict[str, str]) -> tuple[str, str]:
    """Why a group of documents is not found as one event: (cause, detail)."""
    parties = set(group["parties"])
    fitting: dict[str, list[Any]] = {}
    for key, doc_id in doc_ids.items():
        reps = look.reports(doc_id, group["type"])
        fit = [r for r in reps if set(json.loads(r["norm_actor"])) | set(json.loads(r["norm_recipient"])) == parties
               and _near(r["date"], group["date"])]
        if not fit:
            seen = ", ".join(sorted({f"{'+'.join(sorted(set(json.loads(r['norm_actor'])) | set(json.loads(r['norm_recipient']))))}"
                                     f" {r['date']}" for r in reps})) or "none"
            name = [part for part in key.replace("=", "/").split("/") if part][-1][:70]
            return "extraction", f"{name}: no {group['type']} report of " \
                                 f"{'+'.join(sorted(parties))} near {group['date']} ({group['type']} reports: {seen})"
        fitting[key] = fit
    if not any(r["date"] == group["date"] for rs in fitting.values() for r in rs):
        dates = sorted({r["date"] for rs in fitting.values() for r in rs})
        return "extraction", f"no report dated {group['date']} (reports dated {', '.join(dates)})"
    events = {r["real_event_id"] for rs in fitting.values() for r in rs}
    if len(events) == 1:
        return "merging", f"one event, dated otherwise than {group['date']}"
    firsts = [report_of(rs[0]) for rs in fitting.values()]
    reasons = sorted({why for i, a in enumerate(firsts) for b in firsts[i + 1:]
                      if (why := merge.conflict(a, b))})
    return "merging", f"reports in {len(events)} events" + (f" ({'; '.join(reasons)})" if reasons else "")


def score_cases(store: BaseStore, cases: Sequence[dict[str, Any]], docs: dict[str, Document]) -> MergeScore:
    look = _Lookup(store)
    score = MergeScore()
    same, different = [0, 0], [0, 0]
    for case in cases:
        groups = _groups(case)
        found: list[str | None] = []
        for g in groups:
            ids = {docs[_pointer_key(p)].id for p in g["documents"]}
            found.append(look.found(g["type"], g["parties"], g["date"], ids))
        if case["kind"] == "same":
            passed = found[0] is not None
        else:
            passed = None not in found and len(set(found)) == len(found)
        result = CaseResult(id=case.get("id", len(score.cases)), kind=case["kind"], passed=passed)
        if not passed:
            for g, hit in zip(groups, found, strict=True):
                if hit is None:
                    by_key = {_pointer_key(p): docs[_pointer_key(p)].id for p in g["documents"]}
                    result.cause, result.detail = _diagnose(look, g, by_key)
                    break
            else:
                result.cause, result.detail = "merging", "the two events are merged into one"
        tally = same if case["kind"] == "same" else different
        tally[0] += passed
        tally[1] += 1
        score.cases.append(result)
    score.same, score.different = (same[0], same[1]), (different[0], different[1])
    return score


def evaluate_merge(cases_file: str | Path, store: BaseStore | None = None,
                   extractor: Extractor | None = None) -> MergeScore:
    """Extract every document of the cases into `store` (a new in-memory store by default) and score."""
    path = Path(cases_file)
    try:
        cases = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise CommuniqueError(f"{path}: cannot read merge cases ({exc})") from None
    docs = load_documents(path, cases)
    own = store is None
    st = store if store is not None else SQLiteStore(":memory:")
    try:
        unique = list({d.id: d for d in docs.values()}.values())
        ingest(st, unique, extractor)
        return score_cases(st, cases, docs)
    finally:
        if own:
            st.close()


def format_score(score: MergeScore) -> str:
    lines = [f"same events kept together: {score.same[0]}/{score.same[1]} ({score.same_rate:.2f})",
             f"look-alikes kept apart:    {score.different[0]}/{score.different[1]} ({score.different_rate:.2f})",
             ""]
    for c in score.cases:
        mark = "pass" if c.passed else f"FAIL ({c.cause})"
        lines.append(f"  case {c.id:>3} {c.kind:<9} {mark}" + (f": {c.detail}" if c.detail else ""))
    return "\n".join(lines)
