"""(3) Writes: facts/s of the graph writer (a worker's batch of articles per transaction, each
statement an `UNWIND` over the batch) vs the same facts one statement per row, vs the writer
with one article per transaction, and vs the bulk path (bench/load.py). Same articles, same
empty graph each time, repeated with the order rotated."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import Any

import neo4j

from bench import load, server, synthetic
from bench.results import Result, Row
from bench.stats import ratios, spread, summary
from graph.connection import session
from graph.cypher import articles as qa
from graph.cypher import facts as f
from graph.records import Extraction
from graph.rows import to_rows
from graph.writer import LATEST_KEPT, Pending, counts, pairs, write_extraction, write_extractions
from ingest.settings import WorkerSettings

Articles = list[tuple[str, Extraction]]
WORKER_BATCH = WorkerSettings.model_fields["claim_batch"].default


def facts(extraction: Extraction) -> int:
    """Facts an extraction holds: entities, meetings, roles, issues, relations."""
    return sum(counts(extraction).values())


def one_by_one(tx: neo4j.ManagedTransaction, article_id: str, extraction: Extraction) -> None:
    """The writer's statements with a single row each: one statement (round trip) per fact."""
    rows = to_rows(extraction)
    version = extraction.extractor_version
    ids = [article_id]
    tx.run(f.FENCE, articles=[{"id": article_id, "worker": None, "attempt": None}]).consume()
    tx.run(f.OLD_FACTS, ids=ids).consume()
    tx.run(f.RELEASE_DERIVED, ids=ids).consume()
    tx.run(f.DELETE_OWN, ids=ids).consume()
    for statement, items in ((f.MERGE_ENTITIES, rows.entities), (f.MERGE_ISSUES, rows.issues),
                             (f.MERGE_MEETINGS, rows.meetings), (f.CREATE_ROLES, rows.roles),
                             (f.CREATE_ALLY_OF, rows.allies),
                             (f.CREATE_NO_RELATIONS, rows.no_relations)):
        for item in items:
            tx.run(statement, articles=[{"id": article_id, "version": version,
                                         "rows": [item]}]).consume()
    for city in rows.cities:
        tx.run(f.MERGE_CITY_COUNTRIES, rows=[city]).consume()
    for m in rows.meetings:
        tx.run(f.REFRESH_MEETINGS, keys=[m["key"]]).consume()
    for key in rows.participant_keys:
        tx.run(f.LOCK_ENTITIES, keys=[key]).consume()
    tx.run(f.DROP_ORPHANS, meetings=[], issues=[]).consume()
    for a, b in sorted(pairs(rows.participant_keys)):
        tx.run(f.RECOMPUTE_MET_WITH, pairs=[[a, b]], kept=LATEST_KEPT).consume()
    tx.run(qa.COMPLETE, articles=[{"id": article_id, "version": version,
                                   "counts": counts(extraction)}]).consume()


def naive(drv: neo4j.Driver, articles: Articles) -> None:
    with session(drv, "neo4j") as tx_session:
        for article_id, extraction in articles:
            tx_session.execute_write(one_by_one, article_id, extraction)


def per_article(drv: neo4j.Driver, articles: Articles) -> None:
    """The writer with one article per transaction (as `diplograph ingest --direct` writes)."""
    for article_id, extraction in articles:
        write_extraction(drv, article_id, extraction)


def writer(drv: neo4j.Driver, articles: Articles) -> None:
    """The writer as the worker runs it: a batch of articles per transaction."""
    for i in range(0, len(articles), WORKER_BATCH):
        write_extractions(drv, [Pending(a, e) for a, e in articles[i:i + WORKER_BATCH]])


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
        "writer": writer, "per_article": per_article, "one_statement_per_fact": naive,
        "bulk": bulk}
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
    result.rows.append(Row(f"writer facts/s ({WORKER_BATCH} articles/tx, as the worker writes)",
                           "(report)", spread(summary(rates["writer"]), 0), None))
    result.rows.append(Row("writer facts/s (1 article/tx, as `ingest --direct` writes)",
                           "(report)", spread(summary(rates["per_article"]), 0), None))
    result.rows.append(Row("one statement per fact, facts/s", "(report)",
                           spread(summary(rates["one_statement_per_fact"]), 0), None))
    result.rows.append(Row("writer / one statement per fact", "> 1 × (gain on record)",
                           spread(r), r["median"] > 1))
    result.rows.append(Row("bulk path (500 articles/tx) facts/s", "(report)",
                           spread(summary(rates["bulk"]), 0), None))
    result.data.update({"articles": n, "facts": total, "facts_per_s": {
        k: summary(v) for k, v in rates.items()}, "writer_vs_one_by_one": r,
        "bulk_vs_writer": ratios(rates["bulk"], rates["writer"]),
        "writer_vs_per_article": ratios(rates["writer"], rates["per_article"])})
    server.wipe(drv)
    return result
