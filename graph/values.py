"""Neo4j values as plain Python: temporal types become ISO strings, containers are walked."""

from __future__ import annotations

from typing import Any

import neo4j
import neo4j.exceptions
import neo4j.time

from graph.errors import Neo4jUnavailable

# What a caller should treat as "Neo4j is unreachable right now; try again later".
UNAVAILABLE: tuple[type[Exception], ...] = (
    neo4j.exceptions.ServiceUnavailable,
    neo4j.exceptions.SessionExpired,
    Neo4jUnavailable,
)


_AS_IS = frozenset({str, int, float, bool, type(None)})


def plain(value: Any) -> Any:
    """A JSON-ready copy of a value read from Neo4j."""
    kind = type(value)  # exact types first: the neo4j.time checks go through ABCMeta (slow)
    if kind in _AS_IS:
        return value
    if kind is dict:
        return {k: plain(v) for k, v in value.items()}
    if kind is list:
        return [plain(v) for v in value]
    if isinstance(value, neo4j.time.DateTime):
        return value.iso_format().split(".")[0] + ("Z" if value.utcoffset() is not None else "")
    if isinstance(value, (neo4j.time.Date, neo4j.time.Time, neo4j.time.Duration)):
        return value.iso_format()
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def session(driver: neo4j.Driver, database: str) -> neo4j.Session:
    """A session without server notifications (optional properties, planner hints: log noise)."""
    return driver.session(database=database, notifications_min_severity="OFF")
