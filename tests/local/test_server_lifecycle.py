"""The managed server's lifecycle, on its own home and ports, through the real CLI."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest

from graph.local.server import LocalNeo4j
from graph.settings import Neo4jSettings

pytestmark = pytest.mark.neo4j


@pytest.fixture
def env(tmp_path: Path) -> Iterator[dict[str, str]]:
    env = {k: v for k, v in os.environ.items() if k not in ("NEO4J_URI", "NEO4J_PASSWORD")}
    env.update(DIPLOGRAPH_NEO4J_HOME=str(tmp_path / "neo4j"), DIPLOGRAPH_NEO4J_BOLT_PORT="27687",
               DIPLOGRAPH_NEO4J_HTTP_PORT="27474", DIPLOGRAPH_NEO4J_HEAP="512m",
               DIPLOGRAPH_NEO4J_PAGECACHE="64m")
    yield env
    _cli(env, "stop")


def _cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app", "neo4j", *args], env=env,
                          capture_output=True, text=True, timeout=300)


def _local(env: dict[str, str]) -> LocalNeo4j:
    settings = Neo4jSettings().model_copy(update={
        "uri": None, "home": Path(env["DIPLOGRAPH_NEO4J_HOME"]), "bolt_port": 27687,
        "http_port": 27474})
    return LocalNeo4j(settings)


def _count(local: LocalNeo4j) -> int:
    with neo4j.GraphDatabase.driver(local.bolt_uri, auth=("neo4j", local.password())) as drv:
        return int(drv.execute_query("MATCH (n:Probe) RETURN count(n) AS c").records[0]["c"])


def test_start_stop_status_are_idempotent_and_data_persists(env: dict[str, str]) -> None:
    assert "stopped" in _cli(env, "status").stdout
    first = _cli(env, "start")
    assert first.returncode == 0, first.stderr
    assert "started" in first.stdout
    second = _cli(env, "start")
    assert second.returncode == 0 and "already running" in second.stdout
    assert "running" in _cli(env, "status").stdout
    local = _local(env)
    with neo4j.GraphDatabase.driver(local.bolt_uri, auth=("neo4j", local.password())) as drv:
        drv.execute_query("CREATE (:Probe {at: 1})")
    assert _cli(env, "stop").stdout.strip() == "stopped"
    assert _cli(env, "stop").stdout.strip() == "already stopped"
    assert "stopped" in _cli(env, "status").stdout
    assert _cli(env, "start").returncode == 0
    assert _count(local) == 1  # the data directory outlives the process


def test_start_recovers_after_kill_9(env: dict[str, str]) -> None:
    assert _cli(env, "start").returncode == 0
    local = _local(env)
    pid = local.status().pid
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    restarted = _cli(env, "start")
    assert restarted.returncode == 0, restarted.stderr
    assert "started" in restarted.stdout
    assert local.status().running


def test_port_taken_is_a_one_line_error(env: dict[str, str]) -> None:
    with socket.socket() as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 27687))
        sock.listen()
        result = _cli(env, "start")
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0
    assert "port 27687 is already in use" in result.stderr
