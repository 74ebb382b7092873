"""A synthetic world of diplomatic news as `Extraction` records, for the scale benchmarks.

Every current country takes part, popular ones far more often (Zipf-like weights); each meeting
has two or three countries, one or two of their officials, a capital as its place, a day in a
ten-year window and sometimes an issue. Articles report meetings: every meeting at least once,
many twice or more (several outlets), and each article mentions a few more countries besides.
Deterministic for a seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from bench.corpus import FIRST, LAST
from graph.records import Entity, Extraction, Issue, Meeting, Participant, Role
from reference.gazetteer import Country, load_gazetteer

KINDS = ("talks", "summit", "visit", "phone_call", "meeting", "negotiation")
TITLES = ("Foreign Minister", "President", "Prime Minister", "Defence Minister",
          "Trade Minister", "Ambassador", "Deputy Foreign Minister")
ISSUES = tuple(f"{topic} {n}" for topic in ("trade dispute", "border talks", "sanctions",
                                            "climate accord", "arms control", "fisheries",
                                            "energy deal", "refugee crisis") for n in range(30))
START = date(2015, 1, 1)
DAYS = 3652


@dataclass(frozen=True)
class Person:
    name: str
    country: Country
    title: str


@dataclass(frozen=True)
class SynthMeeting:
    countries: tuple[Country, ...]
    people: tuple[Person, ...]
    day: date
    kind: str
    issue: str | None


@dataclass(frozen=True)
class World:
    countries: list[Country]
    weights: list[float]
    people: dict[str, list[Person]]  # iso3 -> officials
    meetings: list[SynthMeeting]


def build_world(n_meetings: int, n_people: int, seed: int) -> World:
    """Countries with weights, officials per country, and the meetings."""
    rng = random.Random(seed)
    countries = sorted((c for c in load_gazetteer().countries.values()
                        if c.valid_until is None and c.capital), key=lambda c: c.iso3)
    rng.shuffle(countries)
    weights = [1.0 / (rank + 1) ** 0.8 for rank in range(len(countries))]
    people: dict[str, list[Person]] = {c.iso3: [] for c in countries}
    names: set[str] = set()
    while len(names) < n_people:
        name = f"{rng.choice(FIRST)} {chr(65 + rng.randrange(26))}. {rng.choice(LAST)}"
        if name not in names:
            names.add(name)
            country = rng.choices(countries, weights)[0]
            people[country.iso3].append(Person(name, country, rng.choice(TITLES)))
    meetings = [_meeting(rng, countries, weights, people) for _ in range(n_meetings)]
    return World(countries, weights, people, meetings)


def _meeting(rng: random.Random, countries: list[Country], weights: list[float],
             people: dict[str, list[Person]]) -> SynthMeeting:
    sides: list[Country] = []
    while len(sides) < (3 if rng.random() < 0.2 else 2):
        pick = rng.choices(countries, weights)[0]
        if pick not in sides:
            sides.append(pick)
    officials = [rng.choice(people[c.iso3]) for c in sides[:2] if people[c.iso3]]
    return SynthMeeting(tuple(sides), tuple(officials[: rng.randint(1, 2)]),
                        START + timedelta(days=rng.randrange(DAYS)), rng.choice(KINDS),
                        rng.choice(ISSUES) if rng.random() < 0.3 else None)


def sentence(m: SynthMeeting) -> str:
    who = " and ".join(c.name for c in m.countries)
    return f"Officials of {who} held {m.kind} in {m.countries[0].capital} on {m.day}."


def extraction(m: SynthMeeting, extra: list[Country], version: str) -> Extraction:
    """What an article reporting meeting m (and mentioning `extra` countries) yields."""
    text = sentence(m)
    place, host = m.countries[0].capital or "", m.countries[0]
    entities = [Entity(name=c.name, type="Country", iso3=c.iso3, aliases=c.demonyms[:1])
                for c in dict.fromkeys([*m.countries, *extra])]
    entities += [Entity(name=p.name, type="Person", country=p.country.name,
                        aliases=(p.name.split()[-1],)) for p in m.people]
    entities.append(Entity(name=place, type="City", country=host.name))
    participants = [Participant(name=c.name, type="Country") for c in m.countries]
    participants += [Participant(name=p.name, type="Person") for p in m.people]
    meeting = Meeting(evidence=text, start=0, end=len(text), participants=tuple(participants),
                      countries=tuple(c.name for c in m.countries), location=place,
                      location_country=host.name, date=m.day.isoformat(),
                      date_precision="day", kind=m.kind,
                      confidence=0.9, issues=(m.issue,) if m.issue else ())
    roles = tuple(Role(evidence=text, start=0, end=len(text), person=p.name, title=p.title,
                       country=p.country.name) for p in m.people)
    issues = (Issue(name=m.issue, countries=tuple(c.name for c in m.countries)),) if m.issue \
        else ()
    return Extraction(entities=tuple(entities), meetings=(meeting,), roles=roles, issues=issues,
                      extractor_version=version)


def article_meetings(world: World, n_articles: int, seed: int) -> list[int]:
    """Which meeting each article reports: every meeting once, then repeats of random ones."""
    rng = random.Random(seed + 1)
    order = list(range(len(world.meetings)))
    order += [rng.randrange(len(world.meetings)) for _ in range(n_articles - len(order))]
    rng.shuffle(order)
    return order[:n_articles]


def extras(world: World, rng: random.Random) -> list[Country]:
    """Countries an article mentions besides the meeting's sides."""
    return rng.choices(world.countries, world.weights, k=rng.randint(1, 3))
