"""Session fixtures: the real Neo4j server the tests run against, and a clean graph per test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest

from graph.connection import open_driver
from graph.local.server import LocalNeo4j
from graph.schema import apply_schema
from graph.settings import CACHE_HOME, Neo4jSettings

TEST_HOME = Path(os.environ.get("DIPLOGRAPH_TEST_NEO4J_HOME", CACHE_HOME / "test-neo4j"))
TEST_BOLT_PORT = int(os.environ.get("DIPLOGRAPH_TEST_BOLT_PORT", "17687"))
TEST_HTTP_PORT = int(os.environ.get("DIPLOGRAPH_TEST_HTTP_PORT", "17474"))
OUTPUT_DIR = Path(__file__).resolve().parents[1] / "test-output"


def _test_settings() -> Neo4jSettings:
    settings = Neo4jSettings()
    if not settings.managed:
        if os.environ.get("DIPLOGRAPH_TESTS_MAY_WIPE") != "1":
            pytest.exit(
                f"NEO4J_URI={settings.uri} is set: the tests delete everything in that database; "
                "set DIPLOGRAPH_TESTS_MAY_WIPE=1 to allow it", returncode=2)
        return settings
    return settings.model_copy(
        update={"home": TEST_HOME, "bolt_port": TEST_BOLT_PORT, "http_port": TEST_HTTP_PORT,
                "heap": "1g", "pagecache": "256m"})


@pytest.fixture(scope="session")
def neo4j_settings() -> Iterator[Neo4jSettings]:
    """Settings of the server under test; starts the managed test server when none is named."""
    settings = _test_settings()
    local = LocalNeo4j(settings) if settings.managed else None
    started = local is not None and not local.status().running
    if local is not None:
        local.start()
    yield settings
    if local is not None and started and os.environ.get("DIPLOGRAPH_TEST_KEEP_NEO4J") != "1":
        local.stop()


@pytest.fixture(scope="session")
def driver(neo4j_settings: Neo4jSettings) -> Iterator[neo4j.Driver]:
    """One driver for the session, with the schema applied."""
    drv = open_driver(neo4j_settings)
    apply_schema(drv, neo4j_settings.database)
    yield drv
    drv.close()


@pytest.fixture
def empty_graph(driver: neo4j.Driver) -> Iterator[neo4j.Driver]:
    """A driver on an empty graph (Community has one user database, so tests clear it)."""
    with driver.session() as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 5000 ROWS").consume()
    yield driver


@pytest.fixture(scope="session")
def output_dir() -> Path:
    """Where tests leave artefacts such as screenshots."""
    OUTPUT_DIR.mkdir(exist_ok=True)
    return OUTPUT_DIR


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that reaches the server fixture is a `neo4j` test, so `-m "not neo4j"` starts
    nothing: the marker is derived from the fixtures a test uses, not remembered by hand."""
    for item in items:
        if "neo4j_settings" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.neo4j)
