"""The worker process composed: the real extractor, reference codes, `diplograph worker`."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator

import neo4j

from graph.names import country_codes
from graph.records import ArticleText, Extraction
from ingest.liveness import Liveness
from ingest.settings import WorkerSettings
from ingest.supervisor import Factory, StreamExtractor, Supervisor
from ingest.worker import Extractor, Worker

log = logging.getLogger(__name__)


def spacy_extractor(model: str, pipe_batch: int) -> Extractor:
    """The real extractor: one spaCy pipeline, `nlp.pipe` over each batch."""
    from ingest.extraction import extract_many, load_pipeline

    nlp = load_pipeline(model)
    return lambda articles: list(extract_many(nlp, articles, batch_size=pipe_batch))


def stream_extractor(model: str, pipe_batch: int) -> StreamExtractor:
    """The real extractor as the supervised child runs it: announces each article's rules."""
    from ingest.extraction import extract_many, load_pipeline

    nlp = load_pipeline(model)

    def run(articles: list[ArticleText], on_start: Callable[[int], None]) -> Iterator[Extraction]:
        return extract_many(nlp, articles, pipe_batch, on_start)

    return run


def supervised(factory: Factory, timeout: float, stop: threading.Event,
               liveness: Liveness) -> Supervisor:
    """Extraction in a child process, `timeout` seconds per article, stopped with `stop`
    (the child starts at the first batch, or at `start()`)."""
    return Supervisor(factory, timeout, stop, liveness.touch)


def real_factory(model: str, pipe_batch: int) -> Factory:
    return Factory("ingest.process:stream_extractor", (model, pipe_batch))


def build_worker(driver: neo4j.Driver, database: str, settings: WorkerSettings,
                 stop: threading.Event, extractor: Extractor | None = None,
                 factory: Factory | None = None) -> tuple[Worker, Supervisor | None]:
    """The worker both `diplograph worker` and the API's thread run: extraction supervised in a
    child process (started here, so the model loads before the first claim and outside its
    budget) unless a test passes an in-process `extractor`. Close the supervisor when done."""
    liveness = Liveness("", settings.stall_after)
    supervisor = None
    if extractor is None:
        factory = factory or real_factory(settings.spacy_model, settings.pipe_batch)
        supervisor = supervised(factory, settings.extract_timeout, stop, liveness)
        supervisor.start()
        extractor = supervisor
    worker = Worker(driver, extractor, settings, database, codes=country_codes(),
                    liveness=liveness)
    return worker, supervisor


def main(once: bool = False) -> None:
    """`diplograph worker`: settings → boot (managed server, driver, schema) → worker loop."""
    import signal

    from graph.bootstrap import connect
    from graph.settings import Neo4jSettings

    neo4j_settings, settings = Neo4jSettings(), WorkerSettings()
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    graph = connect(neo4j_settings, "when_ready", stop=stop)
    try:
        worker, supervisor = build_worker(graph.driver, graph.database, settings, stop)
        log.info("worker %s started (lease %.0fs, batch %d, %g s per article)", worker.name,
                 settings.lease_seconds, settings.claim_batch, settings.extract_timeout)
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
