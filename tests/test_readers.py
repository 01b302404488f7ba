from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from communique.errors import ReadError, ReadWarning
from communique.ingest.readers import CsvColumns, read_csv, read_file, read_paths
from communique.records import Document
from tests.helpers import CORPUS, SEED


def docs(path: Path | str) -> list[Document]:
    return [x for x in read_paths([str(path)]) if isinstance(x, Document)]


def errors(path: Path | str) -> list[ReadError]:
    return [x for x in read_paths([str(path)]) if isinstance(x, ReadError)]


def test_readers_seed_date_line() -> None:
    (d,) = docs(SEED)
    assert d.published == "2024-07-15"
    assert d.text.startswith("On the afternoon of July 5, 2024")
    assert "date 2024" not in d.text


def test_readers_whitehouse_markdown() -> None:
    path = next((CORPUS / "whitehouse" / "statements-releases" / "2021-11").glob("2021-11-01-readout-*widodo*.md"))
    (d,) = docs(path)
    assert d.published == "2021-11-01"
    assert d.title and "Widodo" in d.title
    assert d.url and d.url.startswith("https://")
    assert "---" not in d.text[:10] and "today met with President Joko Widodo" in d.text


def test_readers_state_dept_jsonl_rfc2822() -> None:
    path = CORPUS / "state-dept" / "releases.jsonl"
    first = next(x for x in read_file(path))
    assert isinstance(first, Document)
    assert first.published == "2021-05-20"  # "Thu, 20 May 2021 22:14:56 +0000"
    assert first.source.endswith("releases.jsonl#1") and first.title


@pytest.mark.parametrize("name", ["kremlin/putin.csv", "ukraine/zelenskyy.csv"])
def test_readers_presidency_csv(name: str) -> None:
    items = list(read_file(CORPUS / name))
    good = [x for x in items if isinstance(x, Document)]
    assert len(good) > 700
    assert all(d.published and d.published.startswith("202") for d in good)
    assert good[0].title and good[0].url and good[0].url.startswith("http")


def test_readers_csv_column_mapping() -> None:
    data = "story,when,heading\n\"Leaders met in Paris.\",2023-07-14,Visit\n"
    (d,) = list(read_csv(io.StringIO(data), "x.csv", CsvColumns(text="story", date="when", title="heading")))
    assert isinstance(d, Document) and d.published == "2023-07-14" and d.title == "Visit"


def test_readers_csv_missing_column(tmp_path: Path) -> None:
    f = tmp_path / "bad.csv"
    f.write_text("link,headline,date\nx,y,2022-01-01\n")
    (e,) = errors(f)
    assert "bad.csv" in str(e) and "missing column" in e.reason


def test_readers_html_meta_date(tmp_path: Path) -> None:
    f = tmp_path / "a.html"
    f.write_text('<html><head><title>T</title><meta property="article:published_time" content="2023-12-07T10:00:00Z">'
                 "</head><body><p>The leaders met.</p><script>var x=1;</script><p>They signed.</p></body></html>")
    (d,) = docs(f)
    assert d.published == "2023-12-07" and d.title == "T"
    assert d.text == "The leaders met.\n\nThey signed."


def test_readers_plain_text_without_date(tmp_path: Path) -> None:
    f = tmp_path / "note.txt"
    f.write_text("The two ministers spoke by phone.\n")
    (d,) = docs(f)
    assert d.published is None and d.text == "The two ministers spoke by phone."


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_readers_legacy_encodings(tmp_path: Path, encoding: str) -> None:
    f = tmp_path / "legacy.txt"
    f.write_bytes("date 2021-12-14\n\nPresident Niinistö met \u201cPutin\u201d in Helsinki. Caf\u00e9 talks.".encode(
        encoding, errors="replace"))
    (d,) = docs(f)
    assert "Niinistö" in d.text and d.published == "2021-12-14"


def test_readers_directory_recursive_and_dedupe(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text("date 2024-01-02\nLeaders met.")
    (tmp_path / "sub" / "b.txt").write_text("date 2024-01-02\nLeaders   met.\n")  # same normalised text
    (tmp_path / "LICENSE").write_text("not a document")
    found = docs(tmp_path)
    assert len(found) == 2 and found[0].id == found[1].id


@pytest.mark.parametrize(("name", "content", "reason"), [
    ("empty.txt", b"", "empty file"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20, "binary"),
    ("baddate.txt", b"date 2024-13-45\nText here.", "malformed date line"),
    ("undecodable.txt", bytes(range(0x80, 0xA0)) * 50, "undecodable"),
])
def test_readers_bad_files_are_named(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    f = tmp_path / name
    f.write_bytes(content)
    (e,) = errors(f)
    assert str(f) in str(e) and reason in e.reason


def test_readers_broken_json_line_names_line(tmp_path: Path) -> None:
    f = tmp_path / "r.jsonl"
    good = json.dumps({"url": "u", "title": "t", "published": "2022-01-05", "text": "They met."})
    f.write_text(good + "\n{broken\n" + good.replace("met", "spoke") + "\n")
    items = list(read_file(f))
    assert [type(x).__name__ for x in items] == ["Document", "ReadError", "Document"]
    assert str(items[1]).startswith(f"{f}:2:")


def test_readers_huge_file_rejected(tmp_path: Path) -> None:
    f = tmp_path / "huge.txt"
    f.write_bytes(b"word " * (50 * 1024 * 1024 // 5))
    (e,) = errors(f)
    assert "too large" in e.reason


def test_readers_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    class Stdin:
        buffer = io.BytesIO(b"date 2022-02-02\nThe presidents spoke.")

    monkeypatch.setattr("sys.stdin", Stdin)
    (d,) = docs("-")
    assert d.source == "-" and d.published == "2022-02-02"


def warnings(path: Path | str) -> list[ReadWarning]:
    return [x for x in read_paths([str(path)]) if isinstance(x, ReadWarning)]


def test_readers_csv_without_the_date_column_says_how_to_map_it(tmp_path: Path) -> None:
    f = tmp_path / "nodate.csv"
    f.write_text("link,headline,body\nhttps://x.org/1,Visit,The leaders met in Paris.\n")
    (e,) = errors(f)
    assert "'date' column" in e.reason and "--csv-date" in e.reason and "'body'" in e.reason
    assert docs(f) == []
    (e,) = [x for x in read_csv(io.StringIO(f.read_text()), "x.csv", CsvColumns(date="when")) if
            isinstance(x, ReadError)]
    assert "'when' column" in e.reason
    items = list(read_csv(io.StringIO(f.read_text()), "x.csv", CsvColumns(date="")))  # --csv-date ''
    assert [type(x).__name__ for x in items] == ["ReadWarning", "Document"]
    assert items[1].published is None  # type: ignore[union-attr]


def test_readers_unsupported_files_in_a_folder_are_named(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("date 2024-01-02\nLeaders met.")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4 ...")
    (tmp_path / "blob.bin").write_bytes(b"\x00\x01")
    (tmp_path / "README.md").write_text("# about this folder")
    (tmp_path / "notice-2024-01-03.txt").write_text("date 2024-01-03\nThe ministers spoke.")
    (tmp_path / ".hidden.pdf").write_bytes(b"%PDF")
    assert sorted(Path(e.where).name for e in errors(tmp_path)) == ["blob.bin", "scan.pdf"]
    assert all("unsupported file type" in e.reason and ".txt" in e.reason for e in errors(tmp_path))
    assert [Path(w.where).name for w in warnings(tmp_path)] == ["README.md"]
    assert len(docs(tmp_path)) == 2  # a document whose name starts like NOTICE is still read
    (d,) = docs(tmp_path / "a.txt")
    assert d.published == "2024-01-02"


def test_readers_text_without_a_date_line_is_read_and_warned_about(tmp_path: Path) -> None:
    f = tmp_path / "note.txt"
    f.write_text("The two ministers spoke by phone.\n")
    items = list(read_paths([str(f)]))
    assert [type(x).__name__ for x in items] == ["ReadWarning", "Document"]
    assert "no date line" in items[0].reason and str(f) in str(items[0])  # type: ignore[union-attr]


def test_readers_messages_are_one_line(tmp_path: Path) -> None:
    f = tmp_path / "r.jsonl"
    f.write_text('{"text": "They met.", "published": "not\\na\\ndate"}\n')
    (e,) = errors(f)
    assert "\n" not in str(e) and "malformed date" in e.reason


def test_readers_lines_written_as_paragraphs_are_one_text() -> None:
    from communique.ingest.readers import clean_text
    wrapped = ("VISIT BY THE PRESIDENT\n\nThe Government is pleased to announce that the President of the\n\n"
               "Republic will visit next month, with talks in the capital on the\n\nfirst day. The visit will be "
               "the first by a head of state of that\n\ncountry in twenty years, and both sides expect it to\n\n"
               "open new fields of cooperation.")
    paras = clean_text(wrapped).split("\n\n")
    assert paras[0] == "VISIT BY THE PRESIDENT"  # a capitalised heading stays its own paragraph
    assert len(paras) == 2 and "President of the Republic will visit" in paras[1]


def test_readers_typescript_headings_in_capitals_do_not_run_into_the_text() -> None:
    from communique.ingest.readers import clean_text
    text = ("MEDIA RELEASE\nVISIT BY THE PRESIDENT OF\nTHE REPUBLIC\nThe President of the Republic will visit next\n"
            "month. Talks will be held in the capital.\nFURTHER DETAILS\nA programme follows.")
    paras = clean_text(text).split("\n\n")
    # the heading lines stay together, apart from the text; a wrapped sentence is one line again
    assert paras == ["MEDIA RELEASE VISIT BY THE PRESIDENT OF THE REPUBLIC",
                     "The President of the Republic will visit next month. Talks will be held in the capital.",
                     "FURTHER DETAILS", "A programme follows."], paras


def test_readers_a_word_in_capitals_inside_a_sentence_stays_in_it() -> None:
    from communique.ingest.readers import clean_text
    text = "The two leaders agreed that the\nASEAN REGIONAL FORUM\nwould meet in May."
    assert clean_text(text) == "The two leaders agreed that the ASEAN REGIONAL FORUM would meet in May."


def test_readers_real_paragraphs_stay_apart() -> None:
    from communique.ingest.readers import clean_text
    text = "The ministers met in the capital\n\nTrade was discussed at length.\n\nA second round follows in May."
    assert clean_text(text).count("\n\n") == 2


def test_readers_jsonl_line_separator_inside_a_string_keeps_the_record(tmp_path: Path) -> None:
    # JSON may hold U+2028 raw inside a string; only "\n" ends a JSON Lines record
    f = tmp_path / "r.jsonl"
    rows = [{"url": "https://example.org/a", "title": "A", "published": "2020-01-02", "text": "One.\u2028Two."},
            {"url": "https://example.org/b", "title": "B", "published": "2020-01-03", "text": "Three."}]
    f.write_text("\r\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    items = list(read_file(f))
    assert [type(i) for i in items] == [Document, Document]
