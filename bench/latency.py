"""Latency under concurrency: many kept-alive connections hitting one API, per-request timings."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import httptools

from bench import client
from bench.stats import percentile


@dataclass
class Timings:
    """Client-side latencies (ms) of one query type, and which requests were slowest."""

    ms: list[float] = field(default_factory=list)
    errors: int = 0
    slowest: tuple[float, dict[str, Any]] = (0.0, {})
    bytes: int = 0
    seconds: float = 0.0  # wall time of the whole run
    cpu_seconds: float = 0.0  # the load generator's own CPU (this process) during the run

    def add(self, ms: float, params: dict[str, Any], ok: bool, size: int) -> None:
        self.ms.append(ms)
        self.errors += not ok
        self.bytes += size
        if ms > self.slowest[0]:
            self.slowest = (ms, params)

    def summary(self) -> dict[str, Any]:
        return {"p50": percentile(self.ms, 50), "p95": percentile(self.ms, 95),
                "p99": percentile(self.ms, 99), "max": max(self.ms, default=0.0),
                "n": len(self.ms), "errors": self.errors,
                "mean_response_bytes": self.bytes // max(len(self.ms), 1),
                "slowest_ms": round(self.slowest[0], 1), "slowest_params": self.slowest[1],
                "seconds": round(self.seconds, 2), "per_s": round(self.per_s(), 1),
                "generator_cpu_share": round(self.cpu_share(), 2)}

    def per_s(self) -> float:
        """Answers per second over the run."""
        return (len(self.ms) - self.errors) / self.seconds if self.seconds else 0.0

    def cpu_share(self) -> float:
        """The generator's CPU over the run, in cores (1.0: one core busy all the time)."""
        return self.cpu_seconds / self.seconds if self.seconds else 0.0


class Clock:
    """Wall and this process's CPU time from start to `stop(timings)`."""

    def __init__(self) -> None:
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def stop(self, out: Timings) -> Timings:
        out.seconds = time.perf_counter() - self.wall
        out.cpu_seconds = time.process_time() - self.cpu
        return out


async def _hit(pool: asyncio.Queue[client.Connection], path: str, params: dict[str, Any],
               out: Timings, deadline: float) -> None:
    conn = await pool.get()  # one of `clients` connections: at most that many in flight
    try:
        if time.perf_counter() > deadline:  # time budget spent: this request is not sent
            return
        request_target = client.target(path, params)
        start = time.perf_counter()
        try:
            status, size = await asyncio.wait_for(conn.get(request_target), 60.0)
            ok = status == 200
        except (OSError, client.HttpError, TimeoutError, httptools.HttpParserError):
            conn.close()
            ok, size = False, 0
        out.add((time.perf_counter() - start) * 1000, params, ok, size)
    finally:
        pool.put_nowait(conn)


async def _run(base: str, path: str, params: Sequence[dict[str, Any]], clients: int,
               budget: float) -> Timings:
    out = Timings()
    deadline = time.perf_counter() + budget
    where = urlsplit(base)
    pool: asyncio.Queue[client.Connection] = asyncio.Queue()
    for _ in range(clients):
        pool.put_nowait(client.Connection(where.hostname or "127.0.0.1", where.port or 80))
    clock = Clock()
    try:
        await asyncio.gather(*(_hit(pool, path, p, out, deadline) for p in params))
    finally:
        while not pool.empty():
            pool.get_nowait().close()
    return clock.stop(out)


def measure(base: str, path: str, params: Sequence[dict[str, Any]], clients: int,
            budget: float = 1e9) -> Timings:
    """Send the requests (params[i]) with `clients` in flight at once, until all are answered
    or `budget` seconds have passed (requests not yet sent by then are dropped)."""
    return asyncio.run(_run(base, path, params, clients, budget))
