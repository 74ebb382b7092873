"""Fixtures for the service tests: the app over the real Neo4j, the real extractor, workers."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest

with warnings.catch_warnings():  # starlette would rather have httpx2; httpx is what we pin
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from app.main import Config, create_app
from app.settings import ApiSettings
from graph.names import country_codes
from graph.settings import Neo4jSettings
from ingest.process import spacy_extractor
from ingest.settings import WorkerSettings
from ingest.worker import Extractor, Worker

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    """The real spaCy extractor, loaded once."""
    return spacy_extractor("en_core_web_sm", 32)


def api_settings(**changes: object) -> ApiSettings:
    base = {"ingest_seeds": False, "run_worker": False, "start_neo4j": False,
            "seeds_dir": SEEDS, "api_key": None, "reads_require_key": False}
    return ApiSettings(**{**base, **changes})  # type: ignore[arg-type]


def make_client(settings: Neo4jSettings, extractor: Extractor | None = None,
                **changes: object) -> TestClient:
    config = Config(api=api_settings(**changes), neo4j=settings,
                    worker=WorkerSettings(poll_seconds=0.1),
                    extractor=extractor)
    return TestClient(create_app(config))


@pytest.fixture
def client(empty_graph: neo4j.Driver, neo4j_settings: Neo4jSettings) -> Iterator[TestClient]:
    """The API on an empty graph, without its worker (tests drain the queue with `drain`)."""
    with make_client(neo4j_settings) as c:
        yield c


@pytest.fixture
def drain(empty_graph: neo4j.Driver, extractor: Extractor) -> Worker:
    """A worker on the test graph; call `.run_once()` until it returns 0."""
    return Worker(empty_graph, extractor, WorkerSettings(lease_seconds=60, claim_batch=8),
                  name="test-worker", codes=country_codes())


def run_until_empty(worker: Worker) -> None:
    while worker.run_once():
        pass
