"""Input -> coding cases on short hand-written readouts, with the real model (PETRARCH-style tables)."""

from __future__ import annotations

import pytest

from communique.extract import Extractor, get_extractor
from communique.nlp.pipeline import parse
from communique.records import Document, Record


@pytest.fixture(scope="module")
def ex() -> Extractor:
    return get_extractor()


def extract(ex: Extractor, text: str, published: str = "2023-07-15") -> Record:
    return ex.extract(Document(source="case.txt", text=text, published=published))


def keys(rec: Record) -> set[tuple[str, tuple[str, ...], tuple[str, ...], str | None, str]]:
    return {(e.type, tuple(e.actor), tuple(e.recipient), e.date, e.status) for e in rec.events}


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("French President Emmanuel Macron met Indian Prime Minister Narendra Modi in Paris on July 14, 2023.",
     "2023-07-15", ("CONSULT", ("IND",), ("FRA",), "2023-07-14", "occurred")),
    ("Japanese Prime Minister Fumio Kishida spoke by phone today with Australian Prime Minister Anthony Albanese.",
     "2023-07-15", ("CONSULT", ("AUS", "JPN"), (), "2023-07-15", "occurred")),
    ("Vice President Kamala Harris of the United States will travel to Singapore next month.",
     "2021-07-30", ("CONSULT", ("USA",), ("SGP",), "2021-08", "planned")),
    ("The United States condemns Russia's missile strikes on Kyiv.",
     "2023-07-15", ("ACCUSE", ("USA",), ("RUS",), "2023-07-15", "occurred")),
    ("The United States called on Iran to release all detained foreign nationals.",
     "2023-07-15", ("REQUEST", ("USA",), ("IRN",), "2023-07-15", "occurred")),
    ("On Tuesday, the United States imposed sanctions on Belarus over the forced landing.",
     "2023-07-15", ("SANCTION", ("USA",), ("BLR",), "2023-07-11", "occurred")),
])
def test_extract_event_cases(ex: Extractor, text: str, published: str, expected: tuple[object, ...]) -> None:
    assert expected in keys(extract(ex, text, published))


def test_extract_visit_host_is_recipient(ex: Extractor) -> None:
    rec = extract(ex, "Kenyan President William Ruto met Chinese President Xi Jinping in Beijing on "
                      "October 17, 2023. The two leaders signed a joint statement.", "2023-10-18")
    consult = next(e for e in rec.events if e.type == "CONSULT")
    assert (consult.actor, consult.recipient) == (["KEN"], ["CHN"])
    assert consult.place and consult.place.name == "Beijing" and consult.place.country == "CHN"
    assert any(e.type == "AGREE" and set(e.actor) == {"CHN", "KEN"} for e in rec.events)
    (ag,) = rec.agreements
    assert ag.kind == "joint statement" and ag.date == "2023-10-17"


def test_extract_no_event_without_two_parties(ex: Extractor) -> None:
    rec = extract(ex, "The minister met with farmers in the capital to discuss the harvest.")
    assert rec.events == []


def test_extract_conditional_is_not_an_event(ex: Extractor) -> None:
    rec = extract(ex, "Talks between Armenia and Azerbaijan would be possible if the blockade ended.")
    assert not any(e.type == "CONSULT" for e in rec.events)


def test_extract_partnership_upgrade_and_rank(ex: Extractor) -> None:
    rec = extract(ex, "Vietnamese and American leaders upgraded Vietnam-U.S. relations to a comprehensive "
                      "strategic partnership on September 10, 2023.", "2023-09-11")
    (p,) = rec.partnerships
    assert set(p.parties) == {"USA", "VNM"} and p.change == "upgraded" and p.date == "2023-09-10"
    assert p.level_normalized == "comprehensive strategic partnership" and p.rank is not None


def test_extract_people_country_from_apposition(ex: Extractor) -> None:
    rec = extract(ex, "Tajik President Emomali Rahmon received President Mirziyoyev of Uzbekistan. "
                      "Rahmon thanked President Mirziyoyev.")
    people = {a.name: a.country for a in rec.actors if a.type == "person"}
    assert people.get("Emomali Rahmon") == "TJK"
    assert any(n.endswith("Mirziyoyev") and c == "UZB" for n, c in people.items())
    rahmon = next(a for a in rec.actors if a.name == "Emomali Rahmon")
    assert len(rahmon.mentions) == 2 and rahmon.resolution


def test_extract_evidence_offsets_point_into_text(ex: Extractor) -> None:
    text = "date 2024-07-06\n\nChinese President Xi Jinping held talks with Tajik President Emomali Rahmon in Dushanbe."
    rec = ex.extract(Document(source="x.txt", text=text.split("\n\n", 1)[1], published="2024-07-06"))
    for e in rec.events:
        body = text.split("\n\n", 1)[1]
        assert body[e.evidence.start:e.evidence.end] == e.evidence.text


def test_extract_empty_text_gives_empty_record(ex: Extractor) -> None:
    rec = ex.extract(Document(source="empty.txt", text=""))
    assert rec.events == [] and rec.actors == []


def test_extract_a_very_long_text_is_parsed_in_pieces_with_the_same_record(ex: Extractor) -> None:
    # a text past BATCH_CHARS is parsed a piece at a time (bounded memory) and joined into one Doc
    from communique.extract import BATCH_CHARS
    para = ("President Lula of Brazil met President Boric of Chile in Santiago on March 4, 2024. "
            "The two presidents signed a memorandum on energy cooperation. ")
    listing = " ".join(f"ENTRY {i} – Town {i}, Region" for i in range(4000))  # a list with no sentence ends
    text = "\n\n".join([para] * 20 + [listing] + [para] * 20)
    assert len(text) > BATCH_CHARS
    doc = Document(source="long.txt", text=text, published="2024-03-05")
    pieces = ex._parsed_in_pieces(text)
    assert pieces.text == text
    (_, record), = ex.extract_many([doc])
    whole = ex.record(doc, next(parse(ex.nlp, [text])))
    assert record.model_dump() == whole.model_dump()
