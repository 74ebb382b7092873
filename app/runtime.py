"""What `serve` runs beside the API: seed ingest at start and the in-process worker thread."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import neo4j
from pydantic import ValidationError

from app.models import ArticleCreate
from app.routes.articles import to_new
from graph.queue import ArticleStore
from graph.values import UNAVAILABLE
from ingest.pipeline import country_codes, spacy_extractor
from ingest.sources import read_paths
from ingest.worker import Extractor, Worker, WorkerSettings

log = logging.getLogger(__name__)


def ingest_seeds(store: ArticleStore, seeds: Path) -> int:
    """Store every seed article; idempotent, since ids come from content. Returns how many new."""
    if not seeds.is_dir():
        return 0
    articles = []
    for item in read_paths([seeds]):
        try:
            articles.append(to_new(ArticleCreate.model_validate(item.data)))
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
    """The in-process worker; builds its extractor on its own thread so start-up stays fast."""

    def __init__(self, driver: neo4j.Driver, database: str, settings: WorkerSettings,
                 batch_size: int, model: str, extractor: Extractor | None = None) -> None:
        self.stop = threading.Event()
        self._args = (driver, database, settings, batch_size, model, extractor)
        self.thread = threading.Thread(target=self._run, name="diplograph-worker", daemon=True)

    def _run(self) -> None:
        driver, database, settings, batch_size, model, extractor = self._args
        try:
            extract = extractor or spacy_extractor(model, batch_size)
            worker = Worker(driver, extract, settings, batch_size, database, codes=country_codes())
            worker.run(self.stop)
        except Exception:
            log.exception("the in-process worker stopped")

    def start(self) -> None:
        self.thread.start()

    def close(self, timeout: float = 30.0) -> None:
        self.stop.set()
        self.thread.join(timeout)
