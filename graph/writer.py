"""Store one article's `Extraction`: its old facts out, the new ones in, one write transaction."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass

import neo4j

from graph.cypher import articles as q
from graph.cypher import facts as f
from graph.records import Extraction
from graph.rows import FactRows, to_rows
from graph.values import session

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Claim:
    """Who may write an article's facts: the worker holding its lease, at this attempt."""

    worker: str
    attempt: int


def counts(extraction: Extraction) -> dict[str, int]:
    return {"entities": len(extraction.entities), "meetings": len(extraction.meetings),
            "roles": len(extraction.roles), "issues": len(extraction.issues),
            "relations": len(extraction.relations)}


def replace_facts(tx: neo4j.ManagedTransaction, article_id: str, extraction: Extraction,
                  claim: Claim | None = None, codes: Mapping[str, str] | None = None) -> bool:
    """The transaction function; False (and nothing written) if the claim no longer holds."""
    fence = tx.run(f.FENCE, id=article_id, worker=claim.worker if claim else None,
                   attempt=claim.attempt if claim else None).single()
    if fence is None:
        return False
    old = tx.run(f.OLD_FACTS, id=article_id).single(strict=True)
    tx.run(f.RELEASE_DERIVED, id=article_id).consume()
    tx.run(f.DELETE_OWN, id=article_id).consume()
    rows = to_rows(extraction, codes)
    new_meetings = _write(tx, article_id, extraction.extractor_version, rows, old["entities"])
    meetings = sorted(set(old["meetings"]) | set(new_meetings))
    tx.run(f.REFRESH_MEETINGS, keys=meetings).consume()
    tx.run(f.DROP_ORPHANS, meetings=meetings, issues=old["issues"]).consume()
    affected = sorted(set(old["entities"]) | set(rows.participant_keys))
    tx.run(f.RECOMPUTE_MET_WITH, keys=affected).consume()
    tx.run(q.COMPLETE, id=article_id, version=extraction.extractor_version,
           counts=counts(extraction)).consume()
    return True


def _write(tx: neo4j.ManagedTransaction, article_id: str, version: str, rows: FactRows,
           old_entities: list[str]) -> list[str]:
    tx.run(f.MERGE_ENTITIES, id=article_id, rows=rows.entities).consume()
    locked = sorted(set(old_entities) | set(rows.participant_keys))
    tx.run(f.LOCK_ENTITIES, keys=locked).consume()
    tx.run(f.MERGE_CITY_COUNTRIES, rows=rows.cities).consume()
    tx.run(f.MERGE_ISSUES, id=article_id, rows=rows.issues).consume()
    result = tx.run(f.MERGE_MEETINGS, id=article_id, version=version, rows=rows.meetings)
    keys = [str(record["key"]) for record in result]
    tx.run(f.CREATE_ROLES, id=article_id, version=version, rows=rows.roles).consume()
    tx.run(f.CREATE_ALLY_OF, id=article_id, version=version, rows=rows.allies).consume()
    tx.run(f.CREATE_NO_RELATIONS, id=article_id, version=version,
           rows=rows.no_relations).consume()
    return keys


def write_extraction(driver: neo4j.Driver, article_id: str, extraction: Extraction,
                     claim: Claim | None = None, database: str = "neo4j",
                     codes: Mapping[str, str] | None = None) -> bool:
    """Replace the article's facts and mark it done; False if its lease went to another worker."""
    with session(driver, database) as tx_session:
        written: bool = tx_session.execute_write(replace_facts, article_id, extraction, claim,
                                                 codes)
    if not written:
        log.warning("article %s: lease lost before its facts were written; discarded", article_id)
    return written
