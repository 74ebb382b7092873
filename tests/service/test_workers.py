"""Process-level: `diplograph worker` subprocesses share one queue; a killed one loses nothing."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date

import neo4j
import pytest

from graph.articles import ArticleStore, NewArticle
from graph.local.server import LocalNeo4j
from graph.settings import Neo4jSettings
from tests.service.conftest import SEEDS
from tests.service.graphcheck import assert_met_with_consistent

pytestmark = pytest.mark.faults

SEED = json.loads((SEEDS / "a00.json").read_text())
Spawn = Callable[..., subprocess.Popen[bytes]]


def env_for(settings: Neo4jSettings, **extra: str) -> dict[str, str]:
    uri = settings.uri or LocalNeo4j(settings).bolt_uri
    password = (settings.password.get_secret_value() if settings.password
                else LocalNeo4j(settings).password())
    return {**os.environ, "NEO4J_URI": uri, "NEO4J_PASSWORD": password,
            "NEO4J_USER": settings.user, "NEO4J_DATABASE": settings.database,
            "DIPLOGRAPH_WORKER_POLL_SECONDS": "0.2", **extra}


@pytest.fixture
def spawn(neo4j_settings: Neo4jSettings) -> Iterator[Spawn]:
    procs: list[subprocess.Popen[bytes]] = []

    def start(**extra: str) -> subprocess.Popen[bytes]:
        cmd = [sys.executable, "-c", "from app.cli import main; main()", "worker"]
        proc = subprocess.Popen(cmd, env=env_for(neo4j_settings, **extra),
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        procs.append(proc)
        return proc

    yield start
    for proc in procs:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            proc.wait(30)


def store(empty_graph: neo4j.Driver, n: int) -> list[str]:
    articles = [NewArticle(text=SEED["text"], url=f"https://example.org/report/{i}",
                           title=SEED["title"], published=date.fromisoformat(SEED["published"]))
                for i in range(n)]
    ArticleStore(empty_graph).store(articles)
    return [a.id for a in articles]


def states(empty_graph: neo4j.Driver) -> list[dict[str, object]]:
    rows = empty_graph.execute_query("MATCH (a:Article) RETURN properties(a) AS a").records
    return [{k: r["a"].get(k) for k in ("id", "status", "runs", "attempts")} for r in rows]


def wait_for(check: Callable[[], bool], timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.3)


def all_done(empty_graph: neo4j.Driver) -> bool:
    return all(s["status"] == "done" for s in states(empty_graph))


def test_two_workers_process_each_article_once(empty_graph: neo4j.Driver, spawn: Spawn) -> None:
    store(empty_graph, 24)
    spawn(DIPLOGRAPH_WORKER_CLAIM_BATCH="3")
    spawn(DIPLOGRAPH_WORKER_CLAIM_BATCH="3")
    wait_for(lambda: all_done(empty_graph))
    rows = states(empty_graph)
    assert {(r["runs"], r["attempts"]) for r in rows} == {(1, 1)}, rows
    meetings = empty_graph.execute_query("MATCH (m:Meeting) RETURN count(m) AS n").records[0]["n"]
    reports = empty_graph.execute_query("MATCH ()-[r:REPORTED_IN]->() RETURN count(r) AS n")
    assert reports.records[0]["n"] == 24 * meetings  # one meeting per event, 24 reports each
    assert_met_with_consistent(empty_graph)


def test_killed_worker_articles_finish_later_once(empty_graph: neo4j.Driver, spawn: Spawn) -> None:
    ids = store(empty_graph, 6)
    doomed = spawn(DIPLOGRAPH_WORKER_CLAIM_BATCH="6", DIPLOGRAPH_WORKER_LEASE_SECONDS="3",
                   DIPLOGRAPH_WORKER_DRILL_PAUSE_SECONDS="600")
    wait_for(lambda: all(s["status"] == "processing" for s in states(empty_graph)))
    doomed.send_signal(signal.SIGKILL)
    doomed.wait(10)
    spawn(DIPLOGRAPH_WORKER_CLAIM_BATCH="2", DIPLOGRAPH_WORKER_LEASE_SECONDS="30")
    wait_for(lambda: all_done(empty_graph))
    rows = states(empty_graph)
    assert sorted(str(r["id"]) for r in rows) == sorted(ids)
    assert {(r["runs"], r["attempts"]) for r in rows} == {(1, 2)}
    assert_met_with_consistent(empty_graph)
