"""Bulk loading through the writer's own Cypher and rows, many articles per transaction.

The writer (graph/writer.py) replaces a worker's batch of articles' facts per transaction: it
first takes back what those articles wrote before (FENCE, OLD_FACTS, RELEASE_DERIVED, DELETE_OWN,
DROP_ORPHANS) and recomputes MET_WITH for every pair it touched. A fresh graph has nothing to
take back, so this path runs only the writer's fact statements from `graph/cypher/facts.py`,
unchanged, over 500 articles at a time with rows built by `graph.rows.to_rows` as the writer
builds them, skips LOCK_ENTITIES (one loader, no concurrent counts), and recomputes MET_WITH once
at the end, for every pair at a meeting (MEETING_PAIRS), with the writer's RECOMPUTE_MET_WITH,
and every meeting's view once, with the writer's `refresh_views`.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any, LiteralString

import neo4j

from graph.cypher import articles as qa
from graph.cypher import facts as f
from graph.records import Extraction
from graph.rows import to_rows
from graph.writer import LATEST_KEPT, counts, refresh_views


def article_row(article_id: str, extraction: Extraction) -> dict[str, Any]:
    rows = to_rows(extraction)
    return {"id": article_id, "version": extraction.extractor_version,
            "counts": counts(extraction), "entities": rows.entities, "cities": rows.cities,
            "issues": rows.issues, "meetings": rows.meetings, "roles": rows.roles,
            "allies": rows.allies, "no_relations": rows.no_relations}


# Each statement gets only the rows it reads, and only articles with rows for it (as the writer).
STEPS: tuple[tuple[LiteralString, str], ...] = (
    (f.MERGE_ENTITIES, "entities"), (f.MERGE_ISSUES, "issues"), (f.MERGE_MEETINGS, "meetings"),
    (f.CREATE_ROLES, "roles"), (f.CREATE_ALLY_OF, "allies"),
    (f.CREATE_NO_RELATIONS, "no_relations"),
)


def _params(arts: list[dict[str, Any]], rows: str) -> list[dict[str, Any]]:
    return [{"id": a["id"], "version": a["version"], "rows": a[rows]} for a in arts if a[rows]]


def write_batch(tx: neo4j.ManagedTransaction, arts: list[dict[str, Any]]) -> set[str]:
    """One batch of articles' facts, in the writer's order, in one transaction; returns the keys
    of the meetings written."""
    keys: set[str] = set()
    cities = {tuple(sorted(c.items())): c for a in arts for c in a["cities"]}
    for statement, rows in STEPS:
        if statement is f.MERGE_MEETINGS:
            tx.run(f.MERGE_CITY_COUNTRIES, rows=list(cities.values())).consume()
        params = _params(arts, rows)
        if params:
            keys |= {str(r["key"]) for r in tx.run(statement, articles=params)}
    tx.run(f.REFRESH_MEETINGS, keys=sorted(keys)).consume()
    done = [{"id": a["id"], "version": a["version"], "counts": a["counts"]} for a in arts]
    tx.run(qa.COMPLETE, articles=done).consume()
    return keys


def store_articles(driver: neo4j.Driver, rows: list[dict[str, Any]]) -> None:
    """Create the Article nodes (the queue's STORE), as the API would."""
    driver.execute_query(qa.STORE, rows=rows)


def meeting_pairs(driver: neo4j.Driver, keys: set[str], batch: int = 5000) -> set[tuple[str, str]]:
    """Every two entities at one of these meetings (as the writer asks, after all articles)."""
    ordered, out = sorted(keys), set()
    for i in range(0, len(ordered), batch):
        rows = driver.execute_query(f.MEETING_PAIRS, keys=ordered[i:i + batch]).records
        out |= {(r["pair"][0], r["pair"][1]) for r in rows}
    return out


def recompute_met_with(driver: neo4j.Driver, pairs: set[tuple[str, str]],
                       batch: int = 2000) -> None:
    ordered = sorted(pairs)
    for i in range(0, len(ordered), batch):
        chunk = [list(p) for p in ordered[i:i + batch]]
        driver.execute_query(f.RECOMPUTE_MET_WITH, pairs=chunk, kept=LATEST_KEPT)


def store_views(driver: neo4j.Driver, keys: set[str], batch: int = 1000) -> None:
    ordered = sorted(keys)
    for i in range(0, len(ordered), batch):
        with driver.session() as session:
            session.execute_write(refresh_views, ordered[i:i + batch])


def load(driver: neo4j.Driver, batches: Iterable[tuple[list[dict[str, Any]],
                                                       list[tuple[str, Extraction]]]],
         on_batch: Any = None) -> dict[str, float]:
    """Store and write every batch, then MET_WITH and the meetings' views; returns the seconds
    each phase took."""
    meetings: set[str] = set()
    spent = {"store": 0.0, "facts": 0.0, "met_with": 0.0, "views": 0.0}
    for stored, written in batches:
        t0 = time.perf_counter()
        store_articles(driver, stored)
        t1 = time.perf_counter()
        arts = [article_row(i, e) for i, e in written]
        with driver.session() as session:
            meetings |= session.execute_write(write_batch, arts)
        spent["store"] += t1 - t0
        spent["facts"] += time.perf_counter() - t1
        if on_batch:
            on_batch(len(stored))
    t2 = time.perf_counter()
    recompute_met_with(driver, meeting_pairs(driver, meetings))
    spent["met_with"] = time.perf_counter() - t2
    store_views(driver, meetings)
    spent["views"] = time.perf_counter() - t2 - spent["met_with"]
    return spent
