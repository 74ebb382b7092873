"""An `Extraction` as the row dicts the fact-writing Cypher UNWINDs (pure, no database)."""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from graph.keys import entity_key, issue_key, lookup_name, meeting_key
from graph.records import Entity, Extraction, Meeting

Row = dict[str, Any]


def date_range(value: str | None) -> tuple[date | None, date | None]:
    """First and last day a YYYY-MM-DD | YYYY-MM | YYYY date may mean (None when unparseable)."""
    if not value:
        return None, None
    try:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 3:
            day = date(*parts)
            return day, day
        if len(parts) == 2:
            last = calendar.monthrange(parts[0], parts[1])[1]
            return date(parts[0], parts[1], 1), date(parts[0], parts[1], last)
        return date(parts[0], 1, 1), date(parts[0], 12, 31)
    except (ValueError, TypeError):
        return None, None


@dataclass
class Resolver:
    """Maps the names an extraction uses to entity rows, creating rows for names it lacks."""

    entities: dict[str, Row] = field(default_factory=dict)  # key -> row
    by_name: dict[tuple[str, str], str] = field(default_factory=dict)  # (type, lname) -> key
    country_codes: Mapping[str, str] = field(default_factory=dict)  # lname -> ISO alpha-3

    def add(self, entity: Entity) -> str:
        country = self.country_key(entity.country) if entity.type == "City" else None
        key = entity.key or entity_key(entity.type, entity.name, entity.iso3, country)
        names = {lookup_name(n) for n in (entity.name, *entity.aliases)}
        if entity.iso3:
            names.add(lookup_name(entity.iso3))
        row = self.entities.setdefault(key, {"key": key, "type": entity.type, "name": entity.name,
                                             "iso3": entity.iso3, "aliases": [], "names": []})
        row["aliases"] = sorted(set(row["aliases"]) | set(entity.aliases))
        row["names"] = sorted(set(row["names"]) | names)
        for name in names:
            self.by_name.setdefault((entity.type, name), key)
        if entity.type == "City" and country:
            row["country"] = country
        return key

    def key(self, type_: str, name: str) -> str:
        found = self.by_name.get((type_, lookup_name(name)))
        iso3 = self.country_codes.get(lookup_name(name)) if type_ == "Country" else None
        return found or self.add(Entity(name=name, type=type_, iso3=iso3))

    def country_key(self, name: str | None) -> str | None:
        return self.key("Country", name) if name else None

    def place_key(self, name: str | None, country: str | None) -> str | None:
        if not name:
            return None
        for type_ in ("City", "Country"):
            if (type_, lookup_name(name)) in self.by_name:
                return self.by_name[(type_, lookup_name(name))]
        return self.add(Entity(name=name, type="City", country=country))


def meeting_row(meeting: Meeting, names: Resolver) -> Row:
    participants: dict[str, tuple[str, float]] = {}
    for p in meeting.participants:
        key = names.key(p.type, p.name)
        _, known = participants.get(key, (p.role, 0.0))
        rated = meeting.confidence if p.confidence is None else p.confidence
        participants[key] = (p.role, max(known, rated))
    countries = [names.key("Country", c) for c in meeting.countries]
    for key in countries:
        participants.setdefault(key, ("participant", meeting.confidence))
    sides = "|".join(sorted(set(countries) or set(participants)))
    place = names.place_key(meeting.location, meeting.location_country)
    start, end = date_range(meeting.date)
    return {
        "key": meeting_key(sides, meeting.date, place), "sides": sides, "place": place,
        "date": meeting.date if start else None,
        "date_precision": meeting.date_precision if start else None,
        "date_start": start, "date_end": end, "kind": meeting.kind, "status": meeting.status,
        "evidence": meeting.evidence, "start": meeting.start, "end": meeting.end,
        "confidence": meeting.confidence,
        "participants": [{"key": k, "role": r, "confidence": c}
                         for k, (r, c) in sorted(participants.items())],
        "issues": sorted({issue_key(i) for i in meeting.issues}),
    }


@dataclass(frozen=True)
class FactRows:
    """Everything the writer sends for one article."""

    entities: list[Row]
    cities: list[Row]
    issues: list[Row]
    meetings: list[Row]
    roles: list[Row]
    allies: list[Row]
    no_relations: list[Row]

    @property
    def participant_keys(self) -> list[str]:
        return sorted({p["key"] for m in self.meetings for p in m["participants"]})


def span(record: Any) -> Row:
    return {"evidence": record.evidence, "start": record.start, "end": record.end}


def to_rows(extraction: Extraction, country_codes: Mapping[str, str] | None = None) -> FactRows:
    """The rows for one extraction; every name it uses ends up an entity the article mentions.

    `country_codes` (lower-cased name → ISO alpha-3) keys countries the extraction names without
    an Entity record, so "China" is `CHN` even when only a city's country says so.
    """
    names = Resolver(country_codes=country_codes or {})
    for entity in sorted(extraction.entities, key=lambda e: e.type != "Country"):
        names.add(entity)
    issue_names = {i.name for i in extraction.issues} | {n for m in extraction.meetings
                                                          for n in m.issues}
    issues = {issue_key(n): {"key": issue_key(n), "name": n, "countries": []}
              for n in sorted(issue_names)}
    for issue in extraction.issues:
        countries = [names.key("Country", c) for c in issue.countries]
        issues[issue_key(issue.name)]["countries"] = sorted(set(countries))
    meetings = [meeting_row(m, names) for m in extraction.meetings]
    roles = [{**span(r), "person": names.key("Person", r.person), "title": r.title,
              "country": r.country, "target": _role_target(r.country, names),
              "confidence": r.confidence}
             for r in extraction.roles]
    relations = {t: [{**span(r), "a": names.key("Country", r.a), "b": names.key("Country", r.b)}
                     for r in extraction.relations if r.type == t]
                 for t in ("ALLY_OF", "NO_DIPLOMATIC_RELATIONS")}
    entities = sorted(names.entities.values(), key=lambda r: str(r["key"]))
    cities = [{"city": r["key"], "country": r["country"]} for r in entities if r.get("country")]
    return FactRows(entities, cities, list(issues.values()), meetings, roles,
                    relations["ALLY_OF"], relations["NO_DIPLOMATIC_RELATIONS"])


def _role_target(country: str | None, names: Resolver) -> str | None:
    if not country:
        return None
    if ("Organization", lookup_name(country)) in names.by_name:
        return names.by_name[("Organization", lookup_name(country))]
    return names.key("Country", country)
