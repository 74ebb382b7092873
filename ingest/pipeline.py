"""Composition of the ingest side: the real extractor, reference codes, `diplograph worker`."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator

import neo4j

from graph.names import country_codes
from graph.records import ArticleText, Extraction
from ingest.liveness import Liveness
from ingest.settings import IngestSettings
from ingest.supervisor import Factory, StreamExtractor, Supervisor
from ingest.worker import Extractor, Worker, WorkerSettings

log = logging.getLogger(__name__)


def spacy_extractor(model: str, batch_size: int) -> Extractor:
    """The real extractor: one spaCy pipeline, `nlp.pipe` over each batch."""
    from ingest.extraction import extract_many, load_pipeline

    nlp = load_pipeline(model)
    return lambda articles: list(extract_many(nlp, articles, batch_size=batch_size))


def stream_extractor(model: str, batch_size: int) -> StreamExtractor:
    """The real extractor as the supervised child runs it: announces each article's rules."""
    from ingest.extraction import extract_many, load_pipeline

    nlp = load_pipeline(model)

    def run(articles: list[ArticleText], on_start: Callable[[int], None]) -> Iterator[Extraction]:
        return extract_many(nlp, articles, batch_size, on_start)

    return run


def supervised(factory: Factory, timeout: float, stop: threading.Event,
               liveness: Liveness) -> Supervisor:
    """Extraction in a child process, `timeout` seconds per article, stopped with `stop`
    (the child starts at the first batch, or at `start()`)."""
    return Supervisor(factory, timeout, stop, liveness.touch)


def real_factory(model: str, batch_size: int) -> Factory:
    return Factory("ingest.pipeline:stream_extractor", (model, batch_size))


def build_worker(driver: neo4j.Driver, database: str, settings: WorkerSettings,
                 ingest: IngestSettings, stop: threading.Event,
                 extractor: Extractor | None = None, factory: Factory | None = None,
                 ) -> tuple[Worker, Supervisor | None]:
    """The worker both `diplograph worker` and the API's thread run: extraction supervised in a
    child process (started here, so the model loads before the first claim and outside its
    budget) unless a test passes an in-process `extractor`. Close the supervisor when done."""
    liveness = Liveness("", settings.stall_seconds or ingest.extract_timeout)
    supervisor = None
    if extractor is None:
        supervisor = supervised(factory or real_factory(ingest.spacy_model, ingest.batch_size),
                                ingest.extract_timeout, stop, liveness)
        supervisor.start()
        extractor = supervisor
    worker = Worker(driver, extractor, settings, ingest.batch_size, database,
                    codes=country_codes(), liveness=liveness)
    return worker, supervisor


def main(once: bool = False) -> None:
    """`diplograph worker`: settings → boot (managed server, driver, schema) → worker loop."""
    import signal

    from graph.bootstrap import connect
    from graph.settings import Neo4jSettings

    neo4j_settings, ingest, settings = Neo4jSettings(), IngestSettings(), WorkerSettings()
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    graph = connect(neo4j_settings, "when_ready", stop=stop)
    try:
        worker, supervisor = build_worker(graph.driver, graph.database, settings, ingest, stop)
        log.info("worker %s started (lease %.0fs, batch %d, %g s per article)", worker.name,
                 settings.lease_seconds, ingest.batch_size, ingest.extract_timeout)
        try:
            if once:
                while not stop.is_set() and worker.run_once():
                    pass
            else:
                worker.run(stop)
        finally:
            if supervisor is not None:
                supervisor.close()
    finally:
        graph.close()
