"""(3) Writes: facts/s of the graph writer (one transaction per article, each statement an
`UNWIND` over the article's rows) vs the same facts one statement per row, and vs the bulk
path (many articles per transaction, bench/load.py). Same articles, same empty graph each time,
repeated with the order rotated."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import Any

import neo4j

from bench import load, server, synthetic
from bench.results import Result, Row
from bench.stats import ratios, spread, summary
from graph.cypher import articles as qa
from graph.cypher import facts as f
from graph.records import Extraction
from graph.rows import to_rows
from graph.values import session
from graph.writer import counts, write_extraction

Articles = list[tuple[str, Extraction]]


def facts(extraction: Extraction) -> int:
    """Facts an extraction holds: entities, meetings, roles, issues, relations."""
    return sum(counts(extraction).values())


def one_by_one(tx: neo4j.ManagedTransaction, article_id: str, extraction: Extraction) -> None:
    """The writer's statements with a single row each: one statement (round trip) per fact."""
    rows = to_rows(extraction)
    version = extraction.extractor_version
    tx.run(f.FENCE, id=article_id, worker=None, attempt=None).consume()
    tx.run(f.OLD_FACTS, id=article_id).consume()
    tx.run(f.RELEASE_DERIVED, id=article_id).consume()
    tx.run(f.DELETE_OWN, id=article_id).consume()
    for statement, items in ((f.MERGE_ENTITIES, rows.entities), (f.MERGE_CITY_COUNTRIES,
                             rows.cities), (f.MERGE_ISSUES, rows.issues),
                             (f.MERGE_MEETINGS, rows.meetings), (f.CREATE_ROLES, rows.roles),
                             (f.CREATE_ALLY_OF, rows.allies),
                             (f.CREATE_NO_RELATIONS, rows.no_relations)):
        for item in items:
            tx.run(statement, id=article_id, version=version, rows=[item]).consume()
    for key in sorted({m["key"] for m in rows.meetings}):
        tx.run(f.REFRESH_MEETINGS, keys=[key]).consume()
    keys = rows.participant_keys
    for key in keys:
        tx.run(f.LOCK_ENTITIES, keys=[key]).consume()
    tx.run(f.DROP_ORPHANS, meetings=[], issues=[]).consume()
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            tx.run(f.RECOMPUTE_MET_WITH, keys=[a, b]).consume()
    tx.run(qa.COMPLETE, id=article_id, version=version, counts=counts(extraction)).consume()


def naive(drv: neo4j.Driver, articles: Articles) -> None:
    with session(drv, "neo4j") as tx_session:
        for article_id, extraction in articles:
            tx_session.execute_write(one_by_one, article_id, extraction)


def writer(drv: neo4j.Driver, articles: Articles) -> None:
    for article_id, extraction in articles:
        write_extraction(drv, article_id, extraction)


def bulk(drv: neo4j.Driver, articles: Articles) -> None:
    load.load(drv, [([], articles[i:i + 500]) for i in range(0, len(articles), 500)])


def make_articles(n: int, seed: int) -> tuple[list[dict[str, Any]], Articles]:
    world = synthetic.build_world(max(2, n // 2), max(20, n // 10), seed)
    rng = random.Random(seed)
    stored, written = [], []
    for i, index in enumerate(synthetic.article_meetings(world, n, seed)):
        m = world.meetings[index]
        aid = f"bench-write-{i}"
        stored.append({"id": aid, "url": None, "title": None, "source": "bench",
                       "published": m.day, "text": synthetic.sentence(m)})
        written.append((aid, synthetic.extraction(m, synthetic.extras(world, rng), "bench")))
    return stored, written


def run(drv: neo4j.Driver, n: int, repeats: int, seed: int) -> Result:
    stored, articles = make_articles(n, seed)
    total = sum(facts(e) for _, e in articles)
    methods: dict[str, Callable[[neo4j.Driver, Articles], None]] = {
        "writer": writer, "one_statement_per_fact": naive, "bulk": bulk}
    rates: dict[str, list[float]] = {k: [] for k in methods}
    names = list(methods)
    for i in range(repeats + 1):  # the first round warms plans and caches, and is dropped
        for name in names[i % len(names):] + names[: i % len(names)]:
            server.wipe(drv)
            load.store_articles(drv, stored)
            started = time.perf_counter()
            methods[name](drv, articles)
            if i:
                rates[name].append(total / (time.perf_counter() - started))
    result = Result("writes")
    r = ratios(rates["writer"], rates["one_statement_per_fact"])
    result.rows.append(Row("writer facts/s", "(report)", spread(summary(rates["writer"]), 0),
                           None))
    result.rows.append(Row("one statement per fact, facts/s", "(report)",
                           spread(summary(rates["one_statement_per_fact"]), 0), None))
    result.rows.append(Row("writer / one statement per fact", "> 1 × (gain on record)",
                           spread(r), r["median"] > 1))
    result.rows.append(Row("bulk path (500 articles/tx) facts/s", "(report)",
                           spread(summary(rates["bulk"]), 0), None))
    result.data.update({"articles": n, "facts": total, "facts_per_s": {
        k: summary(v) for k, v in rates.items()}, "writer_vs_one_by_one": r,
        "bulk_vs_writer": ratios(rates["bulk"], rates["writer"])})
    server.wipe(drv)
    return result
