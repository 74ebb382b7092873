"""The database's limit for a query: the API's Cypher run straight through the driver, with as
many requests in flight as the API gets, timed as the HTTP clients time theirs."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, LiteralString

import neo4j

from bench.latency import Clock, Timings
from graph.connection import read_session

Request = tuple[LiteralString, dict[str, Any]]


def measure(drv: neo4j.Driver, requests: Sequence[Request], clients: int,
            budget: float = 1e9) -> Timings:
    """Run each (query, parameters) as an auto-commit read, as the API runs its one statement
    per request (no BEGIN/COMMIT), `clients` at once (threads, each its own session, as the
    API's threadpool does), until all are answered or `budget` seconds have passed; every record
    is read to the end."""
    out, lock = Timings(), threading.Lock()
    deadline = time.perf_counter() + budget

    def one(request: Request) -> None:
        if time.perf_counter() > deadline:
            return
        query, params = request
        start = time.perf_counter()
        try:
            with read_session(drv, "neo4j") as tx_session:
                [r.values() for r in tx_session.run(query, params)]
            ok = True
        except neo4j.exceptions.Neo4jError:
            ok = False
        with lock:
            out.add((time.perf_counter() - start) * 1000, params, ok, 0)

    clock = Clock()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(one, requests))
    return clock.stop(out)
