"""`diplograph serve --workers N`: N API processes answer on one port, the ingest worker runs once
(in the command's own process), a managed Neo4j is started before them and stopped after, and
one Ctrl+C stops everything."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import neo4j
import pytest

from graph.local.server import LocalNeo4j
from graph.settings import Neo4jSettings
from tests.ports import free_port
from tests.service.test_workers import env_for

ROOT = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-c", "from app.cli import main; main()"]


def socket_inodes(pid: int) -> set[int]:
    """The inodes of the sockets a process holds open."""
    found = set()
    for fd in Path(f"/proc/{pid}/fd").glob("*"):
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            found.add(int(target[8:-1]))
    return found


def tcp_entries() -> list[tuple[int, int, str, int]]:
    """(local port, remote port, state, inode) of every IPv4 TCP socket on the machine."""
    rows = []
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local, remote, state, inode = fields[1], fields[2], fields[3], int(fields[9])
        rows.append((int(local.split(":")[1], 16), int(remote.split(":")[1], 16), state, inode))
    return rows


def descendants(pid: int) -> set[int]:
    out, todo = set(), [pid]
    while todo:
        current = todo.pop()
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                kids = [int(c) for c in task.read_text().split()]
            except OSError:
                continue
            out.update(kids)
            todo += kids
    return out


def api_processes(serve: int, port: int) -> set[int]:
    """The descendants of `serve` that listen on the API's port (the socket they share)."""
    listening = {inode for local, _, state, inode in tcp_entries()
                 if local == port and state == "0A"}
    return {pid for pid in descendants(serve) if socket_inodes(pid) & listening}


def answering_process(port: int, candidates: set[int]) -> int:
    """Ask /health on a new connection, kept open, and say which process accepted it."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        conn.sendall(b"GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n")
        answer = b""
        while not answer.endswith(b'"ok"}'):
            chunk = conn.recv(4096)
            assert chunk, f"connection closed after {answer!r}"
            answer += chunk
        assert answer.startswith(b"HTTP/1.1 200")
        mine = conn.getsockname()[1]
        server_side = {inode for local, remote, state, inode in tcp_entries()
                       if local == port and remote == mine and state == "01"}
        owners = [pid for pid in candidates if socket_inodes(pid) & server_side]
    assert len(owners) == 1, owners
    return owners[0]


@pytest.fixture
def started() -> Iterator[list[subprocess.Popen[bytes]]]:
    procs: list[subprocess.Popen[bytes]] = []
    yield procs
    for proc in procs:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(30)


def serve(env: dict[str, str], port: int, log: Path, *args: str) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:
        # A session of its own: Ctrl+C is sent to its whole process group, as a terminal does
        return subprocess.Popen([*CLI, "serve", "--port", str(port), *args], cwd=ROOT, env=env,
                                stdout=out, stderr=subprocess.STDOUT, start_new_session=True)


def wait_ready(proc: subprocess.Popen[bytes], port: int, log: Path, seconds: float) -> None:
    for _ in range(int(seconds / 0.5)):
        assert proc.poll() is None, log.read_text()[-3000:]
        try:
            if httpx.get(f"http://127.0.0.1:{port}/ready", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"not ready in {seconds} s:\n{log.read_text()[-3000:]}")


def assert_both_answer(proc: subprocess.Popen[bytes], port: int) -> set[int]:
    apis = api_processes(proc.pid, port)
    assert len(apis) == 2, apis
    assert proc.pid not in apis
    seen = set()
    for _ in range(200):  # the kernel hands each connection to one of the two accepting
        seen.add(answering_process(port, apis))
        if seen == apis:
            break
    assert seen == apis
    return apis


def running(pid: int) -> str | None:
    """The command line of a live (not zombie) process, else None."""
    try:
        if "State:\tZ" in Path(f"/proc/{pid}/status").read_text():
            return None
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()[:200]
    except OSError:
        return None


def ctrl_c_stops_all(proc: subprocess.Popen[bytes], pids: set[int], log: Path) -> None:
    os.killpg(proc.pid, signal.SIGINT)
    assert proc.wait(60) == 0, log.read_text()[-3000:]
    # Helpers (the extraction child, multiprocessing's resource tracker) end on their parent's
    # exit, a moment after it: wait for them, boundedly.
    for _ in range(60):
        alive = {pid: cmd for pid in pids if (cmd := running(pid))}
        if not alive:
            break
        time.sleep(0.5)
    assert alive == {}


def test_two_api_processes_one_ingest_worker(empty_graph: neo4j.Driver,
                                            neo4j_settings: Neo4jSettings, tmp_path: Path,
                                            started: list[subprocess.Popen[bytes]]) -> None:
    port, log = free_port(), tmp_path / "serve.log"
    env = env_for(neo4j_settings, DIPLOGRAPH_INGEST_SEEDS="false",
                  DIPLOGRAPH_WORKER_PULSE_SECONDS="1")
    proc = serve(env, port, log, "--workers", "2")
    started.append(proc)
    wait_ready(proc, port, log, 120)
    apis = assert_both_answer(proc, port)
    # The ingest worker is this command's own thread: one, whichever API process is asked.
    for _ in range(240):
        workers = httpx.get(f"http://127.0.0.1:{port}/ready", timeout=5).json()["workers"]
        if workers:
            break
        time.sleep(0.5)
    assert [w["id"].split("-")[-2] for w in workers] == [str(proc.pid)]
    ctrl_c_stops_all(proc, apis | descendants(proc.pid), log)


def test_managed_neo4j_started_before_and_stopped_after(
        tmp_path: Path, started: list[subprocess.Popen[bytes]]) -> None:
    home, port, log = tmp_path / "neo4j", free_port(), tmp_path / "serve.log"
    base = {k: v for k, v in os.environ.items() if not k.startswith(("DIPLOGRAPH_", "NEO4J_"))}
    env = {**base, "DIPLOGRAPH_NEO4J_HOME": str(home),
           "DIPLOGRAPH_NEO4J_BOLT_PORT": str(free_port()),
           "DIPLOGRAPH_NEO4J_HTTP_PORT": str(free_port()), "DIPLOGRAPH_NEO4J_HEAP": "512m",
           "DIPLOGRAPH_NEO4J_PAGECACHE": "128m", "DIPLOGRAPH_INGEST_SEEDS": "false",
           "DIPLOGRAPH_RUN_WORKER": "false", "DIPLOGRAPH_API_WORKERS": "2"}
    local = LocalNeo4j(Neo4jSettings().model_copy(update={
        "uri": None, "home": home, "bolt_port": int(env["DIPLOGRAPH_NEO4J_BOLT_PORT"]),
        "http_port": int(env["DIPLOGRAPH_NEO4J_HTTP_PORT"])}))
    proc = serve(env, port, log)  # the number of API processes from DIPLOGRAPH_API_WORKERS
    started.append(proc)
    try:
        wait_ready(proc, port, log, 240)
        server = local.status()
        assert server.running
        apis = assert_both_answer(proc, port)
        assert server.pid not in apis
        ctrl_c_stops_all(proc, apis, log)
        assert not local.status().running
    finally:
        local.stop()
