"""Uniqueness constraints and indexes, applied idempotently at every start."""

from __future__ import annotations

from typing import LiteralString

import neo4j

# Community edition has only uniqueness constraints: every MERGE key below has one.
SCHEMA: tuple[LiteralString, ...] = (
    "CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT country_key IF NOT EXISTS FOR (n:Country) REQUIRE n.key IS UNIQUE",
    "CREATE CONSTRAINT person_key IF NOT EXISTS FOR (n:Person) REQUIRE n.key IS UNIQUE",
    "CREATE CONSTRAINT organization_key IF NOT EXISTS FOR (n:Organization) REQUIRE n.key IS UNIQUE",
    "CREATE CONSTRAINT city_key IF NOT EXISTS FOR (n:City) REQUIRE n.key IS UNIQUE",
    "CREATE CONSTRAINT meeting_key IF NOT EXISTS FOR (n:Meeting) REQUIRE n.key IS UNIQUE",
    "CREATE CONSTRAINT issue_key IF NOT EXISTS FOR (n:Issue) REQUIRE n.key IS UNIQUE",
    "CREATE INDEX article_status IF NOT EXISTS FOR (n:Article) ON (n.status, n.lease_until)",
    "CREATE INDEX article_published IF NOT EXISTS FOR (n:Article) ON (n.published)",
    "CREATE INDEX meeting_date IF NOT EXISTS FOR (n:Meeting) ON (n.date)",
)


def apply_schema(driver: neo4j.Driver, database: str = "neo4j") -> None:
    """Create every constraint and index that does not exist yet, then wait for them."""
    for statement in SCHEMA:
        driver.execute_query(statement, database_=database)
    driver.execute_query("CALL db.awaitIndexes(300)", database_=database)
