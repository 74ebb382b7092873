"""Bulk loading through the writer's own Cypher and rows, many articles per transaction.

The per-article writer (graph/writer.py) runs ~14 statements per article, one transaction each
article: right for a worker, too many round trips for 100,000 articles. This path builds each
article's rows with `graph.rows.to_rows` exactly as the writer does, and runs the writer's
statements from `graph/cypher/facts.py` rewritten mechanically to take a list of articles:
`UNWIND $articles AS art CALL (art) { <statement> }`, with `$id`, `$version`, `$rows` read from
`art`. The statements are derived at import, so they stay the writer's. Skipped, because a
fresh graph has nothing to take back: FENCE, OLD_FACTS, RELEASE_DERIVED, DELETE_OWN,
DROP_ORPHANS, and LOCK_ENTITIES (one loader, no concurrent counts). MET_WITH is recomputed
once at the end, for every pair that met, by the writer's RECOMPUTE_MET_WITH.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from typing import Any, LiteralString

import neo4j

from graph.cypher import articles as qa
from graph.cypher import facts as f
from graph.records import Extraction
from graph.rows import to_rows
from graph.writer import counts

_CALL = re.compile(r"CALL \(([^)]*)\)")
_WITH = re.compile(r"\bWITH (?!\*)")


def per_article(statement: str, rows: str | None = None) -> LiteralString:
    """The statement for a list of articles: art carried through every WITH and subquery."""
    body = statement.replace("$id", "art.id").replace("$version", "art.version")
    body = body.replace("$counts", "art.counts")
    if rows:
        body = body.replace("$rows", f"art.{rows}")
    body = _CALL.sub(lambda m: f"CALL ({m.group(1)}, art)" if m.group(1) else "CALL (art)", body)
    body = _WITH.sub("WITH art, ", body)
    return "UNWIND $articles AS art CALL (art) {" + body + "}"


MERGE_ENTITIES = per_article(f.MERGE_ENTITIES, "entities")
MERGE_CITY_COUNTRIES = per_article(f.MERGE_CITY_COUNTRIES, "cities")
MERGE_ISSUES = per_article(f.MERGE_ISSUES, "issues")
MERGE_MEETINGS = (per_article(f.MERGE_MEETINGS, "meetings")
                  + " RETURN collect(DISTINCT key) AS keys")
CREATE_ROLES = per_article(f.CREATE_ROLES, "roles")
CREATE_ALLY_OF = per_article(f.CREATE_ALLY_OF, "allies")
CREATE_NO_RELATIONS = per_article(f.CREATE_NO_RELATIONS, "no_relations")
COMPLETE = per_article(qa.COMPLETE)
RECOMPUTE_MET_WITH = ("UNWIND $pairs AS pair CALL (pair) {"
                      + f.RECOMPUTE_MET_WITH.replace("$keys", "pair") + "}")


def article_row(article_id: str, extraction: Extraction) -> dict[str, Any]:
    rows = to_rows(extraction)
    return {"id": article_id, "version": extraction.extractor_version,
            "counts": counts(extraction), "entities": rows.entities, "cities": rows.cities,
            "issues": rows.issues, "meetings": rows.meetings, "roles": rows.roles,
            "allies": rows.allies, "no_relations": rows.no_relations,
            "pairs": _pairs(rows.meetings)}


def _pairs(meetings: list[dict[str, Any]]) -> set[tuple[str, str]]:
    out = set()
    for m in meetings:
        keys = sorted(p["key"] for p in m["participants"])
        out |= {(a, b) for i, a in enumerate(keys) for b in keys[i + 1:]}
    return out


# Each statement gets only the fields it reads, and only articles with rows for it: the
# parameters are packed in Python, and shipping every article's full rows to every statement
# cost more than running it.
STEPS: tuple[tuple[LiteralString, str | None], ...] = (
    (MERGE_ENTITIES, "entities"), (MERGE_CITY_COUNTRIES, "cities"), (MERGE_ISSUES, "issues"),
    (MERGE_MEETINGS, "meetings"), (CREATE_ROLES, "roles"), (CREATE_ALLY_OF, "allies"),
    (CREATE_NO_RELATIONS, "no_relations"),
)


def _params(arts: list[dict[str, Any]], rows: str) -> list[dict[str, Any]]:
    return [{"id": a["id"], "version": a["version"], rows: a[rows]} for a in arts if a[rows]]


def write_batch(tx: neo4j.ManagedTransaction, arts: list[dict[str, Any]]) -> None:
    """One batch of articles' facts, in the writer's order, in one transaction."""
    keys: list[str] = []
    for statement, rows in STEPS:
        params = _params(arts, rows or "")
        if not params:
            continue
        result = tx.run(statement, articles=params)
        if statement is MERGE_MEETINGS:
            keys = result.single(strict=True)["keys"]
        result.consume()
    tx.run(f.REFRESH_MEETINGS, keys=sorted(keys)).consume()
    done = [{"id": a["id"], "version": a["version"], "counts": a["counts"]} for a in arts]
    tx.run(COMPLETE, articles=done).consume()


def store_articles(driver: neo4j.Driver, rows: list[dict[str, Any]]) -> None:
    """Create the Article nodes (the queue's STORE), as the API would."""
    driver.execute_query(qa.STORE, rows=rows)


def recompute_met_with(driver: neo4j.Driver, pairs: set[tuple[str, str]],
                       batch: int = 2000) -> None:
    ordered = sorted(pairs)
    for i in range(0, len(ordered), batch):
        chunk = [list(p) for p in ordered[i:i + batch]]
        driver.execute_query(RECOMPUTE_MET_WITH, pairs=chunk)


def load(driver: neo4j.Driver, batches: Iterable[tuple[list[dict[str, Any]],
                                                       list[tuple[str, Extraction]]]],
         on_batch: Any = None) -> dict[str, float]:
    """Store and write every batch, then MET_WITH; returns the seconds each phase took."""
    pairs: set[tuple[str, str]] = set()
    spent = {"store": 0.0, "facts": 0.0, "met_with": 0.0}
    for stored, written in batches:
        t0 = time.perf_counter()
        store_articles(driver, stored)
        t1 = time.perf_counter()
        arts = [article_row(i, e) for i, e in written]
        for a in arts:
            pairs |= a["pairs"]
        with driver.session() as session:
            session.execute_write(write_batch, arts)
        spent["store"] += t1 - t0
        spent["facts"] += time.perf_counter() - t1
        if on_batch:
            on_batch(len(stored))
    t2 = time.perf_counter()
    recompute_met_with(driver, pairs)
    spent["met_with"] = time.perf_counter() - t2
    return spent
