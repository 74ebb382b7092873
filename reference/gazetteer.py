"""The gazetteer: countries, organisations, bodies, cities, venues, media and titles.

Loaded once per process from the data files (`load_gazetteer`, cached). What the meeting
logic can ask of it:

- `members(key, on)`: the ISO 3166-1 alpha-3 codes of a multilateral body's members on a day
  (`key` is the organisation's stable key, "org:nato", or its name, "NATO"); `()` for an
  organisation without a membership table. Dissolved states appear under their ISO 3166-3
  codes ("SUN", "DEW") for days before they ended; `Gazetteer.countries[iso3].name` names them.
- `Gazetteer.city(text)`: the city a surface form names (common English name as stored,
  ISO alpha-3 of its country), by exact text, else case-insensitively.
- `Gazetteer.venues[text]`: a named venue ("White House", "Camp David") and the city it
  stands in (`None` when the venue is its own place).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

DATA_DIR = Path(__file__).resolve().parent / "data"

SurfaceKind = Literal["name", "demonym", "capital", "seat", "org", "media", "venue",
                      "contextual"]


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
    capital_aliases: tuple[str, ...] = ()  # older names of the capital ("Peking")
    successors: tuple[str, ...] = ()  # ISO alpha-3 of today's states on its territory


@dataclass(frozen=True)
class Organization:
    """An international body (or a non-state group) that can take part in meetings."""

    name: str
    aliases: tuple[str, ...]
    major: bool
    non_state: bool
    country: str | None


@dataclass(frozen=True, slots=True)
class City:
    """A city: its name as stored (common English form) and its country's ISO alpha-3."""

    name: str
    iso3: str


@dataclass(frozen=True)
class Venue:
    """A named venue and the city it stands in (None: the venue is its own place)."""

    name: str
    city: str | None
    iso3: str


@dataclass(frozen=True)
class Membership:
    """One member's time in a body: [since, until), until None while it lasts."""

    iso3: str
    since: date
    until: date | None


@dataclass(frozen=True)
class Contextual:
    """A surface naming a body only when the article mentions a country and a word
    ("world powers" is the P5+1 in articles on Iran's nuclear programme)."""

    body: str  # organisation name
    country: str  # ISO alpha-3 the article must mention
    word: str  # lower-case word the article must contain


@dataclass(frozen=True)
class Surface:
    """One surface form: what it names and how (country name, demonym, capital …)."""

    kind: SurfaceKind
    key: str  # iso3 of the country, or the organisation / outlet / venue name


@dataclass
class Gazetteer:
    """Every surface form the extractor recognises, with lookups by canonical key."""

    countries: dict[str, Country] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    surfaces: dict[str, list[Surface]] = field(default_factory=dict)
    titles: tuple[str, ...] = ()
    org_titles: frozenset[str] = frozenset()
    title_countries: dict[str, str] = field(default_factory=dict)  # lower-case title → name
    cities: dict[str, City] = field(default_factory=dict)  # surface → city
    cities_folded: dict[str, City] = field(default_factory=dict)  # casefolded surface → city
    venues: dict[str, Venue] = field(default_factory=dict)  # surface → venue
    bodies: dict[str, tuple[Membership, ...]] = field(default_factory=dict)  # org name → members
    org_keys: dict[str, str] = field(default_factory=dict)  # stable key → organisation name
    contextual: dict[str, Contextual] = field(default_factory=dict)  # surface → reading
    predecessors: dict[str, list[Country]] = field(default_factory=dict)  # iso3 → historic states
    _by_name: dict[str, Country] = field(default_factory=dict, repr=False)

    def add(self, text: str, surface: Surface) -> None:
        """Register one surface form (several canonical readings may share it), also with
        typographic apostrophes: news copy writes "People’s Republic of China", and the
        straight-quote form alone would let "Republic of China" match inside it."""
        for form in {text, text.replace("'", "\u2019")}:
            if form and surface not in self.surfaces.setdefault(form, []):
                self.surfaces[form].append(surface)

    def country_by_name(self, name: str) -> Country | None:
        """The country whose canonical name is `name`."""
        return self.countries_by_name().get(name)

    def countries_by_name(self) -> dict[str, Country]:
        """Canonical name → country (built on first use)."""
        if len(self._by_name) != len(self.countries):
            self._by_name.update({c.name: c for c in self.countries.values()})
        return self._by_name

    def city(self, text: str) -> City | None:
        """The city a surface names: exact text first, then case-insensitively."""
        return self.cities.get(text) or self.cities_folded.get(text.casefold())

    def state_on(self, name: str, on: date | None) -> str:
        """The state a place in country `name` belonged to on a day: the historic state that
        held its territory then ("Germany" in 1987 → "West Germany"), else `name`."""
        country = self.country_by_name(name)
        if country is None or on is None:
            return name
        for old in self.predecessors.get(country.iso3, ()):
            if old.valid_until and on < old.valid_until:
                return old.name
        return name

    def members_on(self, org: str, on: date) -> tuple[str, ...]:
        """ISO alpha-3 codes of an organisation's members on a day (name or stable key)."""
        name = self.org_keys.get(org, org)
        return tuple(m.iso3 for m in self.bodies.get(name, ())
                     if m.since <= on and (m.until is None or on < m.until))


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
        capital_aliases=tuple(row.get("capital_aliases", ())),
        successors=tuple(row.get("successors", ())),
    )


def add_country(gaz: Gazetteer, country: Country) -> None:
    """Register a country and every name that stands for it."""
    gaz.countries[country.iso3] = country
    for iso3 in country.successors:
        gaz.predecessors.setdefault(iso3, []).append(country)
    for text in (country.name, *country.aliases):
        gaz.add(text, Surface("name", country.iso3))
        if text.startswith("the "):
            gaz.add("The " + text[4:], Surface("name", country.iso3))
            gaz.add(text[4:], Surface("name", country.iso3))
    for text in country.demonyms:
        gaz.add(text, Surface("demonym", country.iso3))
    for capital in (country.capital, *country.capital_aliases):
        if capital:
            gaz.add(capital, Surface("capital", country.iso3))
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


def add_places(gaz: Gazetteer, data: dict[str, Any]) -> None:
    """Register cities (own names before alternate names, most populous first) and venues."""
    rows = [(City(name, iso3), aliases) for name, iso3, aliases in data["cities"]]
    for city, _ in rows:
        gaz.cities.setdefault(city.name, city)
    for city, aliases in rows:
        for alias in aliases:
            gaz.cities.setdefault(alias, city)
    for text, city in gaz.cities.items():
        gaz.cities_folded.setdefault(text.casefold(), city)
    for row in data["venues"]:
        venue = Venue(row["name"], row["city"], row["iso3"])
        gaz.venues[venue.name] = venue
        if not gaz.surfaces.get(venue.name):
            gaz.add(venue.name, Surface("venue", venue.name))
            gaz.add("the " + venue.name, Surface("venue", venue.name))


def add_bodies(gaz: Gazetteer, data: dict[str, Any]) -> None:
    """Register multilateral bodies: dated memberships, stable keys, extra surface forms."""
    for row in data["bodies"]:
        name = row["name"]
        gaz.org_keys[row["key"]] = name
        gaz.bodies[name] = tuple(
            Membership(m["iso3"], date.fromisoformat(m["since"]),
                       date.fromisoformat(m["until"]) if m["until"] else None)
            for m in row["members"])
        for text in row["surfaces"]:
            gaz.add(text, Surface("org", name))
    for name, rule in data["contextual"].items():
        reading = Contextual(name, rule["requires_country"], rule["requires_word"])
        for text in rule["surfaces"]:
            gaz.surfaces[text] = [Surface("contextual", name)]
            gaz.contextual[text] = reading


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Build the gazetteer once per process from the data files."""
    gaz = Gazetteer()
    countries = read_json("countries.json")
    for row in countries["countries"] + countries["historic"]:
        add_country(gaz, to_country(row))
    add_organizations(gaz, read_json("organizations.json"))
    add_bodies(gaz, read_json("bodies.json"))
    add_places(gaz, read_json("places.json"))
    titles = read_json("titles.json")
    gaz.titles = tuple(sorted(titles["titles"], key=len, reverse=True))
    gaz.org_titles = frozenset(titles["org_titles"])
    gaz.title_countries = {t.lower(): gaz.countries[c].name
                           for t, c in titles["title_countries"].items()}
    return gaz


def members(key: str, on: date | None = None) -> tuple[str, ...]:
    """ISO alpha-3 codes of a body's members on a day (default today): `members("org:g8",
    date(2010, 1, 1))`; `key` may also be the organisation's name ("G8")."""
    return load_gazetteer().members_on(key, on or date.today())
