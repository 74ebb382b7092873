"""Fixtures for the Browser front end: the seed graph, the asset API on a free port, Chromium."""

from __future__ import annotations

import json
import shutil
import threading
import time
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Literal

import neo4j
import pytest
import uvicorn
from fastapi import FastAPI
from playwright.sync_api import Browser, sync_playwright

from app.routes import browser_assets
from graph.articles import ArticleStore, NewArticle
from graph.records import ArticleText, Extraction
from graph.writer import write_extraction
from tests.ports import free_port

FAILED = pytest.StashKey[bool]()  # set on a test item whose call phase failed
SEED = Path(__file__).resolve().parents[2] / "seeds" / "a00.json"
CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium's own connections are refused on a closed
# network and slow every page down.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]
                              ) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """Mark failed tests so fixtures can leave evidence (the Browser test's screenshot)."""
    report = yield
    if report.when == "call" and report.failed:
        item.stash[FAILED] = True
    return report


def seed_article() -> NewArticle:
    raw = json.loads(SEED.read_text())
    return NewArticle(text=raw["text"], url=raw["url"], title=raw["title"], source=raw["source"],
                      published=date.fromisoformat(raw["published"]))


@pytest.fixture(scope="session")
def seed_extraction() -> Extraction:
    """The seed article through the project's own extractor (the spaCy model loads once)."""
    from ingest.extraction import extract_article, load_pipeline

    article = seed_article()
    text = ArticleText(text=article.text, published=article.published, title=article.title,
                       url=article.url)
    return extract_article(load_pipeline(), text)


@pytest.fixture
def seeded(empty_graph: neo4j.Driver, seed_extraction: Extraction) -> neo4j.Driver:
    """An otherwise empty graph holding the seed article and its facts, stored by the writer."""
    article = seed_article()
    ArticleStore(empty_graph).store([article])
    assert write_extraction(empty_graph, article.id, seed_extraction)
    return empty_graph


@contextmanager
def served(app: FastAPI, host: str = "localhost",
           lifespan: Literal["auto", "on", "off"] = "auto") -> Iterator[str]:
    """A real HTTP server for `app` on a free port, in a thread; yields its base URL."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, lifespan=lifespan,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the HTTP server did not start"
    yield f"http://{host}:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def assets_url() -> Iterator[str]:
    """Base URL of a real HTTP server that serves only the Browser asset routes."""
    app = FastAPI()
    app.include_router(browser_assets.router)
    with served(app) as url:
        yield url


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    """Debian's headless Chromium (a browser's own download step cannot work here)."""
    if shutil.which(CHROMIUM) is None:
        pytest.skip(f"no Chromium at {CHROMIUM} (scripts/test installs Debian's)")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
