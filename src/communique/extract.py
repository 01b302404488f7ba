"""Extraction: Document -> Record, through nlp -> resolve -> events. One way, typed records."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from urllib.parse import urlparse

import pycountry
from spacy.language import Language
from spacy.tokens import Doc

from communique.errors import ExtractionError
from communique.events.coder import Coder
from communique.nlp.pipeline import build_nlp, parse
from communique.records import Document, DocumentInfo, Record
from communique.resolve.actors import resolve
from communique.resolve.gazetteer import Gazetteer, load_gazetteer

#: publishers whose own country is the implicit speaker of their texts ("The President ...")
PUBLISHERS = {
    r"whitehouse\.(?:gov|archives\.gov)": "USA", r"state\.gov": "USA", r"defense\.gov": "USA", r"treasury\.gov": "USA",
    r"kremlin\.ru": "RUS", r"mid\.ru": "RUS", r"president\.gov\.ua": "UKR", r"mfa\.gov\.ua": "UKR",
    r"fmprc\.gov\.cn": "CHN", r"mfa\.gov\.cn": "CHN", r"gov\.uk": "GBR", r"elysee\.fr": "FRA",
    r"mea\.gov\.in": "IND", r"pmindia\.gov\.in": "IND", r"mofa\.go\.jp": "JPN", r"kantei\.go\.jp": "JPN",
}


#: a government host under a country-code domain: www.beehive.govt.nz, pmtranscripts.pmc.gov.au, www.gov.uk
GOV_HOST = re.compile(r"^(?:[\w-]+\.)*(?:gov|govt|go|gob|gouv|gv|gc|government)\.(?P<cc>[a-z]{2})$")


def publisher_country(doc: Document) -> str | None:
    """The country whose government published the text: named publishers first, then any
    government domain under a country-code top-level domain, then a bare .gov (the United States)."""
    for pat, code in PUBLISHERS.items():
        if doc.url and re.search(pat, doc.url):
            return code
    host = urlparse(doc.url or "").hostname or ""
    m = GOV_HOST.match(host)
    if m:
        cc = {"uk": "GB"}.get(m.group("cc"), m.group("cc").upper())
        country = pycountry.countries.get(alpha_2=cc)
        return country.alpha_3 if country else None
    if host.endswith(".gov"):
        return "USA"
    return None


#: press offices that sign the opening of their government's texts; the byline tells the speaker
#: when the document carries no address ("Office of the Spokesperson Secretary X met ...": the
#: US Department of State's press office). Only in the first lines, and never an office "for" another
#: body ("Office of the Spokesperson for the Secretary-General" is the UN's)
BYLINES = {
    r"Office of the Spokesperson(?!\s+(?:for|of)\b)": "USA",
    r"THE WHITE HOUSE|Office of the Press Secretary|The White House\s*\n": "USA",
}
#: how far into a text a byline may stand
BYLINE_REACH = 300


def byline_country(text: str) -> str | None:
    """The state whose press office signs the opening of the text, if one does."""
    head = text[:BYLINE_REACH]
    for pat, code in BYLINES.items():
        if re.search(pat, head):
            return code
    return None


class Extractor:
    """Holds the loaded pipeline and reference data; `extract` is safe to call many times."""

    def __init__(self, nlp: Language | None = None, gaz: Gazetteer | None = None, single_party: bool = False) -> None:
        self.nlp = nlp or build_nlp()
        self.gaz = gaz or load_gazetteer()
        self.coder = Coder(self.gaz, single_party=single_party)

    def sentence_mode(self) -> Extractor:
        """The same pipeline, keeping one-party events as sentence-level event sets code them."""
        return Extractor(self.nlp, self.gaz, single_party=True)

    def record(self, document: Document, sdoc: Doc) -> Record:
        author = publisher_country(document) or byline_country(document.text)
        res = resolve(sdoc, self.gaz, document.published, author)
        facts = self.coder.code(sdoc, res, document.published, document.location, document.title)
        info = DocumentInfo(id=document.id, source=document.source, published=document.published,
                            title=document.title, url=document.url, format=document.format)
        return Record(document=info, actors=res.actors(self.gaz, res.text), **facts)

    def extract(self, document: Document) -> Record:
        return self.record(document, next(parse(self.nlp, [document.text])))

    def extract_many(self, documents: Iterable[Document], batch_size: int = 32,
                     on_error: Callable[[ExtractionError], None] | None = None) -> Iterator[tuple[Document, Record]]:
        """(Document, Record) pairs. A document the coding fails on is skipped and passed to
        `on_error` (raised when there is none), so one defect does not stop a batch."""
        docs = list(documents) if not isinstance(documents, list) else documents
        for document, sdoc in zip(docs, self._parsed(docs, batch_size), strict=True):
            try:
                record = self.record(document, sdoc)
            except Exception as exc:  # noqa: BLE001 - reported, never swallowed
                if on_error is None:
                    raise
                on_error(ExtractionError(document.source, exc))
                continue
            yield document, record


    def _parsed(self, docs: list[Document], batch_size: int) -> Iterator[Doc]:
        """The parsed texts, in order, in batches of at most `batch_size` documents and BATCH_CHARS
        characters: the model holds a whole batch at once, so a batch with a very long text (a list of
        a thousand names) runs on its own and the memory of a worker stays bounded."""
        group: list[str] = []
        size = 0
        for d in docs:
            if group and (len(group) >= batch_size or size + len(d.text) > BATCH_CHARS):
                yield from parse(self.nlp, group, batch_size=len(group))
                group, size = [], 0
            if len(d.text) > BATCH_CHARS:
                yield self._parsed_in_pieces(d.text)
                continue
            group.append(d.text)
            size += len(d.text)
        if group:
            yield from parse(self.nlp, group, batch_size=len(group))

    def _parsed_in_pieces(self, text: str) -> Doc:
        """A text longer than BATCH_CHARS parsed a run of paragraphs at a time and joined into one Doc
        with the same text (a sentence never spans a blank line), so its memory is a piece's."""
        pieces: list[str] = []
        start = 0
        limit = BATCH_CHARS // 4
        while len(text) - start > limit:
            # the last blank line, else the last sentence end before a capital, else the last space, in reach
            window = text[start:start + limit]
            cuts = [m.end() for m in PIECE_BREAK.finditer(window) if m.group(0).count("\n") >= 2] \
                or [m.end() for m in PIECE_BREAK.finditer(window)] or [m.end() for m in re.finditer(r"\s+", window)]
            end = start + (cuts[-1] if cuts and cuts[-1] > limit // 4 else limit)
            pieces.append(text[start:end])
            start = end
        pieces.append(text[start:])
        pieces = [p for p in pieces if p]
        if len(pieces) == 1:
            return next(parse(self.nlp, [text]))
        return Doc.from_docs(list(parse(self.nlp, pieces, batch_size=1)), ensure_whitespace=False)


#: the most characters parsed in one batch (a long text alone makes its own batch)
BATCH_CHARS = 100_000
#: where a long text may be cut for parsing: a blank line, or a sentence's end before a capital letter
PIECE_BREAK = re.compile(r"\n\s*\n|(?<=[.!?])[ \t]+(?=[A-Z])")


@cache
def get_extractor(mode: str = "document") -> Extractor:
    """The process's extractor: `document` follows the annotation guidelines; `sentence` codes
    each input as one news sentence and keeps one-party events, as the GSR sets do."""
    if mode == "sentence":
        return get_extractor().sentence_mode()
    if mode != "document":
        raise ValueError(f"unknown mode {mode!r}: expected 'document' or 'sentence'")
    return Extractor()
