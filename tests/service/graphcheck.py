"""Read-back helpers: count the graph, and recompute MET_WITH and the meetings' views from the
meetings to compare."""

from __future__ import annotations

import json
from typing import Any

import neo4j

from app.models import MeetingPublic
from graph.cypher import facts as f
from graph.values import plain
from graph.writer import VIEW_VERSION


def counts(driver: neo4j.Driver) -> dict[str, int]:
    """Nodes per label and relationships per type."""
    nodes = driver.execute_query(
        "MATCH (n) UNWIND labels(n) AS l RETURN l AS k, count(*) AS n").records
    rels = driver.execute_query("MATCH ()-[r]->() RETURN type(r) AS k, count(*) AS n").records
    return {r["k"]: r["n"] for r in [*nodes, *rels]}


def met_with_stored(driver: neo4j.Driver) -> dict[tuple[str, str], tuple[Any, ...]]:
    rows = driver.execute_query(
        "MATCH (x)-[r:MET_WITH]->(y) RETURN x.key AS x, y.key AS y, r.meetings AS n, "
        "r.first AS first, r.last AS last, r.ordered AS ordered").records
    return {(r["x"], r["y"]): (r["n"], r["first"], r["last"], r["ordered"]) for r in rows}


def met_with_expected(driver: neo4j.Driver) -> dict[tuple[str, str], tuple[Any, ...]]:
    """MET_WITH as it must be: every pair of co-participants (not person with country)."""
    rows = driver.execute_query("""
        MATCH (x:Entity)-[:PARTICIPATED_IN]->(m:Meeting)<-[:PARTICIPATED_IN]-(y:Entity)
        WHERE x.key < y.key AND NOT (x:Person AND y:Country) AND NOT (x:Country AND y:Person)
        WITH DISTINCT x, y, m ORDER BY m.date_start DESC, m.key
        RETURN x.key AS x, y.key AS y, count(m) AS n, min(m.date) AS first,
               max(m.date) AS last, collect(m.key) AS ordered""").records
    # ordered: every shared meeting as GET /meetings lists them (MEETINGS reads it)
    return {(r["x"], r["y"]): (r["n"], r["first"], r["last"], r["ordered"]) for r in rows}


def views_stored(driver: neo4j.Driver) -> dict[str, Any]:
    """Every meeting's stored view, decoded: each of this release's VIEW_VERSION, and byte for
    byte the JSON the API's model writes for it (the routes pass it through)."""
    rows = driver.execute_query("MATCH (m:Meeting) RETURN m.key AS key, m.view AS view, "
                                "m.view_version AS version").records
    assert all(r["version"] == VIEW_VERSION for r in rows), rows
    for r in rows:
        assert MeetingPublic.model_validate_json(r["view"]).model_dump_json() == r["view"]
    return {r["key"]: json.loads(r["view"]) for r in rows}


def views_fresh(driver: neo4j.Driver) -> dict[str, Any]:
    """Every meeting projected now (the reference the views must equal)."""
    rows = driver.execute_query("MATCH (m:Meeting) RETURN m.key AS key, "
                                + f.MEETING_PROJECTION + " AS view").records
    return {r["key"]: plain(r["view"]) for r in rows}


def assert_views_exact(driver: neo4j.Driver) -> dict[str, Any]:
    stored = views_stored(driver)
    assert stored == views_fresh(driver)
    return stored


def assert_met_with_consistent(driver: neo4j.Driver) -> None:
    """What the writer derives from the meetings is exact: MET_WITH and the meetings' views."""
    assert met_with_stored(driver) == met_with_expected(driver)
    assert_views_exact(driver)
