"""(2) Ingest end to end: articles/s from `POST /articles` (batched) to `done`, through the API
and one or two worker processes, on the generated corpus; compared with the extraction-only
rate of (1). Also the peak memory of the API and of each worker."""

from __future__ import annotations

import time
from typing import Any

import httpx
import neo4j

from bench import procs, server
from bench.results import Result
from bench.stats import summary
from graph.articles import ArticleStore
from graph.settings import Neo4jSettings

API_PORT = 38001
POST_BATCH = 100


def post_all(base: str, corpus: list[dict[str, Any]]) -> float:
    """POST the corpus in batches; returns when the first POST was sent (perf_counter)."""
    started = time.perf_counter()
    with httpx.Client(base_url=base, timeout=120.0) as client:
        for i in range(0, len(corpus), POST_BATCH):
            response = client.post("/articles", json=corpus[i:i + POST_BATCH])
            response.raise_for_status()
    return started


def wait_done(store: ArticleStore, n: int, started: float, budget: float,
              every: float = 1.0) -> list[tuple[float, int]]:
    """(seconds since start, articles finished) samples until all n are done or failed, or
    the time budget is spent (the rate is then the steady rate with a full queue)."""
    samples: list[tuple[float, int]] = [(0.0, 0)]
    deadline = started + budget
    while True:
        counts = store.status_counts()
        finished = counts.get("done", 0) + counts.get("failed", 0)
        samples.append((time.perf_counter() - started, finished))
        if finished >= n or time.perf_counter() >= deadline:
            return samples
        time.sleep(every)


def window_rates(samples: list[tuple[float, int]], window: float = 15.0) -> list[float]:
    """Articles/s in successive windows of about `window` seconds (the run's own repeats)."""
    rates, (t0, n0) = [], samples[0]
    for t, n in samples[1:]:
        if t - t0 >= window:
            rates.append((n - n0) / (t - t0))
            t0, n0 = t, n
    return rates


def run_workers(s: Neo4jSettings, drv: neo4j.Driver, corpus: list[dict[str, Any]],
                workers: int, budget: float) -> dict[str, Any]:
    """One timed ingest of the corpus with `workers` worker processes."""
    server.wipe(drv)
    env = server.child_env(s)
    api = procs.api(API_PORT, env)
    names = [f"worker-{workers}-{i}" for i in range(workers)]
    started_procs = [procs.spawn(name, ["-m", "app", "worker"], env) for name in names]
    try:
        for name, proc in zip(names, started_procs, strict=True):
            procs.wait_log(name, "started", proc)
        cpu0 = [procs.cpu_seconds(p.pid) for p in started_procs]
        started = post_all(f"http://127.0.0.1:{API_PORT}", corpus)
        samples = wait_done(ArticleStore(drv), len(corpus), started, budget)
        cpu = sum(procs.cpu_seconds(p.pid) - c for p, c in zip(started_procs, cpu0, strict=True))
        rss = [procs.status_kib(p.pid, "VmHWM") / 1024 for p in started_procs]
        api_rss = procs.status_kib(api.pid, "VmHWM") / 1024
    finally:
        for proc in started_procs:
            procs.stop(proc)
        procs.stop(api)
    seconds, finished = samples[-1]
    counts = ArticleStore(drv).status_counts()
    return {"workers": workers, "articles": len(corpus), "finished": finished,
            "drained": finished >= len(corpus), "seconds": round(seconds, 1),
            "articles_per_s": finished / seconds, "windows": summary(window_rates(samples)),
            "worker_cpu_s": round(cpu, 1), "articles_per_worker_cpu_s": finished / cpu,
            "failed": counts.get("failed", 0), "worker_peak_rss_mib": [round(r) for r in rss],
            "api_peak_rss_mib": round(api_rss)}


def run(s: Neo4jSettings, corpus: list[dict[str, Any]], extraction: Result,
        budget: float) -> Result:
    """Benchmark (2): one worker, then two, against the extraction-only rate of (1)."""
    from bench.results import Row

    drv = server.driver(s)
    try:
        one = run_workers(s, drv, corpus, 1, budget)
        two = run_workers(s, drv, corpus, 2, budget)
        server.wipe(drv)
    finally:
        drv.close()
    ext_wall = extraction.data["diplograph_articles_per_s"]["median"]
    ext_cpu = extraction.data["diplograph_articles_per_cpu_s"]["median"]
    result = Result("ingest", data={"one_worker": one, "two_workers": two,
                                    "extraction_articles_per_s": ext_wall,
                                    "extraction_articles_per_cpu_s": ext_cpu})
    w = one["windows"]
    result.rows += [
        Row(f"ingest, 1 worker, articles/s ({one['finished']} of {len(corpus)} queued done in "
            f"{one['seconds']:.0f} s; 15 s windows)", "(report)",
            f"{one['articles_per_s']:.2f} overall; windows {w['median']:.2f} "
            f"({w['min']:.2f}–{w['max']:.2f}, n={w['n']})", None),
        Row(f"ingest, 2 workers, articles/s ({two['finished']} done in {two['seconds']:.0f} s)",
            "(report)", f"{two['articles_per_s']:.2f} overall; windows "
            f"{two['windows']['median']:.2f} ({two['windows']['min']:.2f}–"
            f"{two['windows']['max']:.2f}, n={two['windows']['n']})", None),
        Row("ingest 1 worker / extraction-only (wall)", "≥ 0.8 ×",
            f"{one['articles_per_s'] / ext_wall:.2f}", one["articles_per_s"] / ext_wall >= 0.8),
        Row("ingest 1 worker / extraction-only (per worker CPU-s)", "(info)",
            f"{one['articles_per_worker_cpu_s'] / ext_cpu:.2f}", None),
        Row("ingest 2 workers / 1 worker (wall)", "≥ 1.6 ×",
            f"{two['articles_per_s'] / one['articles_per_s']:.2f}",
            two["articles_per_s"] / one["articles_per_s"] >= 1.6),
    ]
    return result
