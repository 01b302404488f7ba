"""The embedded SQLite store: schema migrations, batched writes, counts.

Writes go through `write_batch`, one transaction per batch, and a document is keyed by the
hash of its normalised text: a re-ingest inserts nothing, and an ingest killed midway leaves
whole documents only, so the next run resumes where it stopped.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from typing import Any

from communique.errors import StoreError
from communique.records import Evidence, Record

TABLES = ("documents", "actors", "events", "agreements", "partnerships")


def _migrations() -> list[tuple[int, str]]:
    folder = resources.files("communique.store") / "migrations"
    out = []
    for entry in folder.iterdir():
        name = entry.name
        if name.endswith(".sql"):
            out.append((int(name.split("_", 1)[0]), entry.read_text(encoding="utf-8")))
    return sorted(out)


def item_id(*parts: object) -> str:
    return hashlib.sha1(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()[:20]


class SQLiteStore:
    """A store in one SQLite file (or `:memory:`)."""

    backend = "sqlite"

    def __init__(self, path: str | Path, *, readonly: bool = False) -> None:
        self.path = str(path)
        try:
            if readonly:
                if self.path != ":memory:" and not Path(self.path).exists():
                    raise StoreError(f"{self.path}: no such database (run `communique ingest` first)")
                uri = f"file:{self.path}?mode=ro" if self.path != ":memory:" else ":memory:"
                self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            else:
                self.conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys=ON")
            if readonly:
                self.conn.execute("PRAGMA query_only=ON")
                self.conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()  # not a database: fail here
            else:
                self.migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: cannot open database ({exc})") from None

    # ------------------------------------------------------------ schema

    def migrate(self) -> None:
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        for number, sql in _migrations():
            if number > version:
                # one script, one transaction: a migration applies whole or not at all
                self.conn.executescript(f"BEGIN IMMEDIATE;\n{sql}\nPRAGMA user_version={number};\nCOMMIT;")

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    @contextmanager
    def transaction(self) -> Iterator[None]:
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        else:
            self.conn.execute("COMMIT")

    def close(self) -> None:
        self.conn.close()

    # ------------------------------------------------------------ writes

    def known_documents(self, ids: Iterable[str]) -> set[str]:
        ids = list(ids)
        found: set[str] = set()
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            q = f"SELECT id FROM documents WHERE id IN ({','.join('?' * len(chunk))})"
            found.update(r[0] for r in self.conn.execute(q, chunk))
        return found

    def write_batch(self, items: Sequence[tuple[str, Record]]) -> int:
        """Store (document text, record) pairs in one transaction; returns how many were new."""
        new = 0
        with self.transaction():
            for text, record in items:
                new += self._write_record(text, record)
        return new

    def _write_record(self, text: str, rec: Record) -> int:
        d = rec.document
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO documents (id, source, url, title, published, format, text, record, ingested_at)"
            " VALUES (?,?,?,?,?,?,?,?,?)",
            (d.id, d.source, d.url, d.title, d.published, d.format, text, rec.to_json(),
             datetime.now(UTC).isoformat(timespec="seconds")))
        if cur.rowcount == 0:
            return 0
        x = self.conn.executemany
        ev_rows: list[tuple[Any, ...]] = []

        def spans(kind: str, iid: str, evs: Iterable[Evidence]) -> None:
            for e in evs:
                ev_rows.append((d.id, kind, iid, e.start, e.end, e.text))

        for a in rec.actors:
            self.conn.execute("INSERT OR IGNORE INTO actors (id, name, type, country) VALUES (?,?,?,?)",
                              (a.id, a.name, a.type, a.country))
            x("INSERT OR IGNORE INTO mentions (document_id, actor_id, name, role, country, resolution, start, \"end\")"
              " VALUES (?,?,?,?,?,?,?,?)",
              [(d.id, a.id, m.text, a.role, a.country, a.resolution, m.start, m.end) for m in a.mentions])
        for ev in rec.events:
            parties = sorted(set(ev.actor) | set(ev.recipient))
            key = item_id(ev.type, parties, ev.date)
            eid = item_id(d.id, ev.type, parties, ev.date)
            p = ev.place
            self.conn.execute(
                "INSERT OR IGNORE INTO events (id, document_id, event_key, type, mode, cameo, goldstein, quad_class,"
                " date, status, place_name, place_country, lat, lon, trigger, actor, recipient, people, evidence_text,"
                " evidence_start, evidence_end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (eid, d.id, key, ev.type, ev.mode, ev.cameo, ev.goldstein, ev.quad_class, ev.date, ev.status,
                 p.name if p else None, p.country if p else None, p.lat if p else None, p.lon if p else None,
                 ev.trigger, json.dumps(ev.actor), json.dumps(ev.recipient),
                 json.dumps([person.model_dump() for person in ev.people]), ev.evidence.text,
                 ev.evidence.start, ev.evidence.end))
            x("INSERT OR IGNORE INTO event_parties (event_id, party, role, date) VALUES (?,?,?,?)",
              [(eid, c, "actor", ev.date) for c in ev.actor] + [(eid, c, "recipient", ev.date) for c in ev.recipient])
            spans("event", eid, ev.evidence_all or [ev.evidence])
        for ag in rec.agreements:
            aid = item_id(d.id, "agreement", ag.title, sorted(ag.parties), ag.date)
            self.conn.execute(
                "INSERT OR IGNORE INTO agreements (id, document_id, title, kind, date, count, parties, evidence_text,"
                " evidence_start, evidence_end) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (aid, d.id, ag.title, ag.kind, ag.date, ag.count, json.dumps(ag.parties), ag.evidence.text,
                 ag.evidence.start, ag.evidence.end))
            x("INSERT OR IGNORE INTO item_parties (kind, item_id, party) VALUES ('agreement',?,?)",
              [(aid, c) for c in ag.parties])
            spans("agreement", aid, [ag.evidence])
        for pa in rec.partnerships:
            pid = item_id(d.id, "partnership", pa.level_normalized, sorted(pa.parties), pa.date)
            self.conn.execute(
                "INSERT OR IGNORE INTO partnerships (id, document_id, level, level_normalized, rank, change, date,"
                " parties, evidence_text, evidence_start, evidence_end) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (pid, d.id, pa.level, pa.level_normalized, pa.rank, pa.change, pa.date, json.dumps(pa.parties),
                 pa.evidence.text, pa.evidence.start, pa.evidence.end))
            x("INSERT OR IGNORE INTO item_parties (kind, item_id, party) VALUES ('partnership',?,?)",
              [(pid, c) for c in pa.parties])
            spans("partnership", pid, [pa.evidence])
        facts: list[tuple[str, Any]] = [("honour", h) for h in rec.honours]
        facts += [("invitation", i) for i in rec.invitations]
        facts += [("cooperation", c) for c in rec.cooperation]
        facts += [("attendee", a) for a in rec.attendees]
        for kind, fact in facts:
            payload = fact.model_dump_json()
            fid = item_id(d.id, kind, payload)
            self.conn.execute("INSERT OR IGNORE INTO facts (id, document_id, kind, date, payload) VALUES (?,?,?,?,?)",
                              (fid, d.id, kind, getattr(fact, "date", None), payload))
            spans(kind, fid, [fact.evidence])
        x('INSERT OR IGNORE INTO evidence (document_id, kind, item_id, start, "end", text) VALUES (?,?,?,?,?,?)',
          ev_rows)
        return 1

    # ------------------------------------------------------------ reads

    def stats(self) -> dict[str, int]:
        return {t: int(self.query(f"SELECT count(*) FROM {t}")[0][0]) for t in TABLES}

    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        try:
            return self.conn.execute(sql, params).fetchall()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: {exc}") from None
