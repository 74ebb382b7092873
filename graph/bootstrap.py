"""How every process reaches its graph: the managed server if needed, one driver, the schema.

The API, `diplograph worker`, `diplograph ingest` and the tests all boot through `connect`, so
"start the server → driver → schema" is written once.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Literal

import neo4j

from graph.connection import open_driver
from graph.errors import UNAVAILABLE
from graph.local.server import LocalNeo4j
from graph.schema import apply_schema, apply_schema_when_ready
from graph.settings import Neo4jSettings

log = logging.getLogger(__name__)

# "now": apply the schema or fail; "tolerant": warn and go on if Neo4j is down (the API
# answers 503 until it is back); "when_ready": retry with back-off until it is up or `stop`.
SchemaMode = Literal["now", "tolerant", "when_ready"]


@dataclass
class Connected:
    """A process's driver, and the managed server it started (None if it found one running)."""

    driver: neo4j.Driver
    database: str
    started: LocalNeo4j | None = None

    def close(self) -> None:
        """Close the driver, and stop the managed server only if this process started it."""
        self.driver.close()
        if self.started is not None:
            log.info("stopping the managed Neo4j: %s", self.started.stop())


def start_managed(settings: Neo4jSettings) -> LocalNeo4j | None:
    """Start the managed server when no NEO4J_URI is set; return it if this call started it."""
    if not settings.managed:
        return None
    local = LocalNeo4j(settings)
    was_running = local.status().running
    log.info("NEO4J_URI unset: %s", local.start())
    return None if was_running else local


def connect(settings: Neo4jSettings, schema: SchemaMode = "now", start_server: bool = True,
            stop: threading.Event | None = None, own_server: bool = False) -> Connected:
    """Boot: (managed server) → driver → schema. With `own_server` the returned `close()` also
    stops a managed server this call started; otherwise it is left running for the next user."""
    started = start_managed(settings) if start_server else None
    driver = open_driver(settings)
    try:
        if schema == "when_ready":
            apply_schema_when_ready(driver, settings.database, stop or threading.Event())
        elif schema == "tolerant":
            try:
                apply_schema(driver, settings.database)
            except UNAVAILABLE:
                log.warning("Neo4j unavailable at start; /ready answers 503 until it is back")
        else:
            apply_schema(driver, settings.database)
    except BaseException:
        driver.close()
        raise
    return Connected(driver, settings.database, started if own_server else None)
