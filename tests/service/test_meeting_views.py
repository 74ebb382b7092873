"""The view the writer stores on each meeting equals the meeting projected fresh
(MEETING_PROJECTION) through writes, merges, rewrites, a retraction and the backfill, and the
read queries answer with it what projecting each meeting answers."""

from __future__ import annotations

import json
from typing import Any, LiteralString, cast

import neo4j
import pytest
from pydantic import BaseModel

from app.answers import json_answer, json_answer_with
from app.models import EntityRef, MeetingPublic, Place, Report
from app.models_graph import WhoMetWhom
from graph import meeting_json
from graph.articles import ArticleStore
from graph.cypher import facts as f
from graph.cypher import reads as q
from graph.records import Extraction, Issue, Participant
from graph.schema import backfill_views
from graph.views import GraphViews, Page, Window
from graph.writer import LATEST_KEPT, write_extraction
from tests.service.factories import (
    BEIJING,
    JAPAN,
    NORTH_KOREA,
    article,
    extraction,
    meeting,
)
from tests.service.graphcheck import assert_views_exact, views_stored

pytestmark = pytest.mark.neo4j

TANABE = Participant(name="Aiko Tanabe", type="Person", role="visitor")
KIM_AT = Participant(name="Kim Jong Un", type="Person")


def _with(people: tuple[Participant, ...], **kw: Any) -> Any:
    m = meeting(**kw)
    return m.model_copy(update={"participants": (*m.participants, *people)})


def reference(query: LiteralString) -> LiteralString:
    """The read query projecting each meeting instead of reading its view (as before views)."""
    assert query.count("m.view") >= 1
    return cast(LiteralString, query.replace("m.view", "(" + f.MEETING_PROJECTION + ")"))


def decoded(row: dict[str, Any] | None, paths: list[str]) -> dict[str, Any] | None:
    """The row with the views at these paths (`a.b`, `a[].b`: each of a list) decoded."""
    if row is None:
        return None

    def walk(value: Any, steps: list[str]) -> Any:
        step, rest = steps[0], steps[1:]
        if step.endswith("[]"):
            value[step[:-2]] = [walk(v, rest) for v in value[step[:-2]]] if rest else [
                json.loads(v) for v in value[step[:-2]]]
            return value
        value[step] = walk(value[step], rest) if rest else [json.loads(v) for v in value[step]]
        return value

    for path in paths:
        walk(row, path.split("."))
    return row


def compare_reads(driver: neo4j.Driver) -> int:
    """Every read query that lists meetings, reading the views against projecting them, for
    every entity (and pairs of them); returns how many answers listed a meeting."""
    views = GraphViews(driver)
    keys = sorted(r["k"] for r in driver.execute_query(
        "MATCH (e:Entity) RETURN e.key AS k").records)
    listed = 0
    window = Window().params()
    checks: list[tuple[LiteralString, dict[str, Any], list[str]]] = []
    for key in keys:
        for query in (q.WHO_MET_WHOM, q.WHO_MET_WHOM_STORED):
            checks.append((query, {"key": key, "skip": 0, "limit": 50, "items": LATEST_KEPT,
                                   **window}, ["counterparts[].items"]))
        checks.append((q.WHO_MET_WHOM_WINDOW, {"key": key, "skip": 0, "limit": 50, "items": 3,
                                               **Window(since=None).params(),
                                               "since": None, "until": None},
                       ["counterparts[].items"]))
        checks.append((q.PROFILE, {"key": key, "limit": 20}, ["profile.meetings"]))
        checks.append((q.MEETINGS, {"keys": [key], "place": None, "skip": 0, "limit": 50,
                                    **window}, ["meetings"]))
        for other in keys:
            if other > key:
                checks.append((q.DYAD, {"a": key, "b": other, "limit": 50,
                                        "min_confidence": None}, ["timeline"]))
                checks.append((q.MEETINGS, {"keys": [key, other], "place": None, "skip": 0,
                                            "limit": 50, **window}, ["meetings"]))
    checks.append((q.MEETINGS, {"keys": [], "place": None, "skip": 0, "limit": 500, **window},
                   ["meetings"]))
    for query, params, paths in checks:
        got = decoded(views.one(query, **params), paths)
        assert got == views.one(reference(query), **params), (query[:40], params)
        listed += bool(got) and "\"id\":" in json.dumps(got) and "reports" in json.dumps(got)
    return listed


@pytest.mark.parametrize(("fields", "model"), [
    (meeting_json.MEETING, MeetingPublic), (meeting_json.PARTICIPANT, EntityRef),
    (meeting_json.PLACE, Place), (meeting_json.REPORT, Report)])
def test_views_are_written_in_the_models_field_order(
        fields: meeting_json.Fields, model: type[BaseModel]) -> None:
    assert [name for name, _ in fields] == list(model.model_fields)
    floats = {n for n, f in model.model_fields.items() if "float" in str(f.annotation)}
    assert {name for name, kind in fields if kind == meeting_json.FLOAT} == floats


def test_a_view_is_what_the_model_writes() -> None:
    """Ints where the model has floats, a tiny float, escapes and non-ASCII text, no place."""
    view = {"id": "meeting:x", "date": None, "date_precision": None, "kind": "talks",
            "status": "held", "confidence": 1, "countries": ["Côte d'Ivoire"], "place": None,
            "issues": [], "participants": [
                {"id": "CIV", "name": "Côte d'Ivoire", "type": "Country", "role": "host",
                 "confidence": 0.00003}],
            "reports": [{"evidence": 'said "no"\n\u2028\x01', "start": 0, "end": 9,
                         "confidence": 1, "extractor_version": "v", "article_id": "a",
                         "url": None, "title": "t", "source": None, "published": "2020-01-02"}]}
    written = meeting_json.meeting_json(view)
    assert written == MeetingPublic.model_validate(view).model_dump_json()


def test_views_put_into_an_answer_are_what_the_model_writes() -> None:
    """Names that spell the list being filled, escaped in the model's JSON, are left alone."""
    view = {"id": "meeting:x", "date": "2020-01-02", "date_precision": "day", "kind": "talks",
            "status": "held", "confidence": 0.5, "participants": [], "countries": [],
            "place": None, "issues": ['"items":[]'], "reports": []}
    raw = meeting_json.meeting_json(view)
    counterparts = [{"id": f"c{i}", "name": '"items":[] \\', "type": "Country", "meetings": i,
                     "first": None, "last": None, "items": [raw] * i} for i in range(3)]

    def answer(items: list[list[Any]]) -> WhoMetWhom:
        return WhoMetWhom(entity=EntityRef(id="e", name='"items":[]'), counterparts=[
            {**c, "items": i} for c, i in zip(counterparts, items, strict=True)],
            count=3, skip=0, limit=50, items=2, browser_url="http://x/?a=%22")

    spliced = json_answer_with(answer([[], [], []]), "items", [c["items"] for c in counterparts])
    assert spliced.body == json_answer(answer([[view] * i for i in range(3)])).body


@pytest.fixture
def written(empty_graph: neo4j.Driver) -> neo4j.Driver:
    """Meetings two and three articles report (merged, each with people of its own, issues of
    its own, one with a place the other left out), a year-precision and an undated one, and
    a city whose country is known only from a later article."""
    a1, a2, a3, a4 = article(1), article(2), article(3), article(4, published="2020-01-02")
    ArticleStore(empty_graph).store([a1, a2, a3, a4])
    write_extraction(empty_graph, a1.id, Extraction(
        entities=(JAPAN, NORTH_KOREA, BEIJING), extractor_version="test-1",
        meetings=(meeting(issues=()), meeting(date="2015", precision="year", start=70))))
    write_extraction(empty_graph, a2.id, extraction(
        _with((TANABE,), place=None), meeting(("China", "Japan"), "2013-05-02", start=100),
        meeting(date=None, precision=None, start=200)))
    write_extraction(empty_graph, a3.id, extraction(
        _with((KIM_AT,), issues=("abductions", "missiles")),
        meeting(("China", "North Korea", "South Korea"), "2016-01-09", start=300)).model_copy(
        update={"issues": (*extraction().issues, Issue(name="missiles",
                                                       countries=("North Korea",)))}))
    write_extraction(empty_graph, a4.id, extraction(
        meeting(("South Korea", "Japan"), "2019-03-03", place=None, start=10),
        _with((TANABE, KIM_AT), date="2012-08-29", start=400)))
    return empty_graph


def test_views_equal_the_projection_after_writes(written: neo4j.Driver) -> None:
    views = assert_views_exact(written)
    talks = max(views.values(), key=lambda v: len(v["participants"]))
    assert [p["id"] for p in talks["participants"]] == [
        "JPN", "PRK", "person:aiko-tanabe", "person:kim-jong-un"]  # by key
    assert talks["countries"] == ["Japan", "North Korea"] and talks["place"] == {
        "id": "city:chn:beijing", "name": "Beijing", "country": "China"}
    assert talks["issues"] == ["abductions", "missiles"]
    published = [r["published"] for r in talks["reports"]]
    assert published == ["2020-01-02", None]  # dated first, undated last
    assert compare_reads(written) > 20


def test_a_city_that_gains_its_country_shows_it_at_every_meeting_there(
        written: neo4j.Driver) -> None:
    """A city written before its country was (an older graph): the next article that places it
    in a country updates the views of every meeting held there, not only its own."""
    city = "city:chn:beijing"
    written.execute_query("MATCH (:City {key: $k})-[r:IN_COUNTRY]->() DELETE r", k=city)
    written.execute_query("MATCH (m:Meeting) SET m.view_version = 0")
    backfill_views(written)
    held = [v for v in assert_views_exact(written).values()
            if v["place"] and v["place"]["id"] == city]
    assert len(held) >= 3 and all(v["place"]["country"] is None for v in held)
    a5 = article(5)
    ArticleStore(written).store([a5])
    write_extraction(written, a5.id, extraction(meeting(("Japan", "South Korea"), "2021-04-04")))
    views = assert_views_exact(written)
    assert all(views[v["id"]]["place"]["country"] == "China" for v in held)


def test_views_stay_exact_through_rewrites_and_a_retraction(written: neo4j.Driver) -> None:
    before = views_stored(written)
    # The same facts again change nothing
    a4 = article(4, published="2020-01-02")
    write_extraction(written, a4.id, extraction(
        meeting(("South Korea", "Japan"), "2019-03-03", place=None, start=10),
        _with((TANABE, KIM_AT), date="2012-08-29", start=400)))
    assert views_stored(written) == before
    # Article 3 re-extracted with other facts: the missiles leave the Beijing talks, which it
    # reports again in another sentence; articles 2 and 4 retracted (no facts: the talks lose
    # a report and both people, and are not written again); article 1 re-dated
    write_extraction(written, article(3).id, extraction(
        meeting(date="2012-08-29", start=500), meeting(("China", "Russia"), "2012-02-02")))
    write_extraction(written, article(2).id, Extraction(extractor_version="test-1"))
    write_extraction(written, a4.id, Extraction(extractor_version="test-1"))
    write_extraction(written, article(1).id, Extraction(
        entities=(JAPAN, NORTH_KOREA, BEIJING), extractor_version="test-2",
        meetings=(meeting(date="2012-08", precision="month", issues=()),)))
    after = assert_views_exact(written)
    assert after != before
    assert all(v["reports"] for v in after.values())
    assert compare_reads(written) > 15


def test_backfill_computes_what_an_older_release_left_out(written: neo4j.Driver) -> None:
    before = views_stored(written)
    written.execute_query("MATCH (m:Meeting) REMOVE m.view, m.view_version")
    assert set(GraphViews(written).meetings(["JPN"], None, Window(), Page()).meetings) == {
        None}  # the reads return the views
    assert backfill_views(written, batch=2) == len(before)
    assert views_stored(written) == before
    written.execute_query("MATCH (m:Meeting) WITH m LIMIT 2 SET m.view_version = 0, m.view = '{}'")
    assert backfill_views(written) == 2
    assert assert_views_exact(written) == before
    assert backfill_views(written) == 0
