"""(4) Queries at scale: ten years of world diplomatic news loaded through the writer's Cypher,
then p50/p95/p99 latency of the graph questions through the HTTP API under concurrent clients,
beside the same Cypher straight through the driver at the same concurrency (the database's limit
for that query), with the CPU the load generators and the API used. Queries that miss their
target are PROFILEd and the plan summary kept."""

from __future__ import annotations

import os
import queue
import random
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, LiteralString

import neo4j

from bench import direct, latency, load, procs, server, synthetic
from bench.results import Result, Row
from graph.connection import session
from graph.cypher import reads as q
from graph.keys import article_id, entity_key, lookup_name
from graph.local.server import LocalNeo4j
from graph.names import Names
from graph.records import Extraction
from graph.settings import Neo4jSettings
from graph.views import (
    DYAD_TIMELINE,
    ITEMS_PER_COUNTERPART,
    PROFILE_ITEMS,
    Window,
    who_met_whom_cypher,
)

SINGLE_MS, PATH_MS = 50.0, 200.0
API_PORT = int(os.environ.get("DIPLOGRAPH_BENCH_API_PORT", "38000"))
# API processes serving the queries (`diplograph serve --workers`): one per core of the box the
# figures in docs/performance.md come from (2)
API_PROCESSES = int(os.environ.get("DIPLOGRAPH_BENCH_API_WORKERS", "2"))
Batch = tuple[list[dict[str, Any]], list[tuple[str, Extraction]]]


@dataclass(frozen=True)
class Size:
    articles: int
    meetings: int
    people: int

    @classmethod
    def of(cls, articles: int) -> Size:
        """A graph of this many articles in the full run's proportions (100k / 55k / 6k)."""
        return cls(articles, articles * 55 // 100, max(articles * 6 // 100, 50))


def batches(world: synthetic.World, size: Size, seed: int, batch: int) -> Iterator[Batch]:
    """Articles in batches: the Article rows the API would store, and their extractions."""
    rng = random.Random(seed + 2)
    order = synthetic.article_meetings(world, size.articles, seed)
    for start in range(0, size.articles, batch):
        stored, written = [], []
        for i in range(start, min(size.articles, start + batch)):
            m = world.meetings[order[i]]
            url = f"https://synthetic.example/{seed}/{i}"
            aid = article_id("", url)
            stored.append({"id": aid, "url": url, "title": None, "source": "synthetic",
                           "published": m.day + timedelta(days=rng.randint(0, 2)),
                           "text": synthetic.sentence(m)})
            written.append((aid, synthetic.extraction(m, synthetic.extras(world, rng),
                                                      "bench-synthetic")))
        yield stored, written


def prefetched(source: Iterator[Batch], depth: int = 2) -> Iterator[Batch]:
    """Build the next batches on a thread while Neo4j writes this one."""
    buffer: queue.Queue[Batch | None] = queue.Queue(depth)

    def fill() -> None:
        for item in source:
            buffer.put(item)
        buffer.put(None)

    threading.Thread(target=fill, daemon=True).start()
    while (item := buffer.get()) is not None:
        yield item


def load_world(drv: neo4j.Driver, world: synthetic.World, size: Size, seed: int,
               batch: int) -> dict[str, Any]:
    started = time.perf_counter()
    spent = load.load(drv, prefetched(batches(world, size, seed, batch)))
    seconds = time.perf_counter() - started
    nodes = {r["label"]: r["n"] for r in drv.execute_query(
        "MATCH (n) RETURN labels(n)[0] AS label, count(*) AS n").records}
    rels = {r["type"]: r["n"] for r in drv.execute_query(
        "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n").records}
    people = drv.execute_query("MATCH (p:Person) RETURN count(p) AS n").records[0]["n"]
    countries = drv.execute_query("MATCH (c:Country) RETURN count(c) AS n").records[0]["n"]
    return {"seconds": round(seconds, 1), "phases": {k: round(v, 1) for k, v in spent.items()},
            "articles_per_s": round(size.articles / seconds, 1), "nodes": nodes,
            "relationships": rels, "relationships_total": sum(rels.values()),
            "people": people, "countries": countries, "batch": batch}


def request_sets(world: synthetic.World, n: int, seed: int) -> dict[str, tuple[str, list[Any]]]:
    """Per query type: the API path and n parameter sets, drawn as users would ask them."""
    rng = random.Random(seed + 3)
    with_people = [m for m in world.meetings if m.people]

    def country() -> str:
        return rng.choices(world.countries, world.weights)[0].name

    def person() -> str:
        return rng.choice(rng.choice(with_people).people).name

    def window() -> dict[str, str]:
        since = synthetic.START + timedelta(days=rng.randrange(synthetic.DAYS - 365))
        return {"since": since.isoformat(), "until": (since + timedelta(days=365)).isoformat()}

    def pair() -> tuple[str, str]:
        m = rng.choice(world.meetings)
        return m.countries[0].name, m.countries[1].name

    def two_people() -> dict[str, str]:
        a, b = person(), person()
        while b == a:  # the API answers 500 for a path from an entity to itself (reported)
            b = person()
        return {"from": a, "to": b}

    def word() -> str:
        name = rng.choice([country(), person().split()[-1]])
        return name[:4].lower()

    return {
        "who_met_whom_country": ("/who-met-whom", [{"name": country()} for _ in range(n)]),
        "who_met_whom_country_range": ("/who-met-whom", [{"name": country(), **window()}
                                                         for _ in range(n)]),
        "who_met_whom_person": ("/who-met-whom", [{"name": person()} for _ in range(n)]),
        "who_met_whom_person_range": ("/who-met-whom", [{"name": person(), **window()}
                                                        for _ in range(n)]),
        "meetings_two_countries": ("/meetings", [{"participant": list(pair())}
                                                 for _ in range(n)]),
        "entity_search": ("/entities", [{"q": word()} for _ in range(n)]),
        "relations_dyad": ("/relations", [dict(zip("ab", pair(), strict=True))
                                          for _ in range(n)]),
        "path": ("/path", [two_people() for _ in range(n)]),
        # by id, as the other answers link it: a country or a person, half and half
        "entity_profile": ("/entities/{id}", [
            {"id": rng.choices(world.countries, world.weights)[0].iso3} if i % 2 else
            {"id": entity_key("Person", person())} for i in range(n)]),
    }


def cypher_for(kind: str, params: dict[str, Any],
               names: Names) -> tuple[LiteralString, dict[str, Any]]:
    """The Cypher (and parameters) the API runs for one request, after resolving its names."""
    page = {"skip": 0, "limit": 50}
    window = Window(since=_day(params.get("since")), until=_day(params.get("until")))
    if kind.startswith("who_met_whom"):
        return who_met_whom_cypher(window, ITEMS_PER_COUNTERPART), {
            "key": names.resolve(params["name"]).key, **page, **window.params(),
            "items": ITEMS_PER_COUNTERPART}
    if kind == "meetings_two_countries":
        keys = [names.resolve(p).key for p in params["participant"]]
        return q.MEETINGS, {"keys": keys, "place": None, **page, **window.params()}
    if kind == "entity_search":
        return q.SEARCH, {"q": lookup_name(params["q"]), "type": None, **page}
    if kind == "relations_dyad":
        return q.DYAD, {"a": names.resolve(params["a"]).key, "b": names.resolve(params["b"]).key,
                        "limit": DYAD_TIMELINE, "min_confidence": None}
    if kind == "entity_profile":
        return q.PROFILE, {"key": params["id"], "limit": PROFILE_ITEMS}
    a, b = names.resolve(params["from"]).key, names.resolve(params["to"]).key
    return q.PATH, {"a": a, "b": b, "hops": 4, "limit": 10}


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def plan_summary(drv: neo4j.Driver, query: str, params: dict[str, Any]) -> dict[str, Any]:
    """PROFILE the query: time, total db hits, and the operator tree (rows, db hits)."""
    with session(drv, "neo4j") as tx_session:
        started = time.perf_counter()
        summary = tx_session.run("PROFILE " + query, params).consume()
        ms = (time.perf_counter() - started) * 1000
    operators: list[str] = []

    def walk(op: dict[str, Any], depth: int) -> int:
        details = str(op.get("args", {}).get("Details", ""))[:90]
        operators.append(f"{'  ' * depth}{op['operatorType'].split('@')[0]} {details} "
                         f"rows={op.get('rows')} dbHits={op.get('dbHits')}")
        return int(op.get("dbHits", 0)) + sum(walk(c, depth + 1) for c in op.get("children", []))

    hits = walk(summary.profile or {}, 0)
    return {"ms": round(ms, 1), "db_hits": hits, "params": {k: str(v) for k, v in params.items()},
            "operators": operators}


def run(s: Neo4jSettings, size: Size, requests: int, clients: int, seed: int,
        budget: float = 30.0, batch: int = 2000) -> Result:
    """Benchmark (4), and the API's memory during it."""
    result = Result("scale")
    drv = server.driver(s)
    server.wipe(drv)
    world = synthetic.build_world(size.meetings, size.people, seed)
    result.data["load"] = loaded = load_world(drv, world, size, seed, batch)
    server.pagecache_warm(drv)
    api = procs.api(API_PORT, server.child_env(s), API_PROCESSES)
    try:
        how = Load(requests, clients, budget, api.pid, LocalNeo4j(s).status().pid)
        result.data["queries"] = _queries(drv, world, how, seed, result)
        result.data["api_peak_rss_mib"] = round(procs.status_kib(api.pid, "VmHWM") / 1024, 1)
    finally:
        procs.stop(api)
        drv.close()
    result.rows.insert(0, Row("load: articles / meetings / people / relationships", "≥ 100k / "
                              "50k / 5k / 1M", f"{size.articles} / {loaded['nodes'].get('Meeting')}"
                              f" / {loaded['people']} / {loaded['relationships_total']}", None))
    result.rows.insert(1, Row("load time (s), articles/s", "(report)",
                              f"{loaded['seconds']} s, {loaded['articles_per_s']}/s", None))
    result.data.update({"size": size.__dict__, "clients": clients, "requests": requests,
                        "api_processes": API_PROCESSES})
    return result


@dataclass(frozen=True)
class Load:
    """How each query type is driven: requests, clients in flight, seconds, the API's pid."""

    requests: int
    clients: int
    budget: float
    api_pid: int
    neo4j_pid: int | None  # the benchmark server's JVM, for its CPU share

    def neo4j_cpu(self) -> float:
        return procs.cpu_seconds(self.neo4j_pid) if self.neo4j_pid else 0.0


def _queries(drv: neo4j.Driver, world: synthetic.World, how: Load, seed: int,
             result: Result) -> dict[str, Any]:
    out: dict[str, Any] = {}
    names = Names(drv)
    for kind, (path, params) in request_sets(world, how.requests, seed).items():
        out[kind] = stats = _through_api(path, params, how)
        requests = [cypher_for(kind, p, names) for p in params]
        stats["driver"] = _through_driver(drv, requests, how)
        result.rows += _rows(kind, stats, how.clients)
        target = PATH_MS if kind == "path" else SINGLE_MS
        if not stats["p99"] < target or stats["errors"]:
            try:
                query, qparams = cypher_for(kind, stats["slowest_params"], names)
                stats["profile"] = plan_summary(drv, query, qparams)
            except Exception as exc:  # noqa: BLE001 - a failed PROFILE must not lose the run
                stats["profile"] = {"error": f"{type(exc).__name__}: {exc}"[:300]}
    return out


def _through_api(path: str, params: list[Any], how: Load) -> dict[str, Any]:
    """Warm-up, then one client, then `clients` at once; the API's CPU share during the last."""
    base = f"http://127.0.0.1:{API_PORT}"
    latency.measure(base, path, params[: max(how.clients, how.requests // 10)], how.clients,
                    how.budget / 3)
    solo = latency.measure(base, path, params[:20], 1, how.budget / 3).summary()
    api_cpu, neo4j_cpu = procs.cpu_seconds(how.api_pid), how.neo4j_cpu()
    timings = latency.measure(base, path, params, how.clients, how.budget)
    stats = timings.summary()
    seconds = max(timings.seconds, 1e-9)
    stats["api_cpu_share"] = round((procs.cpu_seconds(how.api_pid) - api_cpu) / seconds, 2)
    stats["neo4j_cpu_share"] = round((how.neo4j_cpu() - neo4j_cpu) / seconds, 2)
    stats["load_average"] = round(os.getloadavg()[0], 1)
    stats["one_client"] = solo
    return stats


def _through_driver(drv: neo4j.Driver, requests: list[direct.Request],
                    how: Load) -> dict[str, Any]:
    """The same Cypher straight through the driver: one client, then `clients` at once."""
    solo = direct.measure(drv, requests[:20], 1, how.budget / 3).summary()
    # Half the API's budget: the driver answers at least as fast, and the suite stays < 15 min
    neo4j_cpu = how.neo4j_cpu()
    timings = direct.measure(drv, requests, how.clients, how.budget / 2)
    stats = timings.summary()
    stats["neo4j_cpu_share"] = round((how.neo4j_cpu() - neo4j_cpu)
                                     / max(timings.seconds, 1e-9), 2)
    stats["one_client"] = solo
    return stats


def _rows(kind: str, api: dict[str, Any], clients: int) -> list[Row]:
    """Latency under load, latency alone, and throughput against the driver's, for one query."""
    drv = api["driver"]
    target = PATH_MS if kind == "path" else SINGLE_MS
    errors = f" ({api['errors']} errors)" if api["errors"] else ""
    ratio = api["per_s"] / drv["per_s"] if drv["per_s"] else 0.0
    return [
        Row(f"{kind}: p50 / p95 / p99 ms, {clients} clients, API (driver)",
            f"p99 ≤ {target:.0f} ms",
            f"{api['p50']:.1f} / {api['p95']:.1f} / {api['p99']:.1f} (driver {drv['p50']:.1f} / "
            f"{drv['p95']:.1f} / {drv['p99']:.1f}; n={api['n']}){errors}",
            api["p99"] <= target and not api["errors"]),
        Row(f"{kind}: p50 ms, 1 client, API (driver)", "≤ 5 ms",
            f"{api['one_client']['p50']:.1f} (driver {drv['one_client']['p50']:.1f})",
            api["one_client"]["p50"] <= 5.0),
        Row(f"{kind}: answers/s, {clients} clients, API / driver", "API ≥ 0.7 × driver",
            f"{api['per_s']:.0f} / {drv['per_s']:.0f} = {ratio:.2f}× (CPU in cores, via the API: "
            f"generator {api['generator_cpu_share']:.2f}, API {api['api_cpu_share']:.2f}, "
            f"Neo4j {api['neo4j_cpu_share']:.2f}; driver only: generator "
            f"{drv['generator_cpu_share']:.2f}, Neo4j {drv['neo4j_cpu_share']:.2f}; load "
            f"{api['load_average']})", ratio >= 0.7),
    ]
