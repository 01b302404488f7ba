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
from communique.nlp.pipeline import build_nlp
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
        author = publisher_country(document)
        res = resolve(sdoc, self.gaz, document.published, author)
        facts = self.coder.code(sdoc, res, document.published, document.location, document.title)
        info = DocumentInfo(id=document.id, source=document.source, published=document.published,
                            title=document.title, url=document.url, format=document.format)
        return Record(document=info, actors=res.actors(self.gaz, res.text), **facts)

    def extract(self, document: Document) -> Record:
        return self.record(document, self.nlp(document.text))

    def extract_many(self, documents: Iterable[Document], batch_size: int = 32,
                     on_error: Callable[[ExtractionError], None] | None = None) -> Iterator[tuple[Document, Record]]:
        """(Document, Record) pairs. A document the coding fails on is skipped and passed to
        `on_error` (raised when there is none), so one defect does not stop a batch."""
        docs = list(documents) if not isinstance(documents, list) else documents
        for document, sdoc in zip(docs, self.nlp.pipe((d.text for d in docs), batch_size=batch_size), strict=True):
            try:
                record = self.record(document, sdoc)
            except Exception as exc:  # noqa: BLE001 - reported, never swallowed
                if on_error is None:
                    raise
                on_error(ExtractionError(document.source, exc))
                continue
            yield document, record


@cache
def get_extractor(mode: str = "document") -> Extractor:
    """The process's extractor: `document` follows the annotation guidelines; `sentence` codes
    each input as one news sentence and keeps one-party events, as the GSR sets do."""
    if mode == "sentence":
        return get_extractor().sentence_mode()
    if mode != "document":
        raise ValueError(f"unknown mode {mode!r}: expected 'document' or 'sentence'")
    return Extractor()
