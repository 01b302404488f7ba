"""Property tests (Hypothesis): hostile and broken input gives a record or a one-line error, never
an exception. Example counts are bounded so the suite stays fast; the model-backed test runs few."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique.errors import ReadError, ReadWarning
from communique.ingest.readers import CsvColumns, read_bytes
from communique.records import Document
from tests.helpers import SEED

SEED_BYTES = SEED.read_bytes()
BODY = "President Xi Jinping held talks with President Emomali Rahmon in Dushanbe on July 5, 2024."
SAMPLES: dict[str, bytes] = {
    ".txt": SEED_BYTES[:3000],
    ".md": (f'---\ntitle: "Talks"\ndate: 2024-07-05\nsource_url: https://example.org/a\n---\n\n# Talks\n\n'
            f"**{BODY}** [link](https://example.org)\n").encode(),
    ".jsonl": "\n".join(json.dumps({"url": f"https://example.org/{i}", "title": "Talks", "published": "2024-07-05",
                                    "text": BODY}) for i in range(3)).encode(),
    ".csv": (f'link,headline,date,body\nhttps://example.org/1,Talks,2024-07-05,"{BODY}"\n'
             f'https://example.org/2,"Talks, again",05 Jul 2024,"{BODY} They signed."\n').encode(),
    ".html": (f'<html><head><title>Talks</title><meta name="date" content="2024-07-05"></head><body><p>{BODY}</p>'
              "<script>alert(1)</script></body></html>").encode(),
}
SUFFIXES = [*SAMPLES, "", ".htm", ".ndjson"]
ENCODINGS = ["utf-8", "utf-16", "utf-8-sig", "latin-1", "cp1252", "cp1251", "koi8-r", "gb18030", "shift_jis"]


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    """A valid sample of some format, then broken: truncated, spliced with random bytes, re-encoded,
    or given a huge line."""
    suffix = draw(st.sampled_from(list(SAMPLES)))
    data = SAMPLES[suffix]
    for _ in range(draw(st.integers(1, 3))):
        how = draw(st.sampled_from(["truncate", "splice", "reencode", "huge_line", "drop"]))
        if how == "truncate":
            data = data[: draw(st.integers(0, len(data)))]
        elif how == "splice":
            at = draw(st.integers(0, len(data)))
            data = data[:at] + draw(st.binary(max_size=64)) + data[at:]
        elif how == "reencode":
            text = data.decode("utf-8", errors="replace")
            data = text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")
        elif how == "huge_line":
            at = draw(st.integers(0, len(data)))
            data = data[:at] + draw(st.sampled_from([b"x", b"talks ", b'"', b",", b"<p>", b"\xff"])) * 300_000 + data[at:]
        else:
            i = draw(st.integers(0, len(data)))
            data = data[:i] + data[i + draw(st.integers(0, 200)):]
    # read under its own suffix or another one: a reader must cope with the wrong format too
    return draw(st.sampled_from([suffix, suffix, *SUFFIXES])), data


def check(items: list[object]) -> None:
    for item in items:
        assert isinstance(item, Document | ReadError | ReadWarning), item
        if isinstance(item, Document):
            assert item.text.strip()
            assert item.published is None or len(item.published) == 10
        else:
            assert "\n" not in str(item) and "\r" not in str(item) and len(str(item)) < 800


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SUFFIXES), st.binary(max_size=3000))
def test_property_random_bytes_read_or_one_line_error(suffix: str, data: bytes) -> None:
    check(list(read_bytes(data, f"input{suffix}")))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated())
def test_property_mutated_documents_read_or_one_line_error(case: tuple[str, bytes]) -> None:
    suffix, data = case
    check(list(read_bytes(data, f"input{suffix}")))


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=400), st.sampled_from([CsvColumns(), CsvColumns(date=""), CsvColumns(text="headline")]))
def test_property_random_text_as_csv_or_json(text: str, columns: CsvColumns) -> None:
    for suffix in (".csv", ".jsonl", ".md", ".html"):
        check(list(read_bytes(text.encode("utf-8", errors="surrogatepass")
                              .decode("utf-8", errors="replace").encode(), f"input{suffix}", columns)))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.one_of(mutated(), st.tuples(st.just(".txt"), st.text(min_size=1, max_size=600).map(str.encode))))
def test_property_extract_gives_a_record_or_a_one_line_error(case: tuple[str, bytes]) -> None:
    from communique.extract import get_extractor

    suffix, data = case
    docs = [x for x in read_bytes(data[:20_000], f"input{suffix}") if isinstance(x, Document)]
    errors: list[ReadError] = []
    pairs = list(get_extractor().extract_many(docs, on_error=errors.append))
    assert len(pairs) + len(errors) == len(docs)
    check(list(errors))
    for doc, rec in pairs:
        assert rec.document.id == doc.id
        for ev in rec.events:
            assert 0 <= ev.evidence.start <= ev.evidence.end <= len(doc.text)
