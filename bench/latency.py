"""Latency under concurrency: many async httpx clients hitting one API, per-request timings."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx

from bench.stats import percentile


@dataclass
class Timings:
    """Client-side latencies (ms) of one query type, and which requests were slowest."""

    ms: list[float] = field(default_factory=list)
    errors: int = 0
    slowest: tuple[float, dict[str, Any]] = (0.0, {})
    bytes: int = 0

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
                "slowest_ms": round(self.slowest[0], 1), "slowest_params": self.slowest[1]}


async def _hit(client: httpx.AsyncClient, gate: asyncio.Semaphore, path: str,
               params: dict[str, Any], out: Timings, deadline: float) -> None:
    async with gate:
        if time.perf_counter() > deadline:  # time budget spent: this request is not sent
            return
        start = time.perf_counter()
        try:
            response = await client.get(path, params=params)
            ok, size = response.status_code == 200, len(await response.aread())
        except httpx.HTTPError:
            ok, size = False, 0
        out.add((time.perf_counter() - start) * 1000, params, ok, size)


async def _run(base: str, path: str, params: Sequence[dict[str, Any]], clients: int,
               budget: float) -> Timings:
    out = Timings()
    deadline = time.perf_counter() + budget
    gate = asyncio.Semaphore(clients)
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=base, timeout=60.0, limits=limits) as client:
        await asyncio.gather(*(_hit(client, gate, path, p, out, deadline) for p in params))
    return out


def measure(base: str, path: str, params: Sequence[dict[str, Any]], clients: int,
            budget: float = 1e9) -> Timings:
    """Send the requests (params[i]) with `clients` in flight at once, until all are answered
    or `budget` seconds have passed (requests not yet sent by then are dropped)."""
    return asyncio.run(_run(base, path, params, clients, budget))
