"""The graph package's errors: one root, small subclasses whose message names the problem."""

from __future__ import annotations

import neo4j.exceptions


class GraphError(Exception):
    """Root of every error raised by graph/."""


class ProvisionError(GraphError):
    """The local server could not be provisioned or started (message is one line)."""


class Neo4jUnavailable(GraphError):
    """Neo4j cannot be reached right now; callers may retry later."""


# What a caller should treat as "Neo4j is unreachable right now; try again later".
UNAVAILABLE: tuple[type[Exception], ...] = (
    neo4j.exceptions.ServiceUnavailable,
    neo4j.exceptions.SessionExpired,
    Neo4jUnavailable,
)
