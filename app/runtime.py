"""What `serve` runs once beside the API processes: the managed Neo4j, seeds, the worker thread."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import neo4j
from pydantic import ValidationError

from app.models import ArticleCreate
from app.settings import ApiSettings
from graph.articles import ArticleStore
from graph.bootstrap import Connected, connect
from graph.errors import UNAVAILABLE
from graph.settings import Neo4jSettings
from ingest.process import build_worker
from ingest.settings import WorkerSettings
from ingest.sources import read_paths
from ingest.supervisor import Factory
from ingest.worker import Extractor

log = logging.getLogger(__name__)


def ingest_seeds(store: ArticleStore, seeds: Path) -> int:
    """Store every seed article; idempotent, since ids come from content. Returns how many new."""
    if not seeds.is_dir():
        return 0
    articles = []
    for item in read_paths([seeds]):
        try:
            articles.append(ArticleCreate.model_validate(item.data).as_new())
        except ValidationError as exc:
            log.warning("seed %s skipped: %d validation error(s)", item.origin, exc.error_count())
    if not articles:
        return 0
    try:
        created = sum(s.created for s in store.store(articles))
    except UNAVAILABLE:
        log.warning("Neo4j unavailable: seeds not ingested this time")
        return 0
    log.info("seeds: %d article(s), %d new", len(articles), created)
    return created


class WorkerThread:
    """The in-process worker. Extraction runs in a supervised child process (each article has
    the time budget), unless a test passes an in-process `extractor`."""

    def __init__(self, driver: neo4j.Driver, database: str, settings: WorkerSettings,
                 extractor: Extractor | None = None, factory: Factory | None = None) -> None:
        self.stop = threading.Event()
        self.driver, self.database, self.settings = driver, database, settings
        self.extractor = extractor
        self.factory = factory
        self.thread = threading.Thread(target=self._run, name="diplograph-worker", daemon=True)

    def _run(self) -> None:
        supervisor = None
        try:
            worker, supervisor = build_worker(self.driver, self.database, self.settings,
                                              self.stop, self.extractor, self.factory)
            worker.run(self.stop)
        except Exception:
            log.exception("the in-process worker stopped")
        finally:
            if supervisor is not None:
                supervisor.close()

    def start(self) -> None:
        self.thread.start()

    def close(self, timeout: float = 9.0) -> None:
        """Stop: the extraction child is killed at once and claims are released."""
        self.stop.set()
        self.thread.join(timeout)
        if self.thread.is_alive():
            log.warning("the in-process worker did not stop within %.0f s", timeout)


@contextmanager
def once_per_service(api: ApiSettings, neo4j_settings: Neo4jSettings, worker: WorkerSettings,
                     extractor: Extractor | None = None,
                     factory: Factory | None = None) -> Iterator[Connected]:
    """Boot the graph (starting the managed Neo4j if settings say so), ingest the seeds and run
    the ingest worker thread, for as long as the block runs; then stop what it started. Run by
    the one API process's lifespan, or by `serve --workers N` before its API processes start."""
    # Stops at exit only a managed server that this call launched.
    graph = connect(neo4j_settings, "tolerant", start_server=api.start_neo4j, own_server=True)
    thread = None
    try:
        if api.ingest_seeds:
            ingest_seeds(ArticleStore(graph.driver, graph.database), api.seeds_dir)
        if api.run_worker:
            thread = WorkerThread(graph.driver, graph.database, worker, extractor, factory)
            thread.start()
        yield graph
    finally:
        if thread:
            thread.close()
        graph.close()
