"""The who-met-whom answer read from MET_WITH equals the one recomputed from the meetings, with
and without a date window, and what MET_WITH keeps for them stays exact through rewrites."""

from __future__ import annotations

from datetime import date
from typing import Any

import neo4j
import pytest

from graph.articles import ArticleStore
from graph.cypher import reads as q
from graph.records import Extraction, Meeting, Participant
from graph.schema import backfill_met_with
from graph.views import Counterparts, GraphViews, Page, Window, meetings_of, who_met_whom_cypher
from graph.writer import LATEST_KEPT, write_extraction
from tests.service.factories import article, extraction, meeting
from tests.service.graphcheck import assert_met_with_consistent

pytestmark = pytest.mark.neo4j

EMPTY = {"total": 0, "counterparts": []}
# More Japan-North Korea meetings than MET_WITH keeps, so `latest` is cut
MANY = 3 + LATEST_KEPT


def _many_dates() -> list[str]:
    return [f"{2000 + i // 12}-{1 + i % 12:02d}-15" for i in range(MANY)]


@pytest.fixture
def mixed(empty_graph: neo4j.Driver) -> neo4j.Driver:
    """Several countries and a person; dated, month- and year-precision and undated meetings,
    two starting the same day at different precisions; a pair with more meetings than MET_WITH
    keeps; one article rewritten (so MET_WITH is recomputed, not only created)."""
    kim = Participant(name="Kim Jong Un", type="Person")
    with_kim = meeting(date="2014-03-02", start=300).model_copy(
        update={"participants": (*meeting().participants, kim)})
    undated = meeting(date=None, precision=None, start=200)
    a1, a2, a3, a4 = article(1), article(2), article(3), article(4)
    ArticleStore(empty_graph).store([a1, a2, a3, a4])
    write_extraction(empty_graph, a1.id, extraction(meeting(), undated, with_kim))
    write_extraction(empty_graph, a2.id, extraction(
        meeting(("China", "North Korea"), "2013-05"),
        meeting(("China", "Japan"), "2013-05-02", start=100),
        meeting(("China", "Japan", "North Korea"), "2016-01-09", start=200),
        meeting(("China", "Japan", "South Korea"), "2016-01", "month", start=300),
        meeting(("China", "Japan", "South Korea", "North Korea"), "2016-01-01", start=400)))
    write_extraction(empty_graph, a3.id, extraction(meeting(("China", "Russia"), "2011")))
    write_extraction(empty_graph, a3.id, extraction(meeting(("China", "Russia"), "2012-02-02"),
                                              meeting(("Japan", "Russia"), "2012", "year")))
    write_extraction(empty_graph, a4.id, extraction(*(meeting(date=d, place=None, start=10 * i)
                                                for i, d in enumerate(_many_dates()))))
    return empty_graph


def latest_stored(driver: neo4j.Driver) -> dict[tuple[str, str], list[str]]:
    rows = driver.execute_query("MATCH (x)-[w:MET_WITH]->(y) "
                                "RETURN x.key AS x, y.key AS y, w.latest AS latest").records
    return {(r["x"], r["y"]): r["latest"] for r in rows}


def latest_expected(driver: neo4j.Driver) -> dict[tuple[str, str], list[str]]:
    """Every MET_WITH pair's latest shared meetings, sorted in Python from all of them."""
    rows = driver.execute_query("""
        MATCH (x)-[:MET_WITH]->(y)
        MATCH (x)-[:PARTICIPATED_IN]->(m:Meeting)<-[:PARTICIPATED_IN]-(y)
        RETURN x.key AS x, y.key AS y, collect([m.date_start, m.key]) AS ms""").records

    def order(item: list[Any]) -> tuple[bool, Any, str]:
        return (item[0] is None, item[0] or "", item[1])  # undated last

    return {(r["x"], r["y"]): [k for _, k in sorted(r["ms"], key=order)][-LATEST_KEPT:]
            for r in rows}


def assert_latest_exact(driver: neo4j.Driver) -> None:
    stored = latest_stored(driver)
    assert stored == latest_expected(driver)
    assert max(len(v) for v in stored.values()) == LATEST_KEPT  # the cut is exercised


def answer(got: Counterparts) -> dict[str, Any]:
    return {"total": got.total, "counterparts": got.counterparts}


def compare_all(driver: neo4j.Driver) -> int:
    """STORED against the recomputation for every entity, page and items count; returns how
    many non-empty answers were compared."""
    queries = GraphViews(driver)
    keys = [r["k"] for r in driver.execute_query("MATCH (e:Entity) RETURN e.key AS k").records]
    assert len(keys) >= 6
    compared = 0
    for key in keys:
        for page in (Page(), Page(0, 1), Page(1, 2), Page(5, 5)):
            for items in (0, 1, 3, LATEST_KEPT):
                params = {"key": key, "skip": page.skip, "limit": page.limit, "items": items,
                          **Window().params()}
                stored = queries.one(q.WHO_MET_WHOM_STORED, **params) or EMPTY
                recomputed = queries.one(q.WHO_MET_WHOM, **params) or EMPTY
                assert stored == recomputed, (key, page, items)
                assert answer(queries.who_met_whom(key, Window(), page, items)) == recomputed
                compared += bool(recomputed["counterparts"])
    return compared


def test_stored_who_met_whom_equals_the_recomputation(mixed: neo4j.Driver) -> None:
    assert_met_with_consistent(mixed)
    assert_latest_exact(mixed)
    assert compare_all(mixed) > 40
    jpn = GraphViews(mixed).who_met_whom("JPN", Window(), Page(), LATEST_KEPT)
    prk = jpn.counterparts[0]
    assert prk["id"] == "PRK" and prk["meetings"] == MANY + 5
    items = meetings_of(prk["items"])
    assert len(items) == LATEST_KEPT and items[-1]["date"] is None  # undated last


def test_latest_stays_exact_through_rewrites_and_reruns(mixed: neo4j.Driver) -> None:
    before = latest_stored(mixed)
    a1 = article(1)
    # The same facts again change nothing; then article 1 loses its meetings, article 4 most
    write_extraction(mixed, a1.id, extraction(meeting(), meeting(date=None, precision=None,
                                                                 start=200),
                                              meeting(date="2014-03-02", start=300).model_copy(
        update={"participants": (*meeting().participants,
                                 Participant(name="Kim Jong Un", type="Person"))})))
    assert latest_stored(mixed) == before
    write_extraction(mixed, a1.id, extraction(meeting(("China", "Russia"), "2019-09-09")))
    write_extraction(mixed, article(4).id, extraction(*(
        meeting(date=d, place=None, start=10 * i) for i, d in enumerate(_many_dates()[:5]))))
    assert latest_stored(mixed) != before
    assert_met_with_consistent(mixed)
    assert latest_stored(mixed) == latest_expected(mixed)
    assert compare_all(mixed) > 30


def test_backfill_restores_what_an_older_release_left_out(mixed: neo4j.Driver) -> None:
    before = latest_stored(mixed)
    mixed.execute_query("MATCH ()-[w:MET_WITH]->() REMOVE w.latest")
    assert backfill_met_with(mixed, batch=3) == len(before)
    assert latest_stored(mixed) == before
    assert backfill_met_with(mixed) == 0
    assert_met_with_consistent(mixed)  # the views too


def test_windows_and_confidence_use_the_recomputation(mixed: neo4j.Driver) -> None:
    """A window, a kind or a confidence cut counts only the meetings in it (not MET_WITH)."""
    queries = GraphViews(mixed)
    got = queries.who_met_whom("JPN", Window(since=date(2016, 1, 1)), Page(), 3)
    assert [(c["id"], c["meetings"]) for c in got.counterparts] == [
        ("CHN", 3), ("PRK", 2), ("KOR", 2)]
    assert answer(queries.who_met_whom("JPN", Window(min_confidence=0.95), Page(), 3)) == EMPTY
    assert answer(queries.who_met_whom("JPN", Window(kind="summit"), Page(), 3)) == EMPTY


# Days a window starts or ends on: inside a month, on its first and last day, on a meeting's
# day and either side of it, on year edges; around the `crowded` month and the `mixed` dates.
EDGES = [date(2002, 3, 14), date(2002, 3, 15), date(2002, 3, 16), date(2012, 1, 1),
         date(2012, 2, 2), date(2012, 2, 3), date(2013, 5, 1), date(2013, 5, 2),
         date(2013, 5, 31), date(2016, 1, 1), date(2016, 1, 9), date(2016, 1, 10),
         date(2018, 5, 31), date(2018, 6, 1), date(2018, 6, 3), date(2018, 6, 4),
         date(2018, 6, 17), date(2018, 6, 18), date(2018, 6, 28), date(2018, 6, 30),
         date(2018, 7, 1), date(2018, 12, 31), date(2019, 1, 1)]


def windows() -> list[Window]:
    """Every ordered pair of EDGES, and each edge as a since-only and an until-only window."""
    both = [Window(since=s, until=u) for s in EDGES for u in EDGES if s <= u]
    return both + [Window(since=d) for d in EDGES] + [Window(until=d) for d in EDGES]


def crowded_meetings() -> tuple[Meeting, ...]:
    """Japan and China many times in June 2018 (days either side of a cut, a same-day pair, a
    month-precision one), either side of it, in the year, across the year's end; the United
    Nations at one (an organisation's counterparts)."""
    un = Participant(name="United Nations", type="Organization")
    jc = ("Japan", "China")
    with_un = meeting(jc, "2018-06-20", place=None, start=80)
    return (meeting(jc, "2018-05-31", place=None), meeting(jc, "2018-06-03", place=None, start=10),
            meeting(jc, "2018-06-17", place=None, start=20),
            meeting(("China", "Japan", "North Korea"), "2018-06-17", place=None, start=30),
            meeting(jc, "2018-06-28", place=None, start=40),
            meeting(("Japan", "China", "Russia"), "2018-06", "month", place=None, start=50),
            meeting(jc, "2018-07-01", place=None, start=60),
            meeting(("Japan", "China", "South Korea"), "2018", "year", place=None, start=70),
            with_un.model_copy(update={"participants": (*with_un.participants, un)}),
            meeting(jc, "2018-12-31", place=None, start=90),
            meeting(jc, "2019-01-01", place=None, start=100))


@pytest.fixture
def crowded(mixed: neo4j.Driver) -> neo4j.Driver:
    a5 = article(5)
    ArticleStore(mixed).store([a5])
    write_extraction(mixed, a5.id, extraction(*crowded_meetings()))
    return mixed


def compare_windows(driver: neo4j.Driver) -> tuple[int, set[str]]:
    """WHO_MET_WHOM_WINDOW against the recomputation for every entity and window (and some
    pages and items counts); returns how many non-empty answers were compared, and the ids of
    the entities they were for."""
    queries = GraphViews(driver)
    keys = [r["k"] for r in driver.execute_query("MATCH (e:Entity) RETURN e.key AS k").records]
    compared, who = 0, set()
    for n, window in enumerate(windows()):
        assert who_met_whom_cypher(window, 3) is q.WHO_MET_WHOM_WINDOW
        shapes = [(Page(), 3), (Page(1, 2), 1)] if n % 4 else [(Page(), 0), (Page(), LATEST_KEPT)]
        for key in keys:
            for page, items in shapes:
                params = {"key": key, "skip": page.skip, "limit": page.limit, "items": items,
                          **window.params()}
                stored = queries.one(q.WHO_MET_WHOM_WINDOW, **params) or EMPTY
                recomputed = queries.one(q.WHO_MET_WHOM, **params) or EMPTY
                assert stored == recomputed, (key, window, page, items)
                if recomputed["counterparts"]:
                    compared, who = compared + 1, who | {key}
    return compared, who


def test_windowed_who_met_whom_equals_the_recomputation(crowded: neo4j.Driver) -> None:
    compared, who = compare_windows(crowded)
    assert compared > 1500 and {"JPN", "CHN", "PRK", "KOR"} <= who, who
    assert any(k.startswith("org:") for k in who), who
    assert any(k.startswith("country:") for k in who), who  # Russia, no ISO code here
    queries = GraphViews(crowded)
    # June 2018 cut at both ends: the 4th-28th, with the month-precision, year and same-day ones
    june = queries.who_met_whom("JPN", Window(date(2018, 6, 4), date(2018, 6, 28)), Page(), 50)
    chn = june.counterparts[0]
    assert (chn["id"], chn["meetings"], chn["first"], chn["last"]) == (
        "CHN", 6, "2018", "2018-06-28")
    assert [m["date"] for m in meetings_of(chn["items"])] == [
        "2018", "2018-06", "2018-06-17", "2018-06-17", "2018-06-20", "2018-06-28"]


def test_window_months_stay_exact_through_rewrites_and_removals(crowded: neo4j.Driver) -> None:
    a5 = article(5)
    kept = crowded_meetings()
    write_extraction(crowded, a5.id, extraction(*kept[::2]))  # every other one
    assert_met_with_consistent(crowded)
    assert compare_windows(crowded)[0] > 1000
    # article 2 retracted (no facts any more), article 5 rewritten again, article 3 re-dated
    write_extraction(crowded, article(2).id, Extraction(extractor_version="test-1"))
    write_extraction(crowded, a5.id, extraction(*kept[3:6],
                                                meeting(("Japan", "China"), "2018-06-04",
                                                        place=None, start=120)))
    write_extraction(crowded, article(3).id, extraction(meeting(("China", "Russia"), "2018-06"),
                                                        meeting(("Japan", "Russia"), "2018-06-30")))
    assert_met_with_consistent(crowded)
    assert compare_windows(crowded)[0] > 800


def test_backfill_gives_an_older_graph_its_months(crowded: neo4j.Driver) -> None:
    """A graph whose MET_WITH has `latest` but no months (the release before) is recomputed."""
    window = Window(date(2018, 6, 4), date(2018, 6, 28))
    views = GraphViews(crowded)
    before = answer(views.who_met_whom("JPN", window, Page(), 3))
    pairs = crowded.execute_query("MATCH ()-[w:MET_WITH]->() RETURN count(w) AS n").records[0]["n"]
    crowded.execute_query(
        "MATCH ()-[w:MET_WITH]->() REMOVE w.months, w.upto, w.month_first, w.month_last, "
        "w.dated, w.days, w.spanning, w.spanning_from, w.spanning_to, w.spanning_dates")
    assert answer(views.who_met_whom("JPN", window, Page(), 3)) != before  # months are read
    assert backfill_met_with(crowded, batch=4) == pairs
    assert answer(views.who_met_whom("JPN", window, Page(), 3)) == before
    assert backfill_met_with(crowded) == 0


def compare_pairs(driver: neo4j.Driver) -> tuple[int, set[str]]:
    """MEETINGS (two participants MET_WITH pairs: read from its `ordered`) against
    MEETINGS_ANCHORED for every two entities, with and without each filter and on a few pages;
    returns how many non-empty answers were compared and the kinds of filter they had."""
    queries = GraphViews(driver)
    entities = [r["k"] for r in driver.execute_query(
        "MATCH (e:Entity) RETURN e.key AS k").records]
    places = [None, *(r["k"] for r in driver.execute_query(
        "MATCH (:Meeting)-[:HELD_IN]->(p) RETURN DISTINCT p.key AS k "
        "UNION MATCH (:Meeting)-[:HELD_IN]->()-[:IN_COUNTRY]->(c) RETURN DISTINCT c.key AS k"
    ).records)]
    filters: list[tuple[str, Window, str | None]] = [("none", Window(), None)]
    filters += [("window", w, None) for w in windows()[::9]]
    filters += [("kind", Window(kind=k), None) for k in ("talks", "summit")]
    filters += [("confidence", Window(min_confidence=c), None) for c in (0.5, 0.95)]
    filters += [("place", Window(), p) for p in places[1:]]
    compared, seen = 0, set()
    for a in entities:
        for b in entities:
            for name, window, place in filters:
                for page in (Page(), Page(1, 2), Page(4, 3)):
                    params = {"place": place, "skip": page.skip, "limit": page.limit,
                              **window.params()}
                    paired = queries.one(q.MEETINGS, keys=[a, b], **params)
                    anchored = queries.one(q.MEETINGS_ANCHORED, keys=[a, b], **params)
                    assert paired == anchored, (a, b, name, window, place, page)
                    if anchored and anchored["meetings"]:
                        compared, seen = compared + 1, seen | {name}
    return compared, seen


def test_meetings_of_two_read_by_key_equal_the_anchored_ones(crowded: neo4j.Driver) -> None:
    compared, seen = compare_pairs(crowded)
    assert compared > 300 and seen == {"none", "window", "kind", "confidence", "place"}, seen
    # through the names, as GET /meetings asks: the same answer, newest first
    got = GraphViews(crowded).meetings(["Japan", "China"], None, Window(), Page(0, 4))
    row = GraphViews(crowded).one(q.MEETINGS_ANCHORED, keys=["JPN", "CHN"], place=None, skip=0,
                                  limit=4, **Window().params())
    assert row is not None and got.meetings == row["meetings"] and got.total == row["total"] > 10
    assert [m["date"] for m in meetings_of(got.meetings)] == [
        "2019-01-01", "2018-12-31", "2018-07-01", "2018-06-28"]


def test_meeting_order_stays_exact_through_rewrites_and_the_backfill(
        crowded: neo4j.Driver) -> None:
    kept = crowded_meetings()
    write_extraction(crowded, article(5).id, extraction(*kept[1::2]))
    write_extraction(crowded, article(2).id, Extraction(extractor_version="test-1"))
    assert_met_with_consistent(crowded)  # `ordered` is compared there
    assert compare_pairs(crowded)[0] > 200
    crowded.execute_query("MATCH ()-[w:MET_WITH]->() REMOVE w.ordered")
    assert backfill_met_with(crowded) > 0
    assert_met_with_consistent(crowded)


def test_dyad_read_by_key_equals_the_matched_one(crowded: neo4j.Driver) -> None:
    """DYAD (two entities MET_WITH pairs: their meetings from its `ordered`) answers what
    DYAD_MATCHED does, for every two entities, at a few confidence cuts and timeline lengths."""
    queries = GraphViews(crowded)
    entities = [r["k"] for r in crowded.execute_query(
        "MATCH (e:Entity) RETURN e.key AS k").records]
    compared = 0
    for a in entities:
        for b in entities:
            for cut in (None, 0.5, 0.95):
                for limit in (1, 3, 50):
                    params = {"a": a, "b": b, "limit": limit, "min_confidence": cut}
                    paired = queries.one(q.DYAD, **params)
                    matched = queries.one(q.DYAD_MATCHED, **params)
                    assert paired == matched, (a, b, cut, limit)
                    compared += bool(matched and matched["timeline"])
    assert compared > 50
    got = queries.dyad("Japan", "China")
    assert got.timeline_count > 10 and len(got.timeline) == got.timeline_count
    assert got.issues == sorted(got.issues) and got.issues
