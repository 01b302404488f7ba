"""What every store backend shares: the writer, the real-world events kept from its reports, counts.

A backend (SQLite, PostgreSQL) supplies a connection, transactions, migrations and a way to run
SQL; the SQL written here is the subset both understand (`?` placeholders, which the PostgreSQL
backend translates; `INSERT ... ON CONFLICT`), so both stores hold the same rows for the same
documents.

Writes go through `write_batch`, one transaction per batch, and a document is keyed by the hash
of its normalised text: a re-ingest inserts nothing, and an ingest killed midway leaves whole
documents only, so the next run resumes where it stopped.

Real-world events (`real_events`) are kept from the reports (`events`, one row per document and
event) by `communique.merge`: after a batch is written, every group of reports it touched (one
type, one set of parties) is clustered again from all its reports and the difference is written,
with the tables the queries read (`event_facets`, `event_dyads`, `event_counts`,
`real_event_parties`). The result is a function of the stored reports, whatever the order of
ingest.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from communique import merge
from communique.records import Event, Evidence, Record
from communique.store.dialect import Dialect, SQLiteDialect

TABLES = {"documents": "documents", "actors": "actors", "events": "real_events", "event_mentions": "events",
          "agreements": "agreements", "partnerships": "partnerships"}


class Row(Protocol):
    """A result row: by column name or position (sqlite3.Row, and the PostgreSQL backend's rows)."""

    def __getitem__(self, key: Any, /) -> Any: ...

    def keys(self) -> list[str]: ...


def item_id(*parts: object) -> str:
    return hashlib.sha1(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()[:20]


def _unique(codes: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(codes))


@dataclass(frozen=True)
class ReportFacts:
    """What the writer derives from a record's event for merging: parties with persons counted
    as their country, the group key, and the persons named for each country."""

    actor: list[str]
    recipient: list[str]
    group: str
    persons: dict[str, list[str]]

    @classmethod
    def of(cls, rec: Record, ev: Event) -> ReportFacts:
        country = {a.id: a.country for a in rec.actors if a.type == "person" and a.country}
        country.update({p.id: p.country for p in ev.people if p.country})
        actor = _unique(country.get(c, c) for c in ev.actor)
        recipient = [c for c in _unique(country.get(c, c) for c in ev.recipient) if c not in actor]
        persons: dict[str, set[str]] = {}
        for p in ev.people:
            if p.country:
                persons.setdefault(p.country, set()).add(merge.surname(p.name))
        spans = [(e.start, e.end) for e in (ev.evidence_all or [ev.evidence])]
        for a in rec.actors:  # persons the evidence names, when the extraction gave no people
            if a.type == "person" and a.country and any(s <= m.start and m.end <= e for m in a.mentions
                                                        for s, e in spans):
                persons.setdefault(a.country, set()).add(merge.surname(a.name))
        return cls(actor, recipient, merge.group_key(ev.type, actor + recipient),
                   {c: sorted(s - {""}) for c, s in sorted(persons.items())})


class BaseStore:
    """The writer and the readers shared by the backends. Subclasses implement the methods that
    raise NotImplementedError."""

    backend = "base"
    path = ""  # the address, as shown in messages (no password)
    dialect: Dialect = SQLiteDialect()

    # ------------------------------------------------------------ backend

    def execute(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Run one statement; returns the number of rows it changed."""
        raise NotImplementedError

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        raise NotImplementedError

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        raise NotImplementedError

    def stream(self, sql: str, params: Sequence[Any] = (), batch: int = 5000) -> Iterator[Row]:
        """The rows of a query, fetched `batch` at a time (an export of millions of rows)."""
        raise NotImplementedError

    def transaction(self) -> AbstractContextManager[None]:
        """One write transaction; writers wait for each other (one writer at a time)."""
        raise NotImplementedError

    @property
    def schema_version(self) -> int:
        raise NotImplementedError

    @staticmethod
    def latest_version() -> int:
        """The version the migrations of this backend lead to."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    # ------------------------------------------------------------ writes

    def known_documents(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        found: set[str] = set()
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            q = f"SELECT id FROM documents WHERE id IN ({','.join('?' * len(chunk))})"
            found.update(r[0] for r in self.query(q, chunk))
        return found

    def write_batch(self, items: Sequence[tuple[str, Record]]) -> int:
        """Store (document text, record) pairs in one transaction; returns how many were new."""
        new = 0
        with self.transaction():
            groups: set[str] = set()
            for text, record in items:
                new += self._write_record(text, record, groups)
            self.refresh_groups(groups)
        return new

    def _write_record(self, text: str, rec: Record, groups: set[str] | None = None) -> int:
        d = rec.document
        inserted = self.execute(
            "INSERT INTO documents (id, source, url, title, published, format, text, record, ingested_at, publisher)"
            " VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
            (d.id, d.source, d.url, d.title, d.published, d.format, text, rec.to_json(),
             datetime.now(UTC).isoformat(timespec="seconds"), merge.publisher(d.url, d.source)))
        if inserted == 0:
            return 0
        x = self.executemany
        ev_rows: list[tuple[Any, ...]] = []

        def spans(kind: str, iid: str, evs: Iterable[Evidence]) -> None:
            for e in evs:
                ev_rows.append((d.id, kind, iid, e.start, e.end, e.text))

        x("INSERT INTO actors (id, name, type, country) VALUES (?,?,?,?) ON CONFLICT DO NOTHING",
          [(a.id, a.name, a.type, a.country) for a in rec.actors])
        x("INSERT INTO mentions (document_id, actor_id, name, role, country, resolution, start, \"end\")"
          " VALUES (?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
          [(d.id, a.id, m.text, a.role, a.country, a.resolution, m.start, m.end) for a in rec.actors
           for m in a.mentions])
        for ev in rec.events:
            parties = sorted(set(ev.actor) | set(ev.recipient))
            key = item_id(ev.type, parties, ev.date)
            eid = item_id(d.id, ev.type, parties, ev.date)
            facts = ReportFacts.of(rec, ev)
            p = ev.place
            self.execute(
                "INSERT INTO events (id, document_id, event_key, type, mode, cameo, goldstein, quad_class,"
                " date, status, place_name, place_country, lat, lon, trigger, actor, recipient, people, evidence_text,"
                " evidence_start, evidence_end, group_key, norm_actor, norm_recipient, persons)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
                (eid, d.id, key, ev.type, ev.mode, ev.cameo, ev.goldstein, ev.quad_class, ev.date, ev.status,
                 p.name if p else None, p.country if p else None, p.lat if p else None, p.lon if p else None,
                 ev.trigger, json.dumps(ev.actor), json.dumps(ev.recipient),
                 json.dumps([person.model_dump() for person in ev.people]), ev.evidence.text,
                 ev.evidence.start, ev.evidence.end, facts.group, json.dumps(facts.actor),
                 json.dumps(facts.recipient), json.dumps(facts.persons)))
            if groups is not None:
                groups.add(facts.group)
            x("INSERT INTO event_parties (event_id, party, role, date) VALUES (?,?,?,?) ON CONFLICT DO NOTHING",
              [(eid, c, "actor", ev.date) for c in ev.actor] + [(eid, c, "recipient", ev.date) for c in ev.recipient])
            spans("event", eid, ev.evidence_all or [ev.evidence])
        for ag in rec.agreements:
            aid = item_id(d.id, "agreement", ag.title, sorted(ag.parties), ag.date)
            self.execute(
                "INSERT INTO agreements (id, document_id, title, kind, date, count, parties, evidence_text,"
                " evidence_start, evidence_end) VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
                (aid, d.id, ag.title, ag.kind, ag.date, ag.count, json.dumps(ag.parties), ag.evidence.text,
                 ag.evidence.start, ag.evidence.end))
            x("INSERT INTO item_parties (kind, item_id, party) VALUES ('agreement',?,?) ON CONFLICT DO NOTHING",
              [(aid, c) for c in ag.parties])
            spans("agreement", aid, [ag.evidence])
        for pa in rec.partnerships:
            pid = item_id(d.id, "partnership", pa.level_normalized, sorted(pa.parties), pa.date)
            self.execute(
                "INSERT INTO partnerships (id, document_id, level, level_normalized, rank, change, date,"
                " parties, evidence_text, evidence_start, evidence_end) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
                " ON CONFLICT DO NOTHING",
                (pid, d.id, pa.level, pa.level_normalized, pa.rank, pa.change, pa.date, json.dumps(pa.parties),
                 pa.evidence.text, pa.evidence.start, pa.evidence.end))
            x("INSERT INTO item_parties (kind, item_id, party) VALUES ('partnership',?,?) ON CONFLICT DO NOTHING",
              [(pid, c) for c in pa.parties])
            spans("partnership", pid, [pa.evidence])
        facts_rows: list[tuple[str, Any]] = [("honour", h) for h in rec.honours]
        facts_rows += [("invitation", i) for i in rec.invitations]
        facts_rows += [("cooperation", c) for c in rec.cooperation]
        facts_rows += [("attendee", a) for a in rec.attendees]
        for kind, fact in facts_rows:
            payload = fact.model_dump_json()
            fid = item_id(d.id, kind, payload)
            self.execute("INSERT INTO facts (id, document_id, kind, date, payload) VALUES (?,?,?,?,?)"
                         " ON CONFLICT DO NOTHING", (fid, d.id, kind, getattr(fact, "date", None), payload))
            spans(kind, fid, [fact.evidence])
        x('INSERT INTO evidence (document_id, kind, item_id, start, "end", text) VALUES (?,?,?,?,?,?)'
          " ON CONFLICT DO NOTHING", ev_rows)
        return 1

    def delete_documents(self, ids: Sequence[str]) -> int:
        """Remove documents with everything extracted from them; the real-world events they
        reported are computed again from the reports left. Returns how many were removed."""
        removed = 0
        with self.transaction():
            groups: set[str] = set()
            for i in range(0, len(ids), 500):
                chunk = list(ids[i:i + 500])
                marks = ",".join("?" * len(chunk))
                groups.update(r[0] for r in self.query(f"SELECT DISTINCT group_key FROM events"
                                                       f" WHERE document_id IN ({marks})", chunk))
                for table in ("evidence", "event_parties", "events", "mentions", "agreements", "partnerships",
                              "facts"):
                    if table == "event_parties":
                        self.execute(f"DELETE FROM event_parties WHERE event_id IN (SELECT id FROM events"
                                     f" WHERE document_id IN ({marks}))", chunk)
                    else:
                        self.execute(f"DELETE FROM {table} WHERE document_id IN ({marks})", chunk)
                self.execute("DELETE FROM item_parties WHERE item_id NOT IN (SELECT id FROM agreements)"
                             " AND item_id NOT IN (SELECT id FROM partnerships)")
                removed += self.execute(f"DELETE FROM documents WHERE id IN ({marks})", chunk)
            self.refresh_groups(groups)
        return removed

    # ------------------------------------------------------------ real-world events

    REPORT_COLS = ("e.id, e.document_id, d.publisher, d.published, e.type, e.mode, e.cameo, e.goldstein,"
                   " e.quad_class, e.date, e.status, e.place_name, e.place_country, e.lat, e.lon, e.trigger,"
                   " e.norm_actor, e.norm_recipient, e.people, e.persons, e.evidence_text, e.evidence_start,"
                   " e.evidence_end, e.real_event_id,"
                   " (SELECT count(*) FROM evidence v WHERE v.kind = 'event' AND v.item_id = e.id) AS n_evidence")

    def refresh_groups(self, groups: Iterable[str]) -> None:
        """Cluster each group of reports again and write what changed (inside a transaction)."""
        for group in sorted(set(groups)):
            rows = self.query(f"SELECT {self.REPORT_COLS} FROM events e JOIN documents d ON d.id = e.document_id"
                              f" WHERE e.group_key = ?", [group])
            by_id = {r["id"]: r for r in rows}
            new: dict[str, tuple[dict[str, Any], list[str]]] = {}
            for members in merge.cluster(report_of(r) for r in rows):
                ev = _real_event(group, members, by_id)
                new[ev["id"]] = (ev, [m.id for m in members])
            old = {r["id"]: {k: r[k] for k in r.keys()}  # noqa: SIM118 (a row iterates over values)
                   for r in self.query("SELECT * FROM real_events WHERE group_key = ?", [group])}
            for rid in old.keys() - new.keys():
                self._drop_real_event(old[rid])
            for rid, (ev, _ids) in new.items():
                if rid in old and _same(old[rid], ev):
                    continue
                if rid in old:
                    self._drop_real_event(old[rid])
                self._add_real_event(ev)
            moved = [(rid, m) for rid, (_ev, ms) in new.items() for m in ms if by_id[m]["real_event_id"] != rid]
            self.executemany("UPDATE events SET real_event_id = ? WHERE id = ?", moved)

    def rebuild_real_events(self) -> None:
        """Derive what merging needs for every stored report from its document's record, then
        compute every real-world event again (after the migration that adds them)."""
        with self.transaction():
            ids = [r[0] for r in self.query("SELECT id FROM documents")]
            for i in range(0, len(ids), 200):
                chunk = ids[i:i + 200]
                for d in self.query(f"SELECT id, url, source, record FROM documents"
                                    f" WHERE id IN ({','.join('?' * len(chunk))})", chunk):
                    self.execute("UPDATE documents SET publisher = ? WHERE id = ?",
                                  [merge.publisher(d["url"], d["source"]), d["id"]])
                    rec = Record.model_validate_json(d["record"])
                    rows = []
                    for ev in rec.events:
                        facts = ReportFacts.of(rec, ev)
                        eid = item_id(d["id"], ev.type, sorted(set(ev.actor) | set(ev.recipient)), ev.date)
                        rows.append((facts.group, json.dumps(facts.actor), json.dumps(facts.recipient),
                                     json.dumps(facts.persons), eid))
                    self.executemany("UPDATE events SET group_key = ?, norm_actor = ?, norm_recipient = ?,"
                                     " persons = ? WHERE id = ?", rows)
            for table in ("real_events", "real_event_parties", "event_facets", "event_dyads", "event_counts"):
                self.execute(f"DELETE FROM {table}")
            self.execute("UPDATE events SET real_event_id = NULL")
            self.refresh_groups(r[0] for r in self.query("SELECT DISTINCT group_key FROM events"))

    def _add_real_event(self, ev: dict[str, Any]) -> None:
        cols = list(ev)
        self.execute(f"INSERT INTO real_events ({', '.join(cols)}) VALUES ({','.join('?' * len(cols))})",
                     [ev[c] for c in cols])
        actor, recipient = json.loads(ev["actor"]), json.loads(ev["recipient"])
        parties = sorted(set(actor) | set(recipient))
        date, quad = ev["date"] or "", ev["quad_class"]
        self.executemany("INSERT INTO real_event_parties (event_id, party, role) VALUES (?,?,?)"
                         " ON CONFLICT DO NOTHING",
                         [(ev["id"], c, "actor") for c in actor] + [(ev["id"], c, "recipient") for c in recipient])
        self.executemany("INSERT INTO event_facets (party, date, event_id, type, quad_class, status)"
                         " VALUES (?,?,?,?,?,?) ON CONFLICT DO NOTHING",
                         [(c, date, ev["id"], ev["type"], quad, ev["status"]) for c in parties])
        self.executemany("INSERT INTO event_dyads (a, b, date, event_id, event_key, type, quad_class, status)"
                         " VALUES (?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING",
                         [(a, b, date, ev["id"], ev["id"], ev["type"], quad, ev["status"])
                          for i, a in enumerate(parties) for b in parties[i + 1:]])
        self.executemany("INSERT INTO event_counts (party, month, type, quad_class, status, n) VALUES (?,?,?,?,?,1)"
                         " ON CONFLICT (party, month, type, quad_class, status) DO UPDATE SET n = event_counts.n + 1",
                         [(c, date[:7], ev["type"], quad or 0, ev["status"]) for c in ["*", *parties]])

    def _drop_real_event(self, ev: dict[str, Any]) -> None:
        parties = sorted(set(json.loads(ev["actor"])) | set(json.loads(ev["recipient"])))
        date, quad = ev["date"] or "", ev["quad_class"]
        self.execute("DELETE FROM real_events WHERE id = ?", [ev["id"]])
        self.execute("DELETE FROM real_event_parties WHERE event_id = ?", [ev["id"]])
        self.executemany("DELETE FROM event_facets WHERE party = ? AND date = ? AND event_id = ?",
                         [(c, date, ev["id"]) for c in parties])
        self.executemany("DELETE FROM event_dyads WHERE a = ? AND b = ? AND date = ? AND event_id = ?",
                         [(a, b, date, ev["id"]) for i, a in enumerate(parties) for b in parties[i + 1:]])
        self.executemany("UPDATE event_counts SET n = n - 1 WHERE party = ? AND month = ? AND type = ?"
                         " AND quad_class = ? AND status = ?",
                         [(c, date[:7], ev["type"], quad or 0, ev["status"]) for c in ["*", *parties]])

    def bulk_insert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """Insert many new rows at once (a benchmark's synthetic store); no conflict handling."""
        cols = ", ".join(f'"{c}"' for c in columns)
        self.executemany(f"INSERT INTO {table} ({cols}) VALUES ({','.join('?' * len(columns))})", rows)

    def analyze(self) -> None:
        """Refresh the planner's statistics (after a bulk load)."""
        self.execute("ANALYZE")

    def prepare_bulk_load(self) -> None:
        """Trade durability for speed while a benchmark fills a new store (nothing by default)."""

    def drop_everything(self) -> None:
        """Remove every table (a benchmark starting again); not for stores anyone relies on."""
        raise NotImplementedError

    # ------------------------------------------------------------ reads

    def prepare_reader(self) -> None:
        """Tune a read-only connection kept by the API's pool (nothing by default)."""

    def stats(self) -> dict[str, int]:
        """Rows per kind: documents, actors, events (real-world), event_mentions (their reports),
        agreements, partnerships."""
        return {k: int(self.query(f"SELECT count(*) FROM {t}")[0][0]) for k, t in TABLES.items()}


def report_of(r: Row) -> merge.Report:
    return merge.Report(
        id=r["id"], document_id=r["document_id"], publisher=r["publisher"], published=r["published"],
        type=r["type"], actor=tuple(json.loads(r["norm_actor"])), recipient=tuple(json.loads(r["norm_recipient"])),
        date=r["date"], status=r["status"], mode=r["mode"],
        persons={c: frozenset(s) for c, s in json.loads(r["persons"]).items()})


def _real_event(group: str, members: list[merge.Report], rows: dict[str, Row]) -> dict[str, Any]:
    """The row of `real_events` for one cluster of reports."""
    date = merge.best_date(members)
    rep = merge.representative(members, date)
    r = rows[rep.id]
    ordered = sorted(members, key=lambda m: (m.id != rep.id, m.published or "9999", m.id))
    placed = next((rows[m.id] for m in ordered if rows[m.id]["place_name"] or rows[m.id]["place_country"]), r)
    people: dict[str, Any] = {}
    for m in ordered:
        for p in json.loads(rows[m.id]["people"]):
            people.setdefault(p["id"], p)
    modes = Counter(m.mode for m in members if m.mode and m.status == "occurred") or Counter(
        m.mode for m in members if m.mode)
    published = sorted(m.published for m in members if m.published)
    return {
        "id": merge.event_id(group, members), "group_key": group, "type": r["type"],
        "mode": r["mode"] or (min(modes, key=lambda k: (-modes[k], k)) if modes else None),
        "cameo": r["cameo"], "goldstein": r["goldstein"], "quad_class": r["quad_class"], "date": date,
        "status": "occurred" if any(m.status == "occurred" for m in members) else "planned",
        "place_name": placed["place_name"], "place_country": placed["place_country"], "lat": placed["lat"],
        "lon": placed["lon"], "trigger": r["trigger"], "actor": json.dumps(list(rep.actor)),
        "recipient": json.dumps(list(rep.recipient)), "people": json.dumps(list(people.values())),
        "mention_id": rep.id, "document_id": rep.document_id, "evidence_text": r["evidence_text"],
        "evidence_start": r["evidence_start"], "evidence_end": r["evidence_end"],
        "mentions": sum(max(int(rows[m.id]["n_evidence"]), 1) for m in members),
        "documents": len({m.document_id for m in members}), "publishers": len({m.publisher for m in members}),
        "first_published": published[0] if published else None,
        "last_published": published[-1] if published else None,
    }


def _same(old: dict[str, Any], new: dict[str, Any]) -> bool:
    return all(old.get(k) == v for k, v in new.items())
