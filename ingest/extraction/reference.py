"""Reference data: countries, organisations, media and titles, loaded from the data files."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

DATA_DIR = Path(__file__).resolve().parent / "data"

SurfaceKind = Literal["name", "demonym", "capital", "seat", "org", "media"]


@dataclass(frozen=True)
class Country:
    """A canonical country (or historic state) and the names that stand for it."""

    name: str
    iso3: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capital: str | None
    seats: tuple[str, ...]
    valid_until: date | None


@dataclass(frozen=True)
class Organization:
    """An international body (or a non-state group) that can take part in meetings."""

    name: str
    aliases: tuple[str, ...]
    major: bool
    non_state: bool
    country: str | None


@dataclass(frozen=True)
class Surface:
    """One surface form: what it names and how (country name, demonym, capital …)."""

    kind: SurfaceKind
    key: str  # iso3 of the country, or the organisation / outlet name


@dataclass
class Gazetteer:
    """Every surface form the extractor recognises, with lookups by canonical key."""

    countries: dict[str, Country] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    surfaces: dict[str, list[Surface]] = field(default_factory=dict)
    titles: tuple[str, ...] = ()
    org_titles: frozenset[str] = frozenset()
    title_countries: dict[str, str] = field(default_factory=dict)  # lower-case title → name

    def add(self, text: str, surface: Surface) -> None:
        """Register one surface form (several canonical readings may share it)."""
        if text and surface not in self.surfaces.setdefault(text, []):
            self.surfaces[text].append(surface)

    def country_by_name(self, name: str) -> Country | None:
        """The country whose canonical name is `name`."""
        return next((c for c in self.countries.values() if c.name == name), None)


def read_json(name: str) -> dict[str, Any]:
    """One data file, as parsed JSON."""
    data: dict[str, Any] = json.loads((DATA_DIR / name).read_text("utf-8"))
    return data


def to_country(row: dict[str, Any]) -> Country:
    """A data-file row → Country."""
    until = row.get("valid_until")
    return Country(
        name=row["name"], iso3=row["iso3"], aliases=tuple(row["aliases"]),
        demonyms=tuple(row["demonyms"]), capital=row["capital"], seats=tuple(row["seats"]),
        valid_until=date.fromisoformat(until) if until else None,
    )


def add_country(gaz: Gazetteer, country: Country) -> None:
    """Register a country and every name that stands for it."""
    gaz.countries[country.iso3] = country
    for text in (country.name, *country.aliases):
        gaz.add(text, Surface("name", country.iso3))
        if text.startswith("the "):
            gaz.add("The " + text[4:], Surface("name", country.iso3))
            gaz.add(text[4:], Surface("name", country.iso3))
    for text in country.demonyms:
        gaz.add(text, Surface("demonym", country.iso3))
    if country.capital:
        gaz.add(country.capital, Surface("capital", country.iso3))
    for text in country.seats:
        gaz.add(text, Surface("seat", country.iso3))


def add_organizations(gaz: Gazetteer, data: dict[str, Any]) -> None:
    """Register international organisations and news outlets."""
    for row in data["organizations"]:
        org = Organization(row["name"], tuple(row["aliases"]), bool(row["major"]),
                           bool(row.get("non_state", False)), row.get("country"))
        gaz.organizations[org.name] = org
        for text in (org.name, *org.aliases):
            gaz.add(text, Surface("org", org.name))
    for outlet in data["media"]:
        gaz.add(outlet, Surface("media", outlet))


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Build the gazetteer once per process from the data files."""
    gaz = Gazetteer()
    countries = read_json("countries.json")
    for row in countries["countries"] + countries["historic"]:
        add_country(gaz, to_country(row))
    add_organizations(gaz, read_json("organizations.json"))
    titles = read_json("titles.json")
    gaz.titles = tuple(sorted(titles["titles"], key=len, reverse=True))
    gaz.org_titles = frozenset(titles["org_titles"])
    gaz.title_countries = {t.lower(): gaz.countries[c].name
                           for t, c in titles["title_countries"].items()}
    return gaz
