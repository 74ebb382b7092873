"""Uniqueness constraints and indexes, applied idempotently at every start."""

from __future__ import annotations

import logging
import threading
from typing import LiteralString

import neo4j

from graph.connection import session
from graph.cypher import facts as f
from graph.errors import UNAVAILABLE
from graph.writer import LATEST_KEPT, VIEW_VERSION, refresh_views

log = logging.getLogger(__name__)

# Community edition has only uniqueness constraints: every MERGE key below has one.
SCHEMA: tuple[LiteralString, ...] = (
    "CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT country_key IF NOT EXISTS FOR (n:Country) REQUIRE n.key IS UNIQUE",
    "CREATE CONSTRAINT person_key IF NOT EXISTS FOR (n:Person) REQUIRE n.key IS UNIQUE",
    "CREATE CONSTRAINT organization_key IF NOT EXISTS FOR (n:Organization) REQUIRE n.key IS UNIQUE",
    "CREATE CONSTRAINT city_key IF NOT EXISTS FOR (n:City) REQUIRE n.key IS UNIQUE",
    "CREATE CONSTRAINT meeting_key IF NOT EXISTS FOR (n:Meeting) REQUIRE n.key IS UNIQUE",
    "CREATE CONSTRAINT issue_key IF NOT EXISTS FOR (n:Issue) REQUIRE n.key IS UNIQUE",
    "CREATE CONSTRAINT worker_id IF NOT EXISTS FOR (n:Worker) REQUIRE n.id IS UNIQUE",
    "CREATE INDEX article_status IF NOT EXISTS FOR (n:Article) ON (n.status, n.lease_until)",
    "CREATE INDEX article_published IF NOT EXISTS FOR (n:Article) ON (n.published)",
    "CREATE INDEX meeting_date IF NOT EXISTS FOR (n:Meeting) ON (n.date)",
    # diplograph's own keys and lookups (graph model: README.md, "The graph model").
    "CREATE CONSTRAINT entity_key IF NOT EXISTS FOR (n:Entity) REQUIRE n.key IS UNIQUE",
    "CREATE CONSTRAINT alias_name IF NOT EXISTS FOR (n:Alias) REQUIRE n.name IS UNIQUE",
    "CREATE INDEX meeting_sides IF NOT EXISTS FOR (n:Meeting) ON (n.sides)",
    "CREATE INDEX meeting_start IF NOT EXISTS FOR (n:Meeting) ON (n.date_start)",
    "CREATE INDEX article_source IF NOT EXISTS FOR (n:Article) ON (n.source)",
    "CREATE INDEX article_worker IF NOT EXISTS FOR (n:Article) ON (n.worker_id)",
)

# Indexes of other kinds (`CREATE <KIND> INDEX name …`), kept apart from SCHEMA's
# `CREATE CONSTRAINT|INDEX name …` statements: a text index serves CONTAINS name searches.
OTHER_INDEXES: tuple[LiteralString, ...] = (
    "CREATE TEXT INDEX alias_name_text IF NOT EXISTS FOR (n:Alias) ON (n.name)",
)


def apply_schema(driver: neo4j.Driver, database: str = "neo4j") -> None:
    """Create every constraint and index that does not exist yet, then wait for them."""
    for statement in (*SCHEMA, *OTHER_INDEXES):
        driver.execute_query(statement, database_=database)
    driver.execute_query("CALL db.awaitIndexes(300)", database_=database)
    backfill_met_with(driver, database)
    backfill_views(driver, database)


def backfill_met_with(driver: neo4j.Driver, database: str = "neo4j", batch: int = 2000) -> int:
    """Recompute the MET_WITH an older release wrote without `latest` or its months (who-met-whom
    reads them); returns how many. Nothing to do, one relationship scan, on a graph this release
    wrote."""
    done: set[tuple[str, ...]] = set()
    if not driver.execute_query(f.HAS_MET_WITH, database_=database).records[0]["n"]:
        return 0
    while rows := driver.execute_query(f.MET_WITH_OUTDATED, limit=batch,
                                       database_=database).records:
        todo = sorted({tuple(sorted(r["pair"])) for r in rows} - done)
        if not todo:  # what the recomputation leaves alone (a person with a country): stop
            break
        driver.execute_query(f.RECOMPUTE_MET_WITH, pairs=[list(p) for p in todo],
                             kept=LATEST_KEPT, database_=database)
        done |= set(todo)
    if done:
        log.info("MET_WITH: %d pairs recomputed to keep their latest meetings and months",
                 len(done))
    return len(done)


def backfill_views(driver: neo4j.Driver, database: str = "neo4j", batch: int = 1000) -> int:
    """Compute the view of every meeting an older release wrote without one (or with one of
    another VIEW_VERSION; the read queries return it); returns how many. Nothing to do, one
    scan of the meetings, on a graph this release wrote."""
    done = 0
    with session(driver, database) as tx_session:  # no notice for a property not there yet
        while keys := sorted(str(r["key"]) for r in tx_session.execute_read(
                lambda tx: list(tx.run(f.MEETING_VIEW_OUTDATED, version=VIEW_VERSION,
                                       limit=batch)))):
            written = tx_session.execute_write(refresh_views, keys)
            if not written:  # deleted meanwhile
                break
            done += written
    if done:
        log.info("Meetings: %d views computed", done)
    return done


def apply_schema_when_ready(driver: neo4j.Driver, database: str, stop: threading.Event,
                            max_wait: float = 30.0) -> bool:
    """Apply the schema, retrying with back-off while Neo4j is unreachable; False if stopped."""
    wait = 1.0
    while not stop.is_set():
        try:
            apply_schema(driver, database)
            return True
        except UNAVAILABLE as exc:
            log.warning("Neo4j unavailable (%s); schema in %.0fs", type(exc).__name__, wait)
            stop.wait(wait)
            wait = min(wait * 2, max_wait)
    return False
