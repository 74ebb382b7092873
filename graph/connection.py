"""The Neo4j driver: built once per process from settings, for a remote or the managed server."""

from __future__ import annotations

import neo4j

from graph.local.server import LocalNeo4j
from graph.settings import Neo4jSettings


def credentials(settings: Neo4jSettings) -> tuple[str, str, str]:
    """(uri, user, password) for the server these settings name."""
    if settings.managed:
        local = LocalNeo4j(settings)
        return local.bolt_uri, "neo4j", local.password()
    password = settings.password.get_secret_value() if settings.password else ""
    assert settings.uri is not None
    return settings.uri, settings.user, password


def open_driver(settings: Neo4jSettings) -> neo4j.Driver:
    """A driver with bounded timeouts, so an outage answers quickly instead of hanging."""
    uri, user, password = credentials(settings)
    return neo4j.GraphDatabase.driver(
        uri,
        auth=(user, password),
        connection_timeout=settings.connection_timeout,
        connection_acquisition_timeout=settings.connection_timeout * 2,
        max_transaction_retry_time=settings.connection_timeout * 3,
        # No INFORMATION notices ("index or constraint already exists" per schema statement at
        # every start); warnings still come through.
        notifications_min_severity="WARNING",
    )


def session(driver: neo4j.Driver, database: str) -> neo4j.Session:
    """A session without server notifications (optional properties, planner hints: log noise)."""
    return driver.session(database=database, notifications_min_severity="OFF")


def read_session(driver: neo4j.Driver, database: str) -> neo4j.Session:
    """`session` for reads: what it runs goes to a server that takes reads."""
    return driver.session(database=database, default_access_mode=neo4j.READ_ACCESS,
                          notifications_min_severity="OFF")
