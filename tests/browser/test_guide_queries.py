"""Every query the guide offers runs on the seed graph and answers something."""

from __future__ import annotations

from importlib.resources import files

import neo4j
import pytest

from tests.browser.test_assets import runnable_queries

pytestmark = pytest.mark.neo4j

GUIDE = files("graph.browser").joinpath("guide.html").read_text(encoding="utf-8")
QUERIES = runnable_queries(GUIDE)


def test_the_first_query_is_the_one_the_browser_test_draws() -> None:
    assert 'Country {name: "Japan"}' in QUERIES[0]
    assert "RETURN japan, m, other, place" in QUERIES[0]


@pytest.mark.parametrize("query", QUERIES, ids=[f"q{i}" for i in range(len(QUERIES))])
def test_guide_query_answers_on_the_seed(seeded: neo4j.Driver, query: str) -> None:
    records, _, keys = seeded.execute_query(query)
    assert keys and records, f"no rows for:\n{query}"
