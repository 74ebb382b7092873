"""A test-only extractor factory for the time-budget tests: the real extractor, except that an
article containing ENDLESS_MARKER spins forever in pure Python (as the verbless-headline bug
did), and one containing CRASH_CHILD_MARKER kills its own process."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

from graph.records import ArticleText, Extraction
from ingest.process import stream_extractor
from ingest.supervisor import Factory, StreamExtractor

ENDLESS_MARKER = "[[never-ending-extraction]]"
CRASH_CHILD_MARKER = "[[kill-the-extraction-process]]"


def spin() -> None:
    n = 0
    while True:  # CPU-bound and endless on purpose: only a kill stops it
        n += 1


def endless_extractor(model: str, batch_size: int) -> StreamExtractor:
    real = stream_extractor(model, batch_size)

    def run(articles: list[ArticleText], on_start: Callable[[int], None]) -> Iterator[Extraction]:
        for k, extraction in enumerate(real(articles, lambda _k: None)):
            on_start(k)
            if ENDLESS_MARKER in articles[k].text:
                spin()
            if CRASH_CHILD_MARKER in articles[k].text:
                os._exit(3)
            yield extraction

    return run


def endless_factory(model: str = "en_core_web_sm", batch_size: int = 8) -> Factory:
    return Factory("tests.reliability.endless:endless_extractor", (model, batch_size))


def create_app() -> object:
    """A uvicorn app factory: the real app whose worker's child builds `endless_extractor`."""
    from app.main import Config
    from app.main import create_app as real_create_app
    from ingest.settings import WorkerSettings

    settings = WorkerSettings()
    config = Config(extractor_factory=endless_factory(settings.spacy_model, settings.pipe_batch))
    return real_create_app(config)
