"""The Mention record every reader of the Doc shares (countries, organisations, places)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

MentionKind = Literal["country", "org", "media", "place"]


@dataclass(frozen=True)
class Mention:
    """One mention: a country (actor or place), an organisation, an outlet, or a place.

    Place mentions carry the place's own name (a city in its common English form, or a venue
    that is its own place, "Camp David"), `country` (the canonical country it lies in),
    `venue` (the named venue the text used, "White House" → name "Washington") and
    `dateline` (True for the dateline city, "MOSCOW (Reuters) -": where the story was filed,
    never a meeting place). Organisation mentions of a multilateral body carry `members`
    (ISO 3166-1 alpha-3 codes on the article's date). `key` is the entity's stable key:
    ISO alpha-3 for countries ("RUS"), "org:<slug>" for organisations ("org:nato"),
    "city:<iso3>:<slug>" for cities ("city:rus:sochi") — the keys graph.records.Entity.key
    carries.
    """

    kind: MentionKind
    name: str  # canonical name (for places: the place's own name)
    start: int  # token offsets
    end: int
    surface: str  # name | demonym | capital | seat | org | media | ner | city | venue | dateline
    country: str | None = None  # for places: the country they lie in
    key: str | None = None
    members: tuple[str, ...] = ()
    venue: str | None = None
    dateline: bool = False
