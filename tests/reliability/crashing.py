"""A uvicorn app factory for the crash drill: the real app and extractor, except that an article
containing CRASH_MARKER makes the extractor raise (a test-only hook, honest about what it is:
the real extractor survives every hostile text we could find, see test_fuzz_extractor.py).
"""

from __future__ import annotations

from fastapi import FastAPI

from app.main import Config
from app.main import create_app as real_create_app
from graph.records import ArticleText, Extraction
from ingest.process import spacy_extractor
from ingest.settings import WorkerSettings

CRASH_MARKER = "[[crash-the-extractor]]"


class ExtractorCrash(RuntimeError):
    pass


def crashing_extractor() -> object:
    settings = WorkerSettings()
    real = spacy_extractor(settings.spacy_model, settings.pipe_batch)

    def extract(batch: list[ArticleText]) -> list[Extraction]:
        for article in batch:
            if CRASH_MARKER in article.text:
                raise ExtractorCrash(f"drill: article contains {CRASH_MARKER}")
        return real(batch)

    return extract


def create_app() -> FastAPI:
    config = Config()
    config.extractor = crashing_extractor()  # type: ignore[assignment]
    return real_create_app(config)
