"""Real processes for the reliability tests: the API under uvicorn and `diplograph worker`s.

Every process listens on / talks to 127.0.0.1 only, logs to a file under tmp_path (so tests can
read what was logged), and is stopped at teardown. Waits are bounded by a count and a deadline.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import neo4j
import pytest

from graph.local.server import LocalNeo4j
from graph.settings import Neo4jSettings
from tests.ports import free_port

ROOT = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-c", "from app.cli import main; main()"]


def env_for(settings: Neo4jSettings, **extra: str) -> dict[str, str]:
    """The environment of a diplograph process that uses the server `settings` name."""
    local = LocalNeo4j(settings)
    uri = settings.uri or local.bolt_uri
    password = settings.password.get_secret_value() if settings.password else local.password()
    base = {k: v for k, v in os.environ.items()
            if not k.startswith(("DIPLOGRAPH_", "NEO4J_"))}
    return {**base, "NEO4J_URI": uri, "NEO4J_PASSWORD": password, "NEO4J_USER": settings.user,
            "NEO4J_DATABASE": settings.database, "PYTHONPATH": str(ROOT),
            "DIPLOGRAPH_INGEST_SEEDS": "false", "DIPLOGRAPH_START_NEO4J": "false",
            "DIPLOGRAPH_WORKER_POLL_SECONDS": "0.2", "DIPLOGRAPH_WORKER_MAX_BACKOFF_SECONDS": "2",
            **extra}


@dataclass
class Proc:
    """A started process and the file its output goes to."""

    popen: subprocess.Popen[bytes]
    log: Path
    url: str = ""

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def kill9(self) -> None:
        self.popen.send_signal(signal.SIGKILL)
        self.popen.wait(10)

    def stop(self) -> None:
        if self.popen.poll() is None:
            self.popen.send_signal(signal.SIGTERM)
            try:
                self.popen.wait(20)
            except subprocess.TimeoutExpired:
                self.kill9()


@dataclass
class Procs:
    """Starts the API and workers against one Neo4j; stops them all at teardown."""

    settings: Neo4jSettings
    logs: Path
    started: list[Proc] = field(default_factory=list)

    def _start(self, cmd: list[str], name: str, env: dict[str, str]) -> Proc:
        log = self.logs / f"{name}-{len(self.started)}.log"
        with log.open("wb") as out:
            popen = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=out,
                                     stderr=subprocess.STDOUT)
        proc = Proc(popen, log)
        self.started.append(proc)
        return proc

    def worker(self, **extra: str) -> Proc:
        """`diplograph worker` (the real CLI) with extra DIPLOGRAPH_* settings."""
        return self._start([*CLI, "worker"], "worker", env_for(self.settings, **extra))

    def api(self, env: dict[str, str] | None = None, port: int | None = None,
            worker: bool = False, factory: str | None = None, ready_timeout: float = 90.0,
            **extra: str) -> Proc:
        """`diplograph serve` (or uvicorn on an app factory); returns once /health answers."""
        port = port or free_port()
        if factory:
            cmd = [sys.executable, "-m", "uvicorn", "--factory", factory, "--host", "127.0.0.1",
                   "--port", str(port), "--no-access-log"]
        else:
            cmd = [*CLI, "serve", "--host", "127.0.0.1", "--port", str(port),
                   "--worker" if worker else "--no-worker"]
        proc = self._start(cmd, "api", env_for(self.settings, **(env or {}), **extra))
        proc.url = f"http://127.0.0.1:{port}"
        wait_for(lambda: _answers(proc), ready_timeout, f"the API did not start: {proc.log}")
        return proc

    def stop_all(self) -> None:
        for proc in self.started:
            proc.stop()


def _answers(proc: Proc) -> bool:
    if proc.popen.poll() is not None:
        raise AssertionError(f"process exited {proc.popen.returncode}:\n{proc.output()[-3000:]}")
    try:
        return httpx.get(proc.url + "/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def wait_for(check: Callable[[], bool], timeout: float, message: str = "timed out",
             interval: float = 0.3) -> None:
    """Poll `check` until true, at most `timeout` seconds."""
    deadline = time.monotonic() + timeout
    for _ in range(int(timeout / interval) + 2):
        if check():
            return
        if time.monotonic() > deadline:
            break
        time.sleep(interval)
    raise AssertionError(message)


@pytest.fixture
def procs(neo4j_settings: Neo4jSettings, tmp_path: Path) -> Iterator[Procs]:
    """API and worker processes on the session's test server."""
    p = Procs(neo4j_settings, tmp_path)
    yield p
    p.stop_all()


def statuses(driver: neo4j.Driver) -> dict[str, dict[str, Any]]:
    """Every article's id → status, error, runs, attempts."""
    rows = driver.execute_query(
        "MATCH (a:Article) RETURN a.id AS id, a.status AS status, a.error AS error, "
        "a.runs AS runs, a.attempts AS attempts").records
    return {r["id"]: r.data() for r in rows}


def all_done(driver: neo4j.Driver, ids: set[str]) -> bool:
    got = statuses(driver)
    return ids <= set(got) and all(got[i]["status"] in ("done", "failed") for i in ids)


# The real extractor, loaded once per session (the service tests' fixture).
from tests.service.conftest import extractor  # noqa: E402, F401
