"""Typed records that flow one way through the stages: ingest -> nlp -> resolve -> events -> store.

The JSON shape of `Record` is the record format of `shared/eval/FORMAT.md`: fields the scorer
reads keep their names there (`document.source`, `document.published`, `actors[].country`,
`events[].actor` ...); everything else is extra and welcome.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ActorType = Literal["person", "country", "organization"]
Status = Literal["occurred", "planned"]
PartnershipChange = Literal["established", "upgraded", "reaffirmed"]


def normalise_text(text: str) -> str:
    """The text a document's identity is computed from: NFC, whitespace collapsed, no case change."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def content_hash(text: str) -> str:
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


def slug(text: str) -> str:
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Document(Model):
    """One input document as a reader produced it."""

    source: str
    text: str
    published: str | None = None  # ISO date, None when the input does not say
    title: str | None = None
    url: str | None = None
    format: str = "text"
    location: str | None = None  # a dateline place when the source gives one (Kremlin CSV)

    @property
    def id(self) -> str:
        return content_hash(self.text)


class Evidence(Model):
    """A sentence (or span) of the document text that proves a fact; offsets index `Document.text`."""

    text: str
    start: int
    end: int


class Actor(Model):
    id: str  # canonical: ISO alpha-3, IGO:XXX, or person:<slug>
    name: str
    type: ActorType
    country: str | None = None
    role: str | None = None
    aliases: list[str] = Field(default_factory=list)
    resolution: str = ""  # why the actor got this id and country
    mentions: list[Evidence] = Field(default_factory=list)


class Place(Model):
    name: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


class EventPerson(Model):
    """A named person taking part in an event, on the actor or the recipient side."""

    id: str  # person:<slug>, as in `Record.actors`
    name: str
    country: str | None = None
    side: Literal["actor", "recipient"] = "actor"


class Event(Model):
    type: str  # PLOVER
    mode: str | None = None
    cameo: str | None = None
    goldstein: float | None = None
    quad_class: int | None = None
    actor: list[str]
    recipient: list[str] = Field(default_factory=list)
    date: str | None = None
    status: Status = "occurred"
    place: Place | None = None
    trigger: str | None = None
    people: list[EventPerson] = Field(default_factory=list)  # who acted for the parties, when named
    evidence: Evidence
    evidence_all: list[Evidence] = Field(default_factory=list)

    def key(self) -> tuple[str, frozenset[str], str]:
        return (self.type, frozenset(self.actor) | frozenset(self.recipient), self.date or "")


class Agreement(Model):
    title: str
    kind: str | None = None
    parties: list[str]
    date: str | None = None
    count: int | None = None
    evidence: Evidence


class Partnership(Model):
    parties: list[str]
    level: str  # as written
    level_normalized: str
    rank: int | None = None
    change: PartnershipChange = "reaffirmed"
    date: str | None = None
    evidence: Evidence


class Honour(Model):
    name: str
    conferred_by: str | None = None  # country code
    recipient: str | None = None  # person name
    recipient_country: str | None = None
    date: str | None = None
    evidence: Evidence


class Invitation(Model):
    inviter: list[str]
    invitee: list[str]
    what: str
    date: str | None = None
    evidence: Evidence


class CooperationArea(Model):
    parties: list[str]
    area: str
    keyword: str
    evidence: Evidence


class Attendee(Model):
    name: str
    country: str | None = None
    evidence: Evidence


class DocumentInfo(Model):
    id: str
    source: str
    published: str | None = None
    title: str | None = None
    url: str | None = None
    format: str = "text"


class Record(Model):
    """Everything extracted from one document."""

    document: DocumentInfo
    actors: list[Actor] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    agreements: list[Agreement] = Field(default_factory=list)
    partnerships: list[Partnership] = Field(default_factory=list)
    honours: list[Honour] = Field(default_factory=list)
    invitations: list[Invitation] = Field(default_factory=list)
    cooperation: list[CooperationArea] = Field(default_factory=list)
    attendees: list[Attendee] = Field(default_factory=list)

    def to_json(self) -> str:
        return self.model_dump_json(exclude_none=False)
