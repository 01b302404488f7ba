"""Sentence-level gold sets: parsing the real files, the label mapping, metrics with a fake extractor."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import pytest

from communique import sentence_eval
from communique.errors import CommuniqueError
from communique.records import Document, DocumentInfo, Event, Evidence, Record
from tests.helpers import SHARED

PLOVER_DIR = SHARED / "eval" / "plover-gsr"
PETRARCH_DIR = SHARED / "eval" / "petrarch2-gsr"


class FakeExtractor:
    """Returns fixed events per sentence text, so metrics are checked without loading the model."""

    def __init__(self, events: dict[str, list[tuple[str, str, list[str], list[str]]]]) -> None:
        self.events = events

    def extract_many(self, documents: list[Document]) -> Iterable[tuple[Document, Record]]:
        for d in documents:
            ev = Evidence(text=d.text, start=0, end=len(d.text))
            events = [Event(type=t, cameo=c, actor=a, recipient=r, evidence=ev)
                      for t, c, a, r in self.events.get(d.text, [])]
            yield d, Record(document=DocumentInfo(id=d.id, source=d.source), events=events)


def test_sentence_eval_plover_file_parses() -> None:
    gold = sentence_eval.load_plover(PLOVER_DIR)
    assert len(gold) == 322  # 323 records less the DOCUMENT one
    assert all(g.type != "DOCUMENT" and g.text for g in gold)
    assert {"DEMAND", "FIGHT", "DISAPPROVE", "INVESTIGATE"}.isdisjoint(g.type for g in gold)
    libya = next(g for g in gold if g.id == "PLOVER-GSR01-AGREE-0005")
    assert (libya.type, libya.sources, libya.targets, libya.date) == ("AGREE", ("LBY",), ("GBR",), "2000-01-01")


def test_sentence_eval_petrarch_file_parses_despite_hash_lines() -> None:
    gold = sentence_eval.load_petrarch(PETRARCH_DIR)
    assert len(gold) == 78
    assert sum(1 for g in gold if not g.codings) == 12
    first = gold[0]
    assert first.date == "2008-08-04" and first.text.startswith("The stopover came")
    assert first.codings[0].event == "042" and first.codings[0].dyad == ("USA", "CHN")
    boko = next(g for g in gold if g.id == "abc12_3")  # empty <Text>: rebuilt from the parse
    assert boko.text == "Boko Haram has launched many similar attacks during its six-year campaign for a strict Islamic state in northeastern Nigeria."


@pytest.mark.parametrize(("label", "expected"), [
    ("DEMAND", "REQUEST"), ("DISAPPROVE", "ACCUSE"), ("INVESTIGATE", "ACCUSE"), ("FIGHT", "ASSAULT"),
    ("YIELD", "CONCEDE"), ("AGREE", "AGREE"), ("protest", "PROTEST"),
])
def test_sentence_eval_plover_label_mapping(label: str, expected: str) -> None:
    assert sentence_eval.plover_type(label) == expected


@pytest.mark.parametrize(("code", "text", "expected"), [
    ("USAGOV", "", "USA"), ("JAP", "Japan", "JPN"), ("IGOUNOMIL", "", "IGO:UN"),
    ("IGO", "U.N. Security Council", "IGO:UN"), ("IGO", "Amnesty International", None),
    ("---REB", "", None), ("IMG", "al-Qaeda", None),
])
def test_sentence_eval_country_of(code: str, text: str, expected: str | None) -> None:
    assert sentence_eval.country_of(code, text) == expected


def _plover_file(tmp_path: Path) -> Path:
    rows = [
        {"id": "D", "event": "DOCUMENT", "eventText": "docs"},
        {"id": "A", "event": "DEMAND", "text": "France demanded that Iraq comply.", "date": "2000-01-01",
         "source": [{"code": "FRAGOV", "actorText": "France"}], "target": [{"code": "IRQ", "actorText": "Iraq"}]},
        {"id": "B", "event": "FIGHT", "text": "Serbia shelled Bosnia.",
         "source": [{"code": "SRBMIL", "actorText": "Serbia"}], "target": [{"code": "BIH", "actorText": "Bosnia"}]},
        {"id": "C", "event": "AGREE", "text": "Chad and Niger agreed.",
         "source": [{"code": "TCD", "actorText": "Chad"}], "target": ""},
    ]
    (tmp_path / sentence_eval.PLOVER_FILE).write_text(json.dumps(rows), encoding="utf-8")
    return tmp_path


def test_sentence_eval_plover_metrics_on_a_tiny_set(tmp_path: Path) -> None:
    fake = FakeExtractor({
        "France demanded that Iraq comply.": [("REQUEST", "100", ["FRA"], ["IRQ"])],  # all right
        "Serbia shelled Bosnia.": [("COERCE", "170", ["BIH"], ["SRB"])],  # wrong type, reversed dyad
        # "Chad and Niger agreed." predicts nothing: type wrong, source wrong
    })
    m = sentence_eval.evaluate_plover(_plover_file(tmp_path), fake)
    assert m["n"] == 3
    assert (m["type"]["correct"], m["type"]["n"]) == (1, 3)
    assert (m["source"]["correct"], m["source"]["n"]) == (1, 3)
    assert (m["target"]["correct"], m["target"]["n"]) == (2, 2)  # a target among the actors counts
    assert (m["dyad"]["correct"], m["dyad"]["n"]) == (1, 2)
    assert (m["type_international"]["correct"], m["type_international"]["n"]) == (1, 2)
    assert {(c["gold"], c["predicted"]) for c in m["confusions"]} == {("ASSAULT", "COERCE"), ("AGREE", "(none)")}
    table = sentence_eval.run("plover", str(tmp_path), fake)
    assert "N=3" in table and "ASSAULT -> COERCE" in table


def test_sentence_eval_petrarch_metrics_on_a_tiny_set(tmp_path: Path) -> None:
    xml = """<?xml version='1.0' encoding='utf-8'?>
<Validation>
#######
#  a banner no XML parser accepts
#######
<Sentences>
<Sentence category="T" date="20150609" id="T1" evaluate="true"/>
<EventCoding eventcode="112" sourcecode="USAGOV" targetcode="RUS" />
<Text>
The US criticised Russia.
</Text>
</Sentence>
<Sentence category="T" date="20150609" id="T2" evaluate="true"/>
<!-- <EventCoding eventcode="190" sourcecode="X" targetcode="Y" /> -->
<EventCoding noevents="True" />
<Text>Nothing happened.</Text>
</Sentences>
</Validation>
"""
    (tmp_path / sentence_eval.PETRARCH_FILE).write_text(xml, encoding="utf-8")
    fake = FakeExtractor({"The US criticised Russia.": [("ACCUSE", "111", ["USA"], ["RUS"])]})
    m = sentence_eval.evaluate_petrarch(tmp_path, fake)
    assert m["n"] == 2 and m["with_events"] == 1
    assert m["root"]["correct"] == 1 and m["full"]["correct"] == 0 and m["dyad"]["correct"] == 1
    assert (m["silent"]["correct"], m["silent"]["n"]) == (1, 1)


def test_sentence_eval_bad_name_or_path_is_a_clean_error(tmp_path: Path) -> None:
    with pytest.raises(CommuniqueError, match="unknown sentence set"):
        sentence_eval.run("gdelt", ".", FakeExtractor({}))
    with pytest.raises(CommuniqueError, match="no such gold file"):
        sentence_eval.run("plover", str(tmp_path), FakeExtractor({}))
