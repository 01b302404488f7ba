"""Readers: every input format our users have -> `Document` records.

Each reader yields `Document`, `ReadError` and `ReadWarning` items and never raises for bad
input, so one bad file, line or row is reported and the rest of the batch goes on. A document
read without a publication date comes with a warning, and so does a file in a folder that is
not a document (README, LICENSE); a file in a folder of a type no reader takes is an error.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path

import yaml
from charset_normalizer import from_bytes

from communique.errors import ReadError, ReadWarning
from communique.records import Document
from communique.settings import get_settings

Item = Document | ReadError | ReadWarning

DATE_LINE = re.compile(r"^\s*date[ \t]+(\S+)[ \t]*(.*)$", re.IGNORECASE)
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SUFFIX_FORMATS = {
    ".md": "markdown", ".markdown": "markdown",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".csv": "csv",
    ".html": "html", ".htm": "html",
}

#: in a directory, files with these suffixes are documents; others are named as unsupported
DIRECTORY_SUFFIXES = {*SUFFIX_FORMATS, ".txt", ".text"}
#: in a directory, files so named (any suffix: README.md, LICENSE.txt) describe the folder: skipped with a warning
FOLDER_DOCS = ("README", "LICENSE", "LICENCE", "COPYING", "NOTICE", "CHANGELOG", "AUTHORS")
UNDATED = {
    "text": "no date line: read undated (a first line 'date YYYY-MM-DD' gives the publication date)",
    "markdown": "no 'date' in the YAML header: read undated",
    "html": "no publication date (no date meta tag, <time datetime> or 'date' line): read undated",
    "jsonl": "no 'published' or 'date' field: read undated",
    "csv": "empty date cell: read undated",
}


@dataclass(frozen=True)
class CsvColumns:
    """Which CSV column holds what; the defaults fit the Kremlin and Ukrainian presidency files."""

    url: str = "link"
    title: str = "headline"
    date: str = "date"
    text: str = "body"
    location: str = "location"
    summary: str = "summary"  # a lead paragraph kept apart from the body (the Kremlin's first sentence)


# ---------------------------------------------------------------- decoding and dates

#: encodings tried by detection after UTF-8 and cp1252 fail
DETECTABLE = ["latin_1", "cp1251", "koi8_r", "utf_16", "iso8859_2", "iso8859_15", "gb18030", "shift_jis", "big5"]


def decode(data: bytes, where: str) -> str:
    """UTF-8 first, then the encoding charset-normalizer finds (latin-1 and cp1252 text read)."""
    if not data.strip():
        raise ReadError(where, "empty file")
    if b"\x00" in data[:8192]:
        raise ReadError(where, "binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:  # the commonest legacy encoding of English news; latin-1 text decodes the same way
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        best = from_bytes(data[:200_000], cp_isolation=DETECTABLE).best()
        if best is None or best.encoding is None:
            raise ReadError(where, "undecodable bytes: neither UTF-8 nor a known text encoding") from None
        text = data.decode(best.encoding, errors="replace")
    if _control_share(text) > 0.02:
        raise ReadError(where, "undecodable bytes: decodes only to control characters")
    return text


def _control_share(text: str) -> float:
    sample = text[:20_000]
    if not sample:
        return 0.0
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\n\r\t\f") or 0x7F <= ord(c) < 0xA0)
    return bad / len(sample)


def parse_date(value: object) -> str | None:
    """An ISO day from the date forms our inputs use (ISO 8601, RFC 2822, YAML dates); None if none."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    s = str(value).strip()
    if not s:
        return None
    m = re.match(r"^(\d{4}-\d{2}-\d{2})", s)
    if m:
        try:
            return date.fromisoformat(m.group(1)).isoformat()
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(s).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def clean_text(text: str) -> str:
    """Unwrap hard-wrapped lines, keep paragraphs, normalise spaces; offsets index this text."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ").replace("\u200b", "")
    text = re.sub(r"(?<=[a-z])\((?=[a-z])", " (", text)  # "Modi(retranslated)": keep the name a token
    paras = re.split(r"\n[ \t]*\n+", text)
    out = []
    for para in paras:
        for p in _headed_lines(para.split("\n")):
            p = re.sub(r"[ \t]+", " ", p).strip()
            if p:
                out.append(p)
    return "\n\n".join(_rejoin_wrapped(out))


def _heading(line: str) -> bool:
    """A line in capitals of at least two words: a typescript's heading ("VISIT BY THE PRESIDENT OF CYPRUS")."""
    return not any(c.islower() for c in line) and len(re.findall(r"[A-Z]{2,}", line)) >= 2


def _headed_lines(lines: list[str]) -> list[str]:
    """The lines of one paragraph, joined, except where a heading in capitals meets text: a typescript
    puts its headings on their own lines with no blank line and no full stop ("STATEMENT BY THE PRIME
    MINISTER" / "VISIT BY THE PRESIDENT OF CYPRUS" / "The President of Cyprus will visit ..."), and
    joined they would run into the first sentence. A heading starts a paragraph after a line that
    ends a sentence; text starting in a capital starts one after a heading."""
    out: list[list[str]] = []
    prev, was_heading = "", False
    for line in (x.strip() for x in lines):
        if not line:
            continue
        heading = _heading(line)
        if out and not (heading != was_heading and (
                (heading and FINAL.search(prev)) or (was_heading and line[:1].isupper()))):
            out[-1].append(line)
        else:
            out.append([line])
        prev, was_heading = line, heading
    return [" ".join(group) for group in out]


#: the end of a sentence, a heading's colon, or a closing quote or bracket
FINAL = re.compile(r"[.!?:;\"\u201d'\u2019)\]]$")


def _rejoin_wrapped(paras: list[str]) -> list[str]:
    """A text whose every wrapped line became a paragraph ("the Prime Minister of New Zealand, the" /
    "Right Hon Helen Clark, MP, has accepted"): when at least three paragraphs end mid-sentence
    before one that goes on in lower case, the text is such a text, and a paragraph that does not
    end a sentence (and is no short or capitalised heading) runs on into the next. In any text a
    sentence cut by a page break ("... and would consider / 3" / "further annual supplements")
    runs on into the lower-case paragraph that continues it."""
    breaks = sum(1 for a, b in zip(paras, paras[1:], strict=False) if not FINAL.search(a) and b[:1].islower())
    if not breaks:
        return paras
    out = [paras[0]]
    for p in paras[1:]:
        prev = out[-1]
        # (a sentence that goes on in lower case after a page or line break runs on in any text)
        if not FINAL.search(prev) and len(prev) >= 30 and not prev.isupper() and not p.isupper() \
                and (breaks >= 3 or p[:1].islower()):
            out[-1] = prev + " " + p
        else:
            out.append(p)
    return out


def _strip_markdown(text: str) -> str:
    text = re.sub(r"(?m)^#{1,6}\s*", "", text)
    text = re.sub(r"(\*{1,3}|_{2,3})(\S.*?\S|\S)\1", r"\2", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", text)
    return text.replace("\\", "")


def with_title(title: str | None, body: str) -> str:
    """The title as the text's first paragraph: headlines often carry the event ("Telephone
    conversation with President of Finland Sauli Niinistö") and evidence must point into the text."""
    title = " ".join((title or "").split())
    if not title or body.lstrip()[: len(title)].lower() == title.lower():
        return body
    return title + "\n\n" + body


def _check_length(doc: Document, where: str) -> Document:
    limit = get_settings().max_document_chars
    if len(doc.text) > limit:
        raise ReadError(where, f"document too long ({len(doc.text):,} characters; limit {limit:,})")
    if not doc.text.strip():
        raise ReadError(where, "no text")
    return doc


# ---------------------------------------------------------------- single-document formats


def read_text(text: str, source: str) -> Document:
    """Plain text; a first line `date YYYY-MM-DD` (the seed's layout) gives the publication date."""
    stripped = text.lstrip("\ufeff")
    first_line = stripped.lstrip().split("\n", 1)[0]
    published = None
    title = None
    m = DATE_LINE.match(first_line)
    if m:
        value = m.group(1)
        published = parse_date(value) if ISO_DAY.match(value) else None
        if published is None:
            raise ReadError(source, f"malformed date line {first_line[:60]!r} (expected 'date YYYY-MM-DD')")
        rest = stripped.lstrip().split("\n", 1)
        body = m.group(2) + ("\n" + rest[1] if len(rest) > 1 else "")
        after = rest[1] if len(rest) > 1 else ""
        heading = m.group(2).strip()
        if heading and after.startswith("\n") and len(heading) < 150 and heading[-1] not in ".!?":
            title = m.group(2).strip()
    else:
        body = stripped
    return _check_length(Document(source=source, text=clean_text(body), published=published,
                                  title=title, format="text"), source)


def read_markdown(text: str, source: str) -> Document:
    """Markdown with a YAML header carrying `date`, `title`, `source_url`."""
    meta: dict[str, object] = {}
    body = text.lstrip("\ufeff")
    if body.startswith("---"):
        parts = re.split(r"(?m)^---[ \t]*$", body, maxsplit=2)
        if len(parts) == 3:
            try:
                loaded = yaml.safe_load(parts[1])
            except yaml.YAMLError as exc:
                raise ReadError(source, f"malformed YAML header: {str(exc).splitlines()[0]}") from None
            if isinstance(loaded, dict):
                meta = loaded
            body = parts[2]
    published = parse_date(meta.get("date")) or parse_date(meta.get("published_time"))
    if published is None and (meta.get("date") or meta.get("published_time")):
        raise ReadError(source, f"malformed date {meta.get('date')!r} in YAML header")
    title = str(meta["title"]).replace("\u00a0", " ") if meta.get("title") else None
    url = str(meta["source_url"]) if meta.get("source_url") else None
    return _check_length(Document(source=source, text=with_title(title, clean_text(_strip_markdown(body))),
                                  published=published,
                                  title=title, url=url, format="markdown"), source)


class _HTMLText(HTMLParser):
    BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "header"}
    SKIP = {"script", "style", "noscript", "nav", "footer"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.meta: dict[str, str] = {}
        self.title = ""
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            key = (a.get("name") or a.get("property") or a.get("itemprop") or "").lower()
            if key and "content" in a:
                self.meta[key] = a["content"]
        elif tag in self.SKIP:
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif tag == "time" and "datetime" in a:
            self.meta.setdefault("time", a["datetime"])
        if tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIP and self._skip:
            self._skip -= 1
        elif tag == "title":
            self._in_title = False
        if tag in self.BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        elif not self._skip:
            self.parts.append(data)


HTML_DATE_KEYS = ("date", "article:published_time", "dc.date", "dcterms.date", "pubdate",
                  "publish-date", "og:published_time", "datepublished", "time")


def read_html(text: str, source: str) -> Document:
    """HTML: published date from a meta tag (or a `date` line in the text), else unknown."""
    parser = _HTMLText()
    parser.feed(text)
    parser.close()
    body = clean_text("".join(parser.parts))
    published = next((d for k in HTML_DATE_KEYS if (d := parse_date(parser.meta.get(k)))), None)
    if published is None:
        m = DATE_LINE.match(body.split("\n", 1)[0])
        if m and ISO_DAY.match(m.group(1)):
            published = parse_date(m.group(1))
            body = clean_text(body.split("\n", 1)[0][m.start(2):] + "\n" + (body.split("\n", 1) + [""])[1])
    title = " ".join(parser.title.split()) or None
    return _check_length(Document(source=source, text=body, published=published, title=title, format="html"),
                         source)


# ---------------------------------------------------------------- multi-document formats


def _text_field(obj: dict[str, object], key: str, where: str) -> str | None:
    """A JSON field that should hold text: strings as they are, numbers as written, else an error."""
    value = obj.get(key)
    if value is None or isinstance(value, str):
        return value or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise ReadError(where, f"field {key!r} is not text (got {type(value).__name__})")


def undated(doc: Document, where: str) -> Iterator[Item]:
    """The document, preceded by a warning when it has no publication date."""
    if doc.published is None:
        yield ReadWarning(where, UNDATED.get(doc.format, "no publication date: read undated"))
    yield doc


def read_jsonl(lines: Iterable[str], source: str) -> Iterator[Item]:
    """JSON Lines with `url`, `title`, `published` (RFC 2822 or ISO 8601), `text`."""
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{source}:{n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ReadError(where, f"broken JSON line ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(obj, dict):
            yield ReadError(where, "JSON line is not an object")
            continue
        text = obj.get("text") or obj.get("body") or obj.get("content")
        if not isinstance(text, str) or not text.strip():
            yield ReadError(where, "no 'text' field")
            continue
        raw_date = obj.get("published") or obj.get("date")
        published = parse_date(raw_date)
        if raw_date and published is None:
            yield ReadError(where, f"malformed date {str(raw_date)[:60]!r}")
            continue
        try:
            title = _text_field(obj, "title", where)
            doc = _check_length(Document(source=f"{source}#{n}", text=with_title(title, clean_text(text)),
                                         published=published, title=title, url=_text_field(obj, "url", where),
                                         format="jsonl"), where)
        except ReadError as err:
            yield err
            continue
        yield from undated(doc, where)


def read_csv(handle: io.TextIOBase, source: str, columns: CsvColumns | None = None) -> Iterator[Item]:
    """CSV with a column mapping; the defaults fit `link`, `headline`, `date`, `body`."""
    cols = columns or CsvColumns()
    csv.field_size_limit(get_settings().max_document_chars * 4)
    reader = csv.DictReader(handle)
    try:
        fields = reader.fieldnames or []
    except csv.Error as exc:
        yield ReadError(f"{source}:row 1", f"malformed CSV header ({exc})")
        return
    has = ", ".join(repr(f) for f in fields[:20]) or "none"
    if cols.text not in fields:
        yield ReadError(source, f"CSV is missing column(s) {cols.text} for the text (has: {has}); "
                                f"name the text column with --csv-text COLUMN")
        return
    if cols.date and cols.date not in fields:
        yield ReadError(source, f"CSV has no {cols.date!r} column for the publication date (has: {has}); "
                                f"name the date column with --csv-date COLUMN, or --csv-date '' to read it undated")
        return
    if not cols.date:
        yield ReadWarning(source, "no date column (--csv-date ''): every row read undated")
    row_no = 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield ReadError(f"{source}:row {row_no + 1}", f"malformed CSV ({exc})")
            return
        row_no += 1
        where = f"{source}:row {row_no}"
        text = row.get(cols.text) or ""
        if not text.strip():
            yield ReadError(where, f"empty '{cols.text}' column")
            continue
        raw_date = row.get(cols.date) if cols.date else None
        published = parse_date(raw_date)
        if raw_date and raw_date.strip() and published is None:
            yield ReadError(where, f"malformed date {raw_date[:60]!r}")
            continue
        lead = (row.get(cols.summary) or "").strip()
        if lead and not text.lstrip().startswith(lead[:60]):
            text = lead + "\n\n" + text  # the lead tells who met whom; the body goes on from it
        try:
            doc = _check_length(Document(source=f"{source}#{row_no}", text=with_title(row.get(cols.title), clean_text(text)),
                                         published=published,
                                         title=row.get(cols.title) or None, url=row.get(cols.url) or None,
                                         location=row.get(cols.location) or None, format="csv"), where)
        except ReadError as err:
            yield err
            continue
        if cols.date:
            yield from undated(doc, where)
        else:
            yield doc


# ---------------------------------------------------------------- dispatch


def detect_format(name: str, text: str) -> str:
    fmt = SUFFIX_FORMATS.get(Path(name).suffix.lower())
    if fmt:
        return fmt
    head = text.lstrip()[:500].lower()
    if head.startswith("---"):
        return "markdown"
    if head.startswith("<!doctype html") or head.startswith("<html") or "<body" in head:
        return "html"
    if head.startswith("{"):
        return "jsonl"
    return "text"


def read_bytes(data: bytes, source: str, columns: CsvColumns | None = None) -> Iterator[Item]:
    try:
        text = decode(data, source)
    except ReadError as err:
        yield err
        return
    fmt = detect_format(source, text)
    try:
        if fmt == "jsonl":
            # JSON Lines end lines at "\n" only: str.splitlines() would also cut at U+2028 and U+0085,
            # which JSON strings may hold raw, and lose the record they are in
            yield from read_jsonl(text.replace("\r\n", "\n").split("\n"), source)
        elif fmt == "csv":
            yield from read_csv(io.StringIO(text, newline=""), source, columns)
        elif fmt == "markdown":
            yield from undated(read_markdown(text, source), source)
        elif fmt == "html":
            yield from undated(read_html(text, source), source)
        else:
            yield from undated(read_text(text, source), source)
    except ReadError as err:
        yield err
    except Exception as exc:  # noqa: BLE001 - a reader defect: named in one line, the batch goes on
        yield ReadError(source, f"reader failed ({type(exc).__name__}: {str(exc)[:200]})")


def read_file(path: Path, columns: CsvColumns | None = None) -> Iterator[Item]:
    source = str(path)
    fmt = SUFFIX_FORMATS.get(path.suffix.lower())
    try:
        size = path.stat().st_size
        if fmt not in ("jsonl", "csv") and size > get_settings().max_file_bytes:
            limit = get_settings().max_file_bytes / 1e6
            yield ReadError(source, f"file too large ({size / 1e6:.1f} MB; limit {limit:.0f} MB per document)")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield ReadError(source, exc.strerror or str(exc))
        return
    yield from read_bytes(data, source, columns)


def _in_directory(f: Path) -> Path | ReadError | ReadWarning:
    """A file found by walking a folder: a document to read, folder documentation, or unsupported."""
    if f.name.upper().split(".", 1)[0] in FOLDER_DOCS:
        return ReadWarning(str(f), "skipped: folder documentation, not a document")
    if f.suffix.lower() in DIRECTORY_SUFFIXES:
        return f
    kind = f"type '{f.suffix}'" if f.suffix else "type (no suffix)"
    takes = ", ".join(sorted(DIRECTORY_SUFFIXES))
    return ReadError(str(f), f"unsupported file {kind}: no reader takes it (readers take {takes}); "
                             "rename it, or pass it by name to read it as text")


def own_files(*outputs: str | None) -> frozenset[Path]:
    """The files a run writes (the store and its journals, an output file): not inputs when a
    folder being read holds them."""
    out: set[Path] = set()
    for o in outputs:
        if o and o not in ("-", ":memory:"):
            out.update(Path(o + suffix).resolve() for suffix in ("", "-wal", "-shm", "-journal"))
    return frozenset(out)


def iter_paths(paths: Iterable[str], skip: frozenset[Path] = frozenset()) -> Iterator[Path | ReadError | ReadWarning | str]:
    """Expand inputs: files as given, directories recursively (sorted; hidden files and folders
    skipped, as version control and editors keep theirs there, and so are the run's own output
    files in `skip`), `-` for stdin."""
    for p in paths:
        if p == "-":
            yield "-"
            continue
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                rel = f.relative_to(path)
                if (f.is_file() and not any(part.startswith(".") for part in rel.parts)
                        and not (skip and f.resolve() in skip)):
                    yield _in_directory(f)
        elif path.exists():
            yield path
        else:
            yield ReadError(p, "no such file or directory")


def read_paths(paths: Iterable[str], columns: CsvColumns | None = None,
               skip: frozenset[Path] = frozenset()) -> Iterator[Item]:
    """Every document under `paths`, in a stable order, with a ReadError for each bad input."""
    for p in iter_paths(paths, skip):
        if isinstance(p, ReadError | ReadWarning):
            yield p
        elif isinstance(p, str):
            yield from read_bytes(sys.stdin.buffer.read(), "-", columns)
        else:
            yield from read_file(p, columns)
