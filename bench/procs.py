"""Subprocesses the benchmarks start (API, workers) and what /proc says about them."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
LOGS = Path(os.environ.get("DIPLOGRAPH_BENCH_LOGS", "/tmp/diplograph-bench"))


def status_kib(pid: int, field: str) -> int:
    """A /proc/<pid>/status field in KiB (VmHWM: peak resident set; VmRSS: current), summed
    over the process and its live children."""
    return sum(_own_kib(p, field) for p in tree(pid))


def _own_kib(pid: int, field: str) -> int:
    try:
        lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    except (FileNotFoundError, ProcessLookupError):
        return 0
    for line in lines:
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def own_cpu_seconds(pid: int) -> float:
    """User + system CPU seconds one process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def tree(pid: int) -> list[int]:
    """The process and its live descendants (a worker's extraction child among them)."""
    out: list[int] = []
    todo = [pid]
    while todo and len(out) < 256:
        current = todo.pop()
        out.append(current)
        for task in Path(f"/proc/{current}/task").glob("*/children"):
            try:
                todo += [int(c) for c in task.read_text().split()]
            except (FileNotFoundError, ProcessLookupError):
                continue
    return out


def cpu_seconds(pid: int) -> float:
    """CPU seconds of the process and its live children (extraction runs in a child)."""
    total = 0.0
    for member in tree(pid):
        try:
            total += own_cpu_seconds(member)
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def spawn(name: str, args: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    """Start `python <args>` in the repository, its output in LOGS/<name>.log."""
    LOGS.mkdir(parents=True, exist_ok=True)
    log = (LOGS / f"{name}.log").open("wb")
    return subprocess.Popen([sys.executable, *args], cwd=ROOT, env=env, stdout=log,
                            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)


def api(port: int, env: dict[str, str], processes: int = 1) -> subprocess.Popen[bytes]:
    """The API under uvicorn (`processes` of it on one socket, as `serve --workers` runs them),
    without its in-process worker or seeds, and without an access log line per request."""
    env = {**env, "DIPLOGRAPH_RUN_WORKER": "false", "DIPLOGRAPH_INGEST_SEEDS": "false"}
    proc = spawn(f"api-{port}", ["-m", "uvicorn", "app.main:create_app", "--factory",
                                 "--host", "127.0.0.1", "--port", str(port),
                                 "--log-level", "warning", "--no-access-log",
                                 "--workers", str(processes)], env)
    wait_ready(f"http://127.0.0.1:{port}/ready", proc)
    return proc


def wait_ready(url: str, proc: subprocess.Popen[bytes], timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{proc.args!r} exited ({proc.returncode}); see {LOGS}")
        try:
            if httpx.get(url, timeout=2.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{url} not ready after {timeout:.0f}s; see {LOGS}")


def wait_log(name: str, text: str, proc: subprocess.Popen[bytes], timeout: float = 120.0) -> None:
    """Wait until the process's log contains `text` (e.g. the worker's "started")."""
    path = LOGS / f"{name}.log"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"{name} exited ({proc.returncode}); see {path}")
        if path.exists() and text in path.read_text(errors="replace"):
            return
        time.sleep(0.2)
    raise RuntimeError(f"{name} did not log {text!r} within {timeout:.0f}s; see {path}")


def stop(proc: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    """SIGTERM, then SIGKILL if it does not exit in time (only processes we started)."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
