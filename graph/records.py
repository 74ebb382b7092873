"""Typed, database-free records that cross the extractor → writer boundary."""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

EntityType = Literal["Country", "Person", "Organization", "City"]
ParticipantType = Literal["Country", "Person", "Organization"]
MeetingKind = Literal["talks", "summit", "visit", "phone_call", "meeting", "negotiation"]
MeetingStatus = Literal["held", "planned"]
DatePrecision = Literal["day", "month", "year"]
ParticipantRole = Literal["participant", "visitor", "host"]
RelationType = Literal["ALLY_OF", "NO_DIPLOMATIC_RELATIONS"]


class Record(BaseModel):
    """Frozen, strict base: extraction output is a value, never mutated."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class ArticleText(Record):
    """What the extractor reads: the article text and what dates it."""

    text: str
    published: date | None = None
    title: str | None = None
    url: str | None = None


class Span(Record):
    """Evidence: a verbatim sentence and its character offsets into the article text."""

    evidence: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Entity(Record):
    """A named thing the article mentions, in canonical form."""

    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    iso3: str | None = None  # Country: ISO 3166-1 alpha-3
    country: str | None = None  # City: the country it lies in; Person: the country they serve
    # The entity's identity, decided by the extractor from its reference data: ISO alpha-3 for
    # a country, `org:<id>`, `city:<country key>:<slug>`, `person:<slug>`. None: derived from
    # the name by graph.keys.entity_key (records built by hand).
    key: str | None = None


class Participant(Record):
    """One side of a meeting; visits distinguish visitor and host."""

    name: str
    type: ParticipantType
    role: ParticipantRole = "participant"
    # The model's probability that it took part; None: not rated apart from the meeting.
    confidence: float | None = Field(None, ge=0.0, le=1.0)


class Meeting(Span):
    """An encounter between parties, with its evidence."""

    participants: tuple[Participant, ...]
    countries: tuple[str, ...]
    location: str | None = None
    location_country: str | None = None
    date: str | None = None  # YYYY-MM-DD | YYYY-MM | YYYY
    date_precision: DatePrecision | None = None
    kind: MeetingKind
    status: MeetingStatus = "held"
    confidence: float = Field(ge=0.0, le=1.0)
    issues: tuple[str, ...] = ()  # names of Issue records this meeting discussed


class Role(Span):
    """A person's title, and the country (or organisation) they hold it for."""

    person: str
    title: str
    country: str | None = None
    confidence: float = Field(1.0, ge=0.0, le=1.0)  # the model's probability for the country


class Issue(Record):
    """A matter raised between countries."""

    name: str
    countries: tuple[str, ...]


class Relation(Span):
    """A standing relation between two countries stated plainly in the text."""

    a: str
    b: str
    type: RelationType


class Extraction(Record):
    """Everything one article yields; the graph writer stores exactly this."""

    entities: tuple[Entity, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    roles: tuple[Role, ...] = ()
    issues: tuple[Issue, ...] = ()
    relations: tuple[Relation, ...] = ()
    extractor_version: str
