"""Events as sentences, countries typed by name, and the sentence a search matched."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from communique import query
from communique.cli import main
from communique.errors import QueryError
from communique.query.reference import check_code
from communique.sentences import event_sentence
from communique.store import SQLiteStore


def sentences(store: SQLiteStore, **filters: Any) -> list[str]:
    page = query.events(store, query.EventFilter(**filters))
    nm = query.names(store, {c for e in page.data for c in (*e.actor, *e.recipient)})
    return [event_sentence(e, nm) for e in page.data]


def test_sentences_who_what_whom_where(query_store: SQLiteStore) -> None:
    said = sentences(query_store, limit=100)
    assert "Xi Jinping held talks with Emomali Rahmon in Dushanbe" in said  # the people who met
    assert "China praised Tajikistan in Dushanbe" in said  # no people named: the countries
    assert "China and Tajikistan signed an agreement in Dushanbe" in said  # a joint act
    assert "United States spoke by phone with Ukraine" in said  # the mode phrases the verb
    assert "United States and European Union sanctioned Russia" in said
    assert "Tajikistan will meet China at a summit" in said  # planned: "will"
    assert all(s[0].isupper() for s in said)


@pytest.mark.parametrize(("typed", "code"), [
    ("Tajikistan", "TJK"), ("tajikistan", "TJK"), ("Tajik", "TJK"), ("TJ", "TJK"), ("tjk", "TJK"),
    ("People's Republic of China", "CHN"), ("the United States", "USA"), ("European Union", "IGO:EU"),
    ("Türkiye", "TUR"), ("Turkey", "TUR"), ("Côte d'Ivoire", "CIV"), ("IGO:NATO", "IGO:NATO"),
])
def test_countries_typed_by_name_or_code(typed: str, code: str) -> None:
    assert check_code(typed) == code


@pytest.mark.parametrize("typed", ["Narnia", "ABC", "Congo"])  # Congo: two countries, say which
def test_countries_unknown_or_ambiguous_names_are_errors(typed: str) -> None:
    with pytest.raises(QueryError, match="unknown country code or name"):
        check_code(typed)


def test_countries_by_name_in_filters_api_and_cli(query_store: SQLiteStore, query_db: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    by_code = query.events(query_store, query.EventFilter(country="TJK")).count
    assert query.events(query_store, query.EventFilter(country="Tajikistan")).count == by_code == 6  # 7 reports, two of one event
    assert query.events(query_store, query.EventFilter(dyad="China, Tajikistan")).count == 6
    assert query.events(query_store, query.EventFilter(place="Tajikistan")).count == \
        query.events(query_store, query.EventFilter(place="TJK")).count > 0
    assert main(["events", "--db", str(query_db), "--country", "Tajikistan", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["count"] == 6
    assert main(["dyad", "Tajikistan", "China", "--db", str(query_db), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["counts"]["events"] >= 4


def test_search_shows_the_sentence_that_matched(query_store: SQLiteStore) -> None:
    page = query.events(query_store, query.EventFilter(search="medal"))
    assert page.count == len(page.data) == 1
    (e,) = page.data
    assert e.matched is not None and "Medal" in e.matched.text
    assert query.events(query_store, query.EventFilter()).data[0].matched is None
