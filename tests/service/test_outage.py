"""Neo4j goes away and comes back: 503s meanwhile, the worker backs off, nothing is lost."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import neo4j
import pytest

from graph.articles import ArticleStore
from graph.connection import open_driver
from graph.local.server import LocalNeo4j
from graph.settings import Neo4jSettings
from ingest.settings import WorkerSettings
from ingest.worker import Extractor, Worker
from tests.service.conftest import make_client
from tests.service.factories import article
from tests.service.proxy import Proxy

pytestmark = pytest.mark.faults


@pytest.fixture
def proxy(neo4j_settings: Neo4jSettings) -> Iterator[Proxy]:
    port = neo4j_settings.bolt_port
    if not neo4j_settings.managed:
        pytest.skip("the outage drill proxies the managed test server only")
    p = Proxy(port)
    p.up()
    yield p
    p.down()


def via(proxy: Proxy, settings: Neo4jSettings) -> Neo4jSettings:
    return Neo4jSettings(NEO4J_URI=f"bolt://127.0.0.1:{proxy.port}",
                         NEO4J_PASSWORD=LocalNeo4j(settings).password(),
                         NEO4J_CONNECTION_TIMEOUT=1.0)


def test_outage_then_recovery(empty_graph: neo4j.Driver, neo4j_settings: Neo4jSettings,
                              proxy: Proxy, extractor: Extractor) -> None:
    settings = via(proxy, neo4j_settings)
    with make_client(settings) as client:
        accepted = client.post("/articles", json={"text": article(1).text})
        assert accepted.status_code == 202
        proxy.down()
        refused = client.post("/articles", json={"text": article(2).text})
        assert refused.status_code == 503 and refused.headers["Retry-After"]
        assert client.get("/ready").status_code == 503
        driver = open_driver(settings)
        stop = threading.Event()
        worker = Worker(driver, extractor, WorkerSettings(poll_seconds=0.2,
                                                          max_backoff_seconds=1.0), name="w")
        thread = threading.Thread(target=worker.run, args=(stop,), daemon=True)
        thread.start()
        time.sleep(2.0)
        assert thread.is_alive()
        proxy.up()
        try:
            deadline = time.monotonic() + 60
            store = ArticleStore(empty_graph)
            while (store.get(accepted.json()["id"]) or {}).get("status") != "done":
                assert time.monotonic() < deadline, "the article was not processed"
                time.sleep(0.3)
            assert client.get("/ready").status_code == 200
            assert client.post("/articles", json={"text": article(2).text}).status_code == 202
        finally:
            stop.set()
            thread.join(10)
            driver.close()


def test_known_outage_is_refused_without_waiting(empty_graph: neo4j.Driver,
                                                 neo4j_settings: Neo4jSettings,
                                                 proxy: Proxy) -> None:
    settings = via(proxy, neo4j_settings)
    with make_client(settings, retry_after_seconds=2) as client:
        proxy.down()
        assert client.post("/articles", json={"text": article(3).text}).status_code == 503
        proxy.up()
        # Neo4j is back, but within Retry-After the API does not try it: still 503, with the header
        held = client.post("/articles", json={"text": article(3).text})
        assert held.status_code == 503 and held.headers["Retry-After"] == "2"
        assert client.get("/who-met-whom", params={"name": "Japan"}).status_code == 503
        time.sleep(2.2)
        assert client.post("/articles", json={"text": article(3).text}).status_code == 202
        proxy.down()
        assert client.get("/ready").status_code == 503
        proxy.up()
        # /ready always probes, and a ready answer ends the outage at once
        assert client.get("/ready").status_code == 200
        assert client.post("/articles", json={"text": article(4).text}).status_code == 202
