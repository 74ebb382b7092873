"""A question by name in one statement (the alias resolved inside the query, issue 13) answers
exactly what resolving the name first (graph/names.py) and then asking by key answered: for
names, aliases, ISO codes, ids, surnames, and the same errors for unknown names."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date
from typing import Any

import neo4j
import pytest

from graph.articles import ArticleStore
from graph.cypher import reads as q
from graph.keys import lookup_name
from graph.names import Names, Resolved, UnknownName
from graph.records import Entity, Participant
from graph.values import plain
from graph.views import (
    BY_NAME,
    Counterparts,
    Dyad,
    GraphViews,
    Meetings,
    Page,
    Paths,
    Window,
    who_met_whom_cypher,
)
from graph.writer import LATEST_KEPT, write_extraction
from tests.service.factories import article, extraction, meeting

pytestmark = pytest.mark.neo4j

# Invented people: two share a surname, one bears his alone, one is called as a country is.
ENVOY = Entity(name="Arno Velde", type="Person", country="Japan")
ARCHIVIST = Entity(name="Mira Velde", type="Person", country="China")
MINISTER = Entity(name="Tomas Quillan", type="Person", country="North Korea")
NAMESAKE = Entity(name="Chad", type="Person", country="Japan")

TYPED = ["Japan", "japan", "  JAPAN ", "Japanese", "DPRK", "North Korean", "PRK", "JPN",
         "person:kim-jong-un", "Kim", "kim jong un", "Tomas Quillan", "quillan", "Velde",
         "Chad", "Atlantis", "Japn", "France", "", "Beijing"]
WINDOWS = [(Window(), 3), (Window(), LATEST_KEPT + 1), (Window(since=date(2012, 1, 1)), 3),
           (Window(until=date(2013, 12, 31)), 2), (Window(kind="talks"), 3),
           (Window(min_confidence=0.5), 3)]


@pytest.fixture
def named(empty_graph: neo4j.Driver) -> neo4j.Driver:
    a, b = article(1), article(2)
    ArticleStore(empty_graph).store([a, b])
    talks = meeting().model_copy(update={"participants": (
        *meeting().participants, *(Participant(name=p.name, type="Person")
                                   for p in (ENVOY, MINISTER, NAMESAKE)))})
    facts = extraction(talks, meeting(("Japan", "Chad"), "2013-05-02", start=100),
                       meeting(("China", "North Korea"), "2014", "year", start=200))
    write_extraction(empty_graph, a.id, facts.model_copy(update={
        "entities": (*facts.entities, ENVOY, ARCHIVIST, MINISTER, NAMESAKE)}))
    write_extraction(empty_graph, b.id, extraction(meeting(("China", "Japan"), None, None)))
    return empty_graph


def outcome(ask: Callable[..., Any], *args: Any) -> Any:
    """The answer to ask(*args) as plain data, or the error (its message and suggestions)."""
    try:
        got = ask(*args)
    except UnknownName as exc:
        return ("unknown", str(exc), exc.suggestions)
    return dataclasses.asdict(got) if dataclasses.is_dataclass(got) else got


class Resolving:
    """The questions as they were asked before: each name resolved first, then the query by key."""

    def __init__(self, driver: neo4j.Driver) -> None:
        self.driver, self.names, self.views = driver, Names(driver), GraphViews(driver)

    def who_met_whom(self, name: str, window: Window, items: int) -> Counterparts:
        e = self.names.resolve(name)
        row = self.views.one(who_met_whom_cypher(window, items), key=e.key, skip=0, limit=50,
                             items=items, **window.params())
        got = row or {"total": 0, "counterparts": []}
        return Counterparts(e, got["counterparts"], got["total"])

    def dyad(self, a: str, b: str) -> Dyad:
        x, y = self.names.resolve(a), self.names.resolve(b)
        got = self.views.one(q.DYAD, a=x.key, b=y.key, limit=50, min_confidence=None)
        assert got is not None
        return Dyad(x, y, got["met_with"], got["relations"], got["issues"], got["timeline"],
                    got["timeline_count"])

    def paths(self, a: str, b: str) -> Paths:
        x, y = self.names.resolve(a), self.names.resolve(b)
        if x.key == y.key:
            return Paths(x, y, [])
        rows = self.driver.execute_query(q.PATH, a=x.key, b=y.key, hops=4, limit=10).records
        return Paths(x, y, [plain(r["path"]) for r in rows])

    def meetings(self, participants: list[str], place: str | None, window: Window) -> Meetings:
        who = [self.names.resolve(p) for p in participants]
        where = self.names.resolve(place) if place else None
        got = self.views.one(q.MEETINGS, keys=[w.key for w in who],
                             place=where.key if where else None, skip=0, limit=50,
                             **window.params())
        assert got is not None
        return Meetings(who, where, got["meetings"], got["total"])

    def profile(self, name: str) -> dict[str, Any]:
        row = self.views.one(q.PROFILE, key=name, limit=20)
        row = row or self.views.one(q.PROFILE, key=self.names.resolve(name).key, limit=20)
        return dict(row["profile"]) if row else {}


def test_who_met_whom_by_name_answers_as_resolving_first(named: neo4j.Driver) -> None:
    views, before = GraphViews(named), Resolving(named)
    for window, items in WINDOWS:
        for name in TYPED:
            now = outcome(views.who_met_whom, name, window, Page(), items)
            assert now == outcome(before.who_met_whom, name, window, items), (name, window)


def test_dyad_path_and_profile_by_name_answer_as_resolving_first(named: neo4j.Driver) -> None:
    views, before = GraphViews(named), Resolving(named)
    pairs = [(a, b) for a in TYPED[::3] for b in TYPED[1::4]] + [("Japan", "japan")]
    for a, b in pairs:
        assert outcome(views.dyad, a, b) == outcome(before.dyad, a, b), (a, b)
        assert outcome(views.paths, a, b, 4, 10) == outcome(before.paths, a, b), (a, b)
    for name in TYPED:
        assert outcome(views.profile, name) == outcome(before.profile, name), name


def test_meetings_by_names_answer_as_resolving_first(named: neo4j.Driver) -> None:
    views, before = GraphViews(named), Resolving(named)
    groups = [[], ["Japan"], ["japan", "DPRK"], ["North Korea", "Kim", "China"], ["PRK"],
              ["Japan", "quillan"], ["Japan", "Atlantis"], ["Velde"], ["Chad", "Japan"]]
    for who in groups:
        for place in [None, "Beijing", "china", "Atlantis", "Japan"]:
            for window, _ in WINDOWS:
                assert outcome(views.meetings, who, place, window, Page()) == outcome(
                    before.meetings, who, place, window), (who, place, window)


def test_an_alias_resolves_inside_the_statement_as_names_resolves_it(
        named: neo4j.Driver) -> None:
    """The one-statement path is the one taken for aliases (a country before a person of the
    same name), and returns no row, so the names are resolved as before, for what is no alias."""
    views, names = GraphViews(named), Names(named)
    params = {"skip": 0, "limit": 50, "items": 3, **Window().params()}
    for typed, type_ in [("Japan", "Country"), ("dprk", "Country"), ("Chad", "Country"),
                         ("Kim", "Person"), ("tomas quillan", "Person")]:
        for query in BY_NAME.values():
            row = views.one(query, name=lookup_name(typed), **params)
            assert row is not None and Resolved(**row["entity"]) == names.resolve(typed)
            assert row["entity"]["type"] == type_, typed
    assert named.execute_query("MATCH (:Alias {name: 'chad'})-[:NAMES]->(p:Person) "
                               "RETURN p.name AS name").records[0]["name"] == "Chad"
    for typed in ["quillan", "Atlantis", "person:kim-jong-un", ""]:
        for query in BY_NAME.values():
            assert views.one(query, name=lookup_name(typed), **params) is None, typed
        assert views.one(q.PATH_BY_NAME, a_name=lookup_name(typed), b_name="japan", hops=4,
                         limit=10) is None
