"""The read views against the real Neo4j, over facts written by the writer."""

from __future__ import annotations

import neo4j
import pytest

from graph.names import Names, UnknownName
from graph.queries import GraphQueries, Page, Window
from graph.queue import ArticleStore
from graph.writer import write_extraction
from tests.service.factories import article, extraction, meeting


@pytest.fixture
def loaded(graph: neo4j.Driver) -> neo4j.Driver:
    a1, a2 = article(1, url="https://example.org/a1"), article(2)
    ArticleStore(graph).store([a1, a2])
    write_extraction(graph, a1.id, extraction(meeting()))
    write_extraction(graph, a2.id, extraction(meeting(("China", "North Korea"), "2013-05")))
    return graph


def test_names_resolve_through_aliases(loaded: neo4j.Driver) -> None:
    names = Names(loaded)
    for name in ("North Korea", "dprk", "North Korean", "Pyongyang", "PRK"):
        assert names.resolve(name).key == "PRK"
    with pytest.raises(UnknownName) as err:
        names.resolve("North Koreaa")
    assert "north korea" in err.value.suggestions


def test_who_met_whom(loaded: neo4j.Driver) -> None:
    got = GraphQueries(loaded).who_met_whom("JPN", Window(), Page())
    assert got["total"] == 1
    prk = got["counterparts"][0]
    assert (prk["name"], prk["meetings"], prk["first"]) == ("North Korea", 1, "2012-08-29")
    item = prk["items"][0]
    assert item["place"]["name"] == "Beijing" and item["reports"][0]["url"]


def test_meetings_dyad_profile_path_search(loaded: neo4j.Driver) -> None:
    queries = GraphQueries(loaded)
    assert queries.meetings(["JPN", "PRK"], None, Window(), Page())["total"] == 1
    assert queries.meetings(["PRK"], "city:chn:beijing", Window(), Page())["total"] == 2
    assert queries.meetings(["PRK"], None, Window(kind="summit"), Page())["total"] == 0
    dyad = queries.dyad("JPN", "PRK")
    assert dyad["met_with"]["meetings"] == 1 and "abductions" in dyad["issues"]
    assert dyad["relations"][0]["type"] == "NO_DIPLOMATIC_RELATIONS"
    profile = queries.profile("PRK")
    assert profile is not None and profile["meeting_count"] == 2
    assert {c["name"] for c in profile["counterparts"]} == {"Japan", "China"}
    assert all(len(m["participants"]) == 2 for m in profile["meetings"])
    paths = queries.paths("JPN", "CHN", hops=3, limit=5)
    assert [n["id"] for n in paths[0]][::2] == ["JPN", "PRK", "CHN"]
    found = queries.search("kor", None, Page())
    assert {e["id"] for e in found["entities"]} >= {"PRK", "KOR"}
