"""Neo4j values as plain Python: temporal types become ISO strings, containers are walked."""

from __future__ import annotations

from typing import Any

import neo4j.time

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
