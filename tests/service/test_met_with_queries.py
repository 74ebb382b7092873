"""The who-met-whom answer read from MET_WITH equals the one recomputed from the meetings."""

from __future__ import annotations

import neo4j
import pytest

from graph.articles import ArticleStore
from graph.cypher import reads as q
from graph.records import Participant
from graph.views import GraphViews, Page, Window
from graph.writer import write_extraction
from tests.service.factories import article, extraction, meeting
from tests.service.graphcheck import assert_met_with_consistent

pytestmark = pytest.mark.neo4j


@pytest.fixture
def mixed(empty_graph: neo4j.Driver) -> neo4j.Driver:
    """Several countries and a person, dated, month-precision and undated meetings, one
    article rewritten (so MET_WITH is recomputed, not only created)."""
    kim = Participant(name="Kim Jong Un", type="Person")
    with_kim = meeting(date="2014-03-02", start=300).model_copy(
        update={"participants": (*meeting().participants, kim)})
    undated = meeting(date=None, precision=None, start=200)
    a1, a2, a3 = article(1), article(2), article(3)
    ArticleStore(empty_graph).store([a1, a2, a3])
    write_extraction(empty_graph, a1.id, extraction(meeting(), undated, with_kim))
    write_extraction(empty_graph, a2.id, extraction(
        meeting(("China", "North Korea"), "2013-05"),
        meeting(("China", "Japan"), "2013-05-02", start=100),
        meeting(("China", "Japan", "North Korea"), "2016-01-09", start=200)))
    write_extraction(empty_graph, a3.id, extraction(meeting(("China", "Russia"), "2011")))
    write_extraction(empty_graph, a3.id, extraction(meeting(("China", "Russia"), "2012-02-02"),
                                              meeting(("Japan", "Russia"), "2012")))
    return empty_graph


def test_stored_who_met_whom_equals_the_recomputation(mixed: neo4j.Driver) -> None:
    assert_met_with_consistent(mixed)
    views = GraphViews(mixed)
    # MET_WITH never pairs a person with a country, while a person's who-met-whom lists the
    # delegations they met: the stored ranking is the same answer for every other entity.
    keys = [r["k"] for r in mixed.execute_query(
        "MATCH (e:Entity) WHERE NOT e:Person RETURN e.key AS k").records]
    assert len(keys) >= 5
    compared = 0
    for key in keys:
        for page in (Page(), Page(0, 1), Page(1, 2), Page(5, 5)):
            for items in (0, 1, 3, 50):
                params = {"key": key, "skip": page.skip, "limit": page.limit, "items": items,
                          **Window().params()}
                stored = views.one(q.WHO_MET_WHOM_STORED, **params)
                recomputed = views.one(q.WHO_MET_WHOM, **params)
                assert (stored or {"total": 0, "counterparts": []}) == (
                    recomputed or {"total": 0, "counterparts": []}), (key, page, items)
                compared += bool(recomputed and recomputed["counterparts"])
    assert compared > 20
