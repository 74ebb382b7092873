"""The README, walked as a newcomer would: every command of its bash blocks runs as written.

The service is `scripts/serve` itself, on a fresh managed Neo4j of its own (a temporary home and
free ports: the one change from "as written", so a developer's own server on :7474/:7687/:8000
is left alone). Only the Docker block is not run (no Docker engine here), and `scripts/test`,
which is this suite. A command added to the README without a check here fails
`test_every_readme_command_is_walked`.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.ports import free_port

pytestmark = [pytest.mark.walk, pytest.mark.neo4j]

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
MODEL = ROOT / "ingest" / "extraction" / "learned" / "model.json"
NOT_RUN = {"scripts/test": "the suite this test is part of"}


def readme_blocks() -> list[list[str]]:
    """The commands of each ```bash block of the README, comments and blank lines dropped."""
    blocks = re.findall(r"^```bash\n(.*?)^```", README.read_text(), flags=re.S | re.M)
    return [[re.split(r"\s#\s", line)[0].strip() for line in block.splitlines()
             if line.strip() and not line.lstrip().startswith("#")] for block in blocks]


def walked_commands() -> list[str]:
    """Every command to run, in README order: all blocks but the Docker one."""
    return [cmd for block in readme_blocks()
            if not any(c.startswith("docker ") for c in block)
            for cmd in block if cmd not in NOT_RUN]


@dataclass
class Walk:
    """The newcomer's shell: the project's directory and an environment of its own."""

    env: dict[str, str]
    api_port: int
    home: Path

    def run(self, command: str, timeout: float = 300) -> str:
        """Run a README line as written (diplograph commands in the activated virtualenv)."""
        line = command.replace("localhost:8000", f"localhost:{self.api_port}")
        if line.startswith("diplograph "):
            line = "source .venv/bin/activate && " + line
        done = subprocess.run(["bash", "-c", line], cwd=ROOT, env=self.env, timeout=timeout,
                              capture_output=True, text=True)
        assert done.returncode == 0, f"{command!r} exited {done.returncode}:\n{done.stderr}"
        return done.stdout


@pytest.fixture(scope="module")
def walk(tmp_path_factory: pytest.TempPathFactory) -> Walk:
    home = tmp_path_factory.mktemp("readme-neo4j")
    base = {k: v for k, v in os.environ.items()
            if not k.startswith(("DIPLOGRAPH_", "NEO4J_", "VIRTUAL_ENV"))}
    env = {**base, "DIPLOGRAPH_NEO4J_HOME": str(home),
           "DIPLOGRAPH_NEO4J_BOLT_PORT": str(free_port()),
           "DIPLOGRAPH_NEO4J_HTTP_PORT": str(free_port()), "DIPLOGRAPH_NEO4J_HEAP": "512m",
           "DIPLOGRAPH_NEO4J_PAGECACHE": "128m"}
    return Walk(env=env, api_port=free_port(), home=home)


@pytest.fixture(scope="module")
def serving(walk: Walk,
            tmp_path_factory: pytest.TempPathFactory) -> Iterator[subprocess.Popen[bytes]]:
    """`scripts/serve` running, ready, with the seed article extracted."""
    log = tmp_path_factory.mktemp("readme-serve") / "serve.log"
    with log.open("wb") as out:
        proc = subprocess.Popen(["scripts/serve", "--port", str(walk.api_port)], cwd=ROOT,
                                env=walk.env, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_until(lambda: seed_done(walk.api_port), 300, proc, log)
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(30)


def seed_done(port: int) -> bool:
    try:
        answer = httpx.get(f"http://localhost:{port}/articles", params={"status": "done"},
                           timeout=5)
    except httpx.HTTPError:
        return False
    return answer.status_code == 200 and answer.json()["count"] > 0


def wait_until(ready: Callable[[], bool], seconds: float, proc: subprocess.Popen[bytes],
               log: Path) -> None:
    deadline = time.monotonic() + seconds
    while not ready():
        assert proc.poll() is None, f"scripts/serve exited:\n{log.read_text()[-3000:]}"
        assert time.monotonic() < deadline, f"not ready in {seconds} s:\n{log.read_text()[-3000:]}"
        time.sleep(1)


def test_every_readme_command_is_walked() -> None:
    """The walk below checks exactly the README's commands (Docker and the suite aside)."""
    assert walked_commands() == [*QUICK_START, *SERVER, *MODEL_COMMANDS]


QUICK_START = ["scripts/serve", "curl localhost:8000/health", "curl localhost:8000/ready",
               "curl 'localhost:8000/who-met-whom?name=Japan'"]
SERVER = ["diplograph neo4j start", "diplograph neo4j status", "diplograph neo4j password",
          "diplograph neo4j stop"]
MODEL_COMMANDS = ["diplograph extract seeds/a00.json", "diplograph train",
                  "diplograph eval --cv 6", "diplograph eval corpus/dev"]


def test_quick_start_serves_and_stops_on_one_ctrl_c(
        walk: Walk, serving: subprocess.Popen[bytes]) -> None:
    assert json.loads(walk.run(QUICK_START[1]))["status"] == "ok"
    assert json.loads(walk.run(QUICK_START[2]))["status"] == "ready"
    counterparts = json.loads(walk.run(QUICK_START[3]))["counterparts"]
    assert "North Korea" in {c["name"] for c in counterparts}
    serving.send_signal(signal.SIGINT)
    assert serving.wait(30) == 0


def test_server_commands(walk: Walk, serving: subprocess.Popen[bytes]) -> None:
    """Run after `scripts/serve` stopped (it stops the server it started): start starts it."""
    assert serving.poll() is not None
    walk.run(SERVER[0])
    status = walk.run(SERVER[1])
    assert "running" in status and walk.env["DIPLOGRAPH_NEO4J_BOLT_PORT"] in status
    assert walk.run(SERVER[2]).strip() == (walk.home / "password").read_text().strip()
    walk.run(SERVER[3])
    assert "stopped" in walk.run(SERVER[1])


def test_model_commands(walk: Walk) -> None:
    facts = json.loads(walk.run(MODEL_COMMANDS[0]))
    assert facts["meetings"], facts
    before = MODEL.read_bytes()
    walk.run(MODEL_COMMANDS[1])
    assert MODEL.read_bytes() == before, "diplograph train did not rebuild the committed model"
    assert "overall" in walk.run(MODEL_COMMANDS[2])
    assert "meeting" in walk.run(MODEL_COMMANDS[3])


def test_readme_http_examples_match_a_live_run() -> None:
    """Every `$ curl` example of the README prints what a fresh service answers today
    (`scripts/readme_examples.py` rewrites them; `--check` masks only times and worker ids)."""
    done = subprocess.run([sys.executable, "scripts/readme_examples.py", "--check"], cwd=ROOT,
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, f"stale README examples (regenerate them):\n{done.stdout}"
