"""The read views against the real Neo4j, over facts written by the writer."""

from __future__ import annotations

import neo4j
import pytest
from fastapi.testclient import TestClient

from graph.articles import ArticleStore
from graph.names import Names, Resolved, UnknownName
from graph.records import Participant
from graph.views import GraphViews, Page, Window, meetings_of
from graph.writer import write_extraction
from tests.service.factories import article, extraction, meeting


@pytest.fixture
def loaded(empty_graph: neo4j.Driver) -> neo4j.Driver:
    a1, a2 = article(1, url="https://example.org/a1"), article(2)
    ArticleStore(empty_graph).store([a1, a2])
    write_extraction(empty_graph, a1.id, extraction(meeting()))
    write_extraction(empty_graph, a2.id, extraction(meeting(("China", "North Korea"), "2013-05")))
    return empty_graph


def test_names_resolve_through_aliases(loaded: neo4j.Driver) -> None:
    names = Names(loaded)
    for name in ("North Korea", "dprk", "North Korean", "Pyongyang", "PRK"):
        assert names.resolve(name).key == "PRK"
    with pytest.raises(UnknownName) as err:
        names.resolve("North Koreaa")
    assert "north korea" in err.value.suggestions


def test_who_met_whom(loaded: neo4j.Driver) -> None:
    got = GraphViews(loaded).who_met_whom("Japan", Window(), Page())
    assert (got.entity.key, got.total) == ("JPN", 1)
    prk = got.counterparts[0]
    assert (prk["name"], prk["meetings"], prk["first"]) == ("North Korea", 1, "2012-08-29")
    item = meetings_of(prk["items"])[0]
    assert item["place"]["name"] == "Beijing" and item["reports"][0]["url"]


def test_meetings_dyad_profile_path_search(loaded: neo4j.Driver) -> None:
    views = GraphViews(loaded)
    assert views.meetings(["JPN", "PRK"], None, Window(), Page()).total == 1
    beijing = views.meetings(["dprk"], "Beijing", Window(), Page())
    assert (beijing.total, beijing.place) == (2, Resolved("city:chn:beijing", "Beijing", "City"))
    assert views.meetings(["PRK"], None, Window(kind="summit"), Page()).total == 0
    dyad = views.dyad("Japan", "North Korea")
    assert (dyad.a.key, dyad.b.key) == ("JPN", "PRK")
    assert dyad.met_with and dyad.met_with["meetings"] == 1 and "abductions" in dyad.issues
    assert dyad.relations[0]["type"] == "NO_DIPLOMATIC_RELATIONS"
    profile = views.profile("PRK")
    assert profile is not None and profile["meeting_count"] == 2
    assert {c["name"] for c in profile["counterparts"]} == {"Japan", "China"}
    assert all(len(m["participants"]) == 2 for m in meetings_of(profile["meetings"]))
    paths = views.paths("JPN", "China", hops=3, limit=5)
    assert [n["id"] for n in paths.paths[0]][::2] == ["JPN", "PRK", "CHN"]
    assert views.paths("dprk", "North Korea", hops=3, limit=5).paths == []  # one entity: no query
    found = views.search(" KOR ", None, Page())  # as typed: the view makes it a lookup name
    assert {e["id"] for e in found.entities} >= {"PRK", "KOR"}
    with pytest.raises(UnknownName):
        views.dyad("Japan", "North Koreaa")


JPN_PRK_DATES = ("2012-08-29", "2013-01-10", "2014-03-02", "2015-07-07")


@pytest.fixture
def busy(empty_graph: neo4j.Driver) -> neo4j.Driver:
    """Japan and North Korea met four times (one article), China and North Korea once."""
    a1, a2 = article(1), article(2)
    ArticleStore(empty_graph).store([a1, a2])
    write_extraction(empty_graph, a1.id, extraction(*(meeting(date=d, start=100 * i)
                                                for i, d in enumerate(JPN_PRK_DATES))))
    write_extraction(empty_graph, a2.id, extraction(meeting(("China", "North Korea"), "2013-05")))
    return empty_graph


def test_who_met_whom_lists_the_latest_items(busy: neo4j.Driver) -> None:
    views = GraphViews(busy)
    for items, dates in ((0, ()), (1, JPN_PRK_DATES[-1:]), (3, JPN_PRK_DATES[1:]),
                         (50, JPN_PRK_DATES)):
        prk = views.who_met_whom("JPN", Window(), Page(), items).counterparts[0]
        assert tuple(m["date"] for m in meetings_of(prk["items"])) == dates  # latest, oldest first
        assert (prk["meetings"], prk["first"], prk["last"]) == (4, "2012-08-29", "2015-07-07")


def test_dyad_timeline_is_the_latest_meetings(busy: neo4j.Driver) -> None:
    views = GraphViews(busy)
    for limit, dates in ((1, JPN_PRK_DATES[-1:]), (2, JPN_PRK_DATES[2:]), (50, JPN_PRK_DATES)):
        dyad = views.dyad("JPN", "PRK", limit)
        assert tuple(m["date"] for m in meetings_of(dyad.timeline)) == dates
        assert dyad.met_with and dyad.timeline_count == dyad.met_with["meetings"] == 4


def test_items_and_timeline_limit_over_http(busy: neo4j.Driver, client: TestClient) -> None:
    who = client.get("/who-met-whom", params={"name": "Japan"}).json()
    assert who["items"] == 3 and len(who["counterparts"][0]["items"]) == 3
    who = client.get("/who-met-whom", params={"name": "Japan", "items": 0}).json()
    assert who["counterparts"][0]["items"] == [] and who["counterparts"][0]["meetings"] == 4
    for bad in (-1, 51):
        assert client.get("/who-met-whom", params={"name": "Japan", "items": bad}
                          ).status_code == 422
    dyad = client.get("/relations", params={"a": "Japan", "b": "DPRK", "limit": 1}).json()
    assert [m["date"] for m in dyad["timeline"]] == ["2015-07-07"]
    assert (dyad["timeline_count"], dyad["limit"]) == (4, 1)
    assert len(client.get("/relations", params={"a": "Japan", "b": "DPRK"}).json()["timeline"]) == 4
    for bad in (0, 501):
        assert client.get("/relations", params={"a": "Japan", "b": "DPRK", "limit": bad}
                          ).status_code == 422


def test_who_met_whom_country_lists_no_person_person_lists_delegations(
        empty_graph: neo4j.Driver) -> None:
    """Kim meets Japan's delegation twice (once undated): North Korea's counterparts are
    countries only; Kim's are the delegations he met, not the country he leads."""
    kim = Participant(name="Kim Jong Un", type="Person")
    dated = meeting(date="2014-03-02").model_copy(
        update={"participants": (*meeting().participants, kim)})
    undated = meeting(date=None, precision=None, start=200).model_copy(
        update={"participants": (*meeting().participants, kim)})
    a1 = article(1)
    ArticleStore(empty_graph).store([a1])
    write_extraction(empty_graph, a1.id, extraction(meeting(), dated, undated))
    views = GraphViews(empty_graph)
    prk = views.who_met_whom("PRK", Window(), Page(), 50)
    assert [(c["id"], c["meetings"], c["first"], c["last"]) for c in prk.counterparts] == [
        ("JPN", 3, "2012-08-29", "2014-03-02")]  # the undated meeting counts, dates skip it
    assert [m["date"] for m in meetings_of(prk.counterparts[0]["items"])] == [
        "2012-08-29", "2014-03-02", None]
    kim_key = Names(empty_graph).resolve("Kim Jong Un").key
    assert (views.profile(kim_key) or {}).get("meeting_count") == 2
    # Kim's own side is the country he leads (HOLDS_ROLE): he is listed with Japan's delegation only
    kim = views.who_met_whom("Kim Jong Un", Window(), Page(), 50)
    assert kim.entity.key == kim_key
    assert [(c["id"], c["type"], c["meetings"], c["first"], c["last"])
            for c in kim.counterparts] == [("JPN", "Country", 2, "2014-03-02", "2014-03-02")]
