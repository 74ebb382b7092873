"""Store articles' `Extraction`s: each article's old facts out, the new ones in, one transaction
for the whole batch (every statement an `UNWIND` over the batch's articles)."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, LiteralString

import neo4j

from graph.connection import session
from graph.cypher import articles as q
from graph.cypher import facts as f
from graph.meeting_json import meeting_json
from graph.records import Extraction
from graph.rows import FactRows, to_rows

# Meetings MET_WITH.latest keeps per pair: as many as who-met-whom lists per counterpart at most
# (its `items`, app/routes/graph.py); more are read by the recomputing query.
LATEST_KEPT = 50
# The shape of the meeting views the writer stores (graph/cypher/facts.py, MEETING_PROJECTION,
# written by graph/meeting_json.py): a release that changes either, or the API's meeting model,
# bumps this, and graph/schema.py recomputes every view once.
VIEW_VERSION = 1

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Fence:
    """Who may write an article's facts: the worker holding its lease, at this attempt."""

    worker: str
    attempt: int


@dataclass(frozen=True)
class Pending:
    """One article's new facts, and the fence its write must pass (None: unconditional)."""

    article_id: str
    extraction: Extraction
    fence: Fence | None = None


def counts(extraction: Extraction) -> dict[str, int]:
    return {"entities": len(extraction.entities), "meetings": len(extraction.meetings),
            "roles": len(extraction.roles), "issues": len(extraction.issues),
            "relations": len(extraction.relations)}


def pairs(keys: Sequence[str]) -> set[tuple[str, str]]:
    """Every sorted pair of distinct keys."""
    return set(itertools.combinations(sorted(set(keys)), 2))


def _run_each(tx: neo4j.ManagedTransaction, statement: LiteralString,
              items: list[tuple[Pending, FactRows]], field: str) -> list[neo4j.Record]:
    """Run a per-article statement with `$articles`: only the articles with rows for it, each
    with only those rows (shipping every article's rows to every statement costs more)."""
    articles = [{"id": p.article_id, "version": p.extraction.extractor_version,
                 "rows": getattr(rows, field)} for p, rows in items if getattr(rows, field)]
    return list(tx.run(statement, articles=articles)) if articles else []


def replace_facts(tx: neo4j.ManagedTransaction, batch: Sequence[Pending],
                  codes: Mapping[str, str] | None = None) -> list[str]:
    """The transaction function; returns the ids written (an article whose claim no longer holds
    is skipped, and nothing of it is written)."""
    fenced = {r["id"] for r in tx.run(f.FENCE, articles=[
        {"id": p.article_id, "worker": p.fence.worker if p.fence else None,
         "attempt": p.fence.attempt if p.fence else None} for p in batch])}
    items = [(p, to_rows(p.extraction, codes)) for p in batch if p.article_id in fenced]
    if not items:
        return []
    ids = [p.article_id for p, _ in items]
    old = {r["id"]: r for r in tx.run(f.OLD_FACTS, ids=ids)}
    tx.run(f.RELEASE_DERIVED, ids=ids).consume()
    tx.run(f.DELETE_OWN, ids=ids).consume()
    new_meetings, cities = _write(tx, items, old)
    meetings = sorted({k for r in old.values() for k in r["meetings"]} | new_meetings)
    tx.run(f.REFRESH_MEETINGS, keys=meetings).consume()
    tx.run(f.DROP_ORPHANS, meetings=meetings,
           issues=sorted({k for r in old.values() for k in r["issues"]})).consume()
    # Views of the meetings touched (those dropped are skipped) and of those held in a city
    # that gained a country (its name is in their place)
    in_cities = ({str(r["key"]) for r in tx.run(f.CITY_MEETINGS, cities=cities)}
                 if cities else set())
    refresh_views(tx, sorted(set(meetings) | in_cities))
    # Pairs that met before (their meeting may be gone now) and pairs that meet now: everyone
    # at a touched meeting, including people other articles put there.
    affected = set().union(*(pairs([*old[p.article_id]["entities"], *rows.participant_keys])
                             for p, rows in items))
    affected |= {(r["pair"][0], r["pair"][1]) for r in tx.run(f.MEETING_PAIRS, keys=meetings)}
    tx.run(f.RECOMPUTE_MET_WITH, pairs=[list(pair) for pair in sorted(affected)],
           kept=LATEST_KEPT).consume()
    tx.run(q.COMPLETE, articles=[{"id": p.article_id, "version": p.extraction.extractor_version,
                                  "counts": counts(p.extraction)} for p, _ in items]).consume()
    return ids


def _write(tx: neo4j.ManagedTransaction, items: list[tuple[Pending, FactRows]],
           old: Mapping[str, Any]) -> tuple[set[str], list[str]]:
    """The new facts, statement by statement; returns the keys of the meetings written and of
    the cities that gained a country."""
    _run_each(tx, f.MERGE_ENTITIES, items, "entities")
    locked = sorted({k for r in old.values() for k in r["entities"]}
                    | {k for _, rows in items for k in rows.participant_keys})
    tx.run(f.LOCK_ENTITIES, keys=locked).consume()
    cities = {tuple(sorted(c.items())): c for _, rows in items for c in rows.cities}
    gained = [str(r["city"]) for r in tx.run(f.MERGE_CITY_COUNTRIES, rows=list(cities.values()))]
    _run_each(tx, f.MERGE_ISSUES, items, "issues")
    keys = {str(r["key"]) for r in _run_each(tx, f.MERGE_MEETINGS, items, "meetings")}
    _run_each(tx, f.CREATE_ROLES, items, "roles")
    _run_each(tx, f.CREATE_ALLY_OF, items, "allies")
    _run_each(tx, f.CREATE_NO_RELATIONS, items, "no_relations")
    return keys, gained


def refresh_views(tx: neo4j.ManagedTransaction, keys: Sequence[str]) -> int:
    """Recompute and store the view of each of these meetings (sorted keys) that exists; returns
    how many."""
    if not keys:
        return 0
    rows = [{"key": r["key"], "view": meeting_json(r["view"])}
            for r in tx.run(f.MEETING_VIEWS, keys=list(keys))]
    if rows:
        tx.run(f.SET_MEETING_VIEWS, rows=rows, version=VIEW_VERSION).consume()
    return len(rows)


def write_extractions(driver: neo4j.Driver, batch: Sequence[Pending], database: str = "neo4j",
                      codes: Mapping[str, str] | None = None) -> list[str]:
    """Replace the batch's facts and mark its articles done, in one transaction; returns the ids
    written (an article whose lease went to another worker is left out and logged)."""
    if not batch:
        return []
    with session(driver, database) as tx_session:
        written: list[str] = tx_session.execute_write(replace_facts, batch, codes)
    for lost in sorted({p.article_id for p in batch} - set(written)):
        log.warning("article %s: lease lost before its facts were written; discarded", lost)
    return written


def write_extraction(driver: neo4j.Driver, article_id: str, extraction: Extraction,
                     fence: Fence | None = None, database: str = "neo4j",
                     codes: Mapping[str, str] | None = None) -> bool:
    """One article's `write_extractions`; False if its lease went to another worker."""
    return bool(write_extractions(driver, [Pending(article_id, extraction, fence)], database,
                                  codes))
