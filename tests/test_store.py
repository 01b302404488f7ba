from __future__ import annotations

import json
from pathlib import Path

import pytest

from communique.errors import StoreError
from communique.records import Actor, DocumentInfo, Event, Evidence, Record, content_hash
from communique.store import SQLiteStore, open_store


def record(text: str, source: str = "a.txt") -> Record:
    ev = Evidence(text=text, start=0, end=len(text))
    return Record(
        document=DocumentInfo(id=content_hash(text), source=source, published="2024-07-15"),
        actors=[Actor(id="CHN", name="China", type="country", country="CHN", mentions=[ev])],
        events=[Event(type="CONSULT", actor=["CHN"], recipient=["TJK"], date="2024-07-05", evidence=ev)],
    )


def test_store_write_and_count(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.db")
    assert store.write_batch([("Xi met Rahmon.", record("Xi met Rahmon."))]) == 1
    assert store.stats() == {"documents": 1, "actors": 1, "events": 1, "event_mentions": 1, "agreements": 0,
                             "partnerships": 0}
    parties = store.query("SELECT party, role FROM event_parties ORDER BY role")
    assert [tuple(r) for r in parties] == [("CHN", "actor"), ("TJK", "recipient")]


def test_store_rewrite_changes_nothing(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.db")
    items = [("Xi met Rahmon.", record("Xi met Rahmon."))]
    store.write_batch(items)
    before = store.stats()
    assert store.write_batch(items) == 0
    assert store.stats() == before


def test_store_failed_batch_leaves_nothing(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.db")
    good = ("Xi met Rahmon.", record("Xi met Rahmon."))
    with pytest.raises(RuntimeError), store.transaction():
        store._write_record(*good)
        raise RuntimeError("killed midway")
    assert store.stats()["documents"] == 0


def test_store_migrations_and_fts(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "s.db")
    assert store.schema_version >= 1
    store.write_batch([("Xi met Rahmon in Dushanbe.", record("Xi met Rahmon in Dushanbe."))])
    hits = store.query("SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'dushanbe'")
    assert len(hits) == 1
    again = SQLiteStore(tmp_path / "s.db")  # reopening applies nothing twice
    assert again.schema_version == store.schema_version


def test_store_keeps_the_people_of_an_event(tmp_path: Path) -> None:
    from tests.fixtures_store import SEED_TEXT, XI_AND_RAHMON, seed_record

    store = SQLiteStore(tmp_path / "s.db")
    store.write_batch([(SEED_TEXT, seed_record())])
    rows = store.query("SELECT people FROM events WHERE type = 'CONSULT' AND date = '2024-07-05'")
    assert [json.loads(r["people"]) for r in rows] == [[p.model_dump() for p in XI_AND_RAHMON]]
    assert {r["people"] for r in store.query("SELECT people FROM events WHERE type = 'AGREE'")} == {"[]"}


def test_store_migration_3_takes_people_from_stored_records(tmp_path: Path) -> None:
    """A store written before version 3 gets each event's people from the record it kept."""
    from tests.fixtures_store import XI_AND_RAHMON, build_store, older_store

    older_store(tmp_path / "old.db", build_store(tmp_path / "full.db"), version=2)
    store = SQLiteStore(tmp_path / "old.db")
    assert store.schema_version >= 3
    rows = store.query("SELECT people FROM events WHERE people != '[]'")
    assert [json.loads(r["people"]) for r in rows] == [[p.model_dump() for p in XI_AND_RAHMON]]


def test_store_addresses() -> None:
    with pytest.raises(StoreError, match=r"postgresql://user@127.0.0.1:1/db: cannot open database"):
        open_store("postgresql://user:secret@127.0.0.1:1/db")  # nothing listens on port 1; no password shown
    with pytest.raises(StoreError, match="unknown store address"):
        open_store("mysql://user@localhost/db")
    with pytest.raises(StoreError, match="no such database"):
        open_store("/nonexistent/x.db", readonly=True)


def test_store_ingest_skips_a_document_the_coding_fails_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from communique.events.coder import Coder
    from communique.extract import get_extractor
    from communique.pipeline import RunReport, ingest_paths

    (tmp_path / "good.txt").write_text("date 2024-07-06\nChinese President Xi Jinping met Tajik President Emomali Rahmon.")
    (tmp_path / "bad.txt").write_text("date 2024-07-06\nA text the coder trips over.")
    real = Coder.code

    def flaky(self, doc, *args, **kwargs):  # type: ignore[no-untyped-def]
        if "trips over" in doc.text:
            raise ValueError("boom")
        return real(self, doc, *args, **kwargs)

    monkeypatch.setattr(Coder, "code", flaky)
    store = SQLiteStore(tmp_path / "s.db")
    errors: list[str] = []
    report = ingest_paths([str(tmp_path)], store, extractor=get_extractor(), report=RunReport(),
                          on_error=lambda e: errors.append(str(e)))
    assert report.stored == 1 and store.stats()["documents"] == 1
    assert len(errors) == 1 and "bad.txt" in errors[0] and "extraction failed (ValueError: boom)" in errors[0]
