"""The benchmarks' own managed Neo4j: its own home, ports and memory, never the test server
(17687) or the user's (7687). Subprocesses reach it through the same DIPLOGRAPH_* variables."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import neo4j

from graph.connection import open_driver
from graph.local.server import LocalNeo4j
from graph.schema import apply_schema
from graph.settings import CACHE_HOME, Neo4jSettings

HOME = CACHE_HOME / "bench-neo4j"
BOLT_PORT, HTTP_PORT = 38687, 38474
HEAP, PAGECACHE = "4g", "2g"


def settings() -> Neo4jSettings:
    """Settings of the benchmark server (overridable with DIPLOGRAPH_BENCH_NEO4J_*)."""
    env = os.environ.get
    return Neo4jSettings().model_copy(update={
        "uri": None, "password": None,
        "home": Path(env("DIPLOGRAPH_BENCH_NEO4J_HOME", str(HOME))),
        "bolt_port": int(env("DIPLOGRAPH_BENCH_BOLT_PORT", str(BOLT_PORT))),
        "http_port": int(env("DIPLOGRAPH_BENCH_HTTP_PORT", str(HTTP_PORT))),
        "heap": env("DIPLOGRAPH_BENCH_NEO4J_HEAP", HEAP),
        "pagecache": env("DIPLOGRAPH_BENCH_NEO4J_PAGECACHE", PAGECACHE),
    })


def child_env(s: Neo4jSettings, **extra: str) -> dict[str, str]:
    """Environment for an API or worker subprocess that should use the benchmark server."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env.update({"DIPLOGRAPH_NEO4J_HOME": str(s.home), "DIPLOGRAPH_JAR_CACHE": str(s.jar_cache),
                "DIPLOGRAPH_NEO4J_BOLT_PORT": str(s.bolt_port),
                "DIPLOGRAPH_NEO4J_HTTP_PORT": str(s.http_port),
                "DIPLOGRAPH_NEO4J_HEAP": s.heap, "DIPLOGRAPH_NEO4J_PAGECACHE": s.pagecache})
    env.update(extra)
    return env


def fresh(s: Neo4jSettings) -> float:
    """Stop the server, delete its data, start it empty; returns the seconds it took."""
    started = time.perf_counter()
    local = LocalNeo4j(s)
    local.stop()
    shutil.rmtree(s.home / "data", ignore_errors=True)
    local.start()
    return time.perf_counter() - started


def start(s: Neo4jSettings) -> None:
    LocalNeo4j(s).start()


def stop(s: Neo4jSettings) -> None:
    LocalNeo4j(s).stop()


def driver(s: Neo4jSettings) -> neo4j.Driver:
    """A driver on the benchmark server, schema applied."""
    drv = open_driver(s)
    apply_schema(drv)
    return drv


def wipe(drv: neo4j.Driver) -> None:
    """Delete every node (the schema stays)."""
    with drv.session() as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
                    ).consume()


def pagecache_warm(drv: neo4j.Driver) -> None:
    """Touch every node and relationship once, so reads are measured on a warm page cache."""
    drv.execute_query("MATCH (n) RETURN count(n)")
    drv.execute_query("MATCH ()-[r]->() RETURN count(r)")
