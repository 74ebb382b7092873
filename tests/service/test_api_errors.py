"""Every error case over HTTP: 4xx bodies that say what is wrong, 503 when Neo4j is away."""

from __future__ import annotations

from collections.abc import Iterator

import neo4j
import pytest
from fastapi.testclient import TestClient

from app.deps import views
from app.settings import ApiSettings
from graph.articles import ArticleStore
from graph.settings import Neo4jSettings
from graph.writer import write_extraction
from tests.service.conftest import make_client
from tests.service.factories import article, extraction, meeting

GOOD = {"text": "Japan and China held talks in Tokyo.", "published": "2024-01-02"}


def test_empty_or_blank_text_is_422(client: TestClient) -> None:
    for text in ("", "   \n\t"):
        r = client.post("/articles", json={"text": text})
        assert r.status_code == 422
        assert "text is empty" in r.text
        assert r.json()["detail"][0]["loc"] == ["body", "article", "text"]
    assert client.post("/articles", json={"url": "https://x.org"}).status_code == 422


def test_text_over_the_limit_is_413(client: TestClient) -> None:
    r = client.post("/articles", json={"text": "a" * 1_000_001})
    assert r.status_code == 413 and "at most 1000000" in r.json()["detail"]


def test_body_over_the_byte_limit_is_413(neo4j_settings: Neo4jSettings,
                                        empty_graph: object) -> None:
    with make_client(neo4j_settings, max_body_bytes=1000) as c:
        r = c.post("/articles", json={"text": "a" * 2000})
        assert r.status_code == 413 and "1000 bytes" in r.json()["detail"]
        chunks = iter([b'{"text": "', b"a" * 2000, b'"}'])
        r = c.post("/articles", content=chunks, headers={"Content-Type": "application/json"})
        assert r.status_code == 413


def test_malformed_date_unknown_field_and_wrong_type(client: TestClient) -> None:
    r = client.post("/articles", json={**GOOD, "published": "2024-13-45"})
    assert r.status_code == 422 and r.json()["detail"][0]["loc"][-1] == "published"
    r = client.post("/articles", json={**GOOD, "author": "me"})
    assert r.status_code == 422 and r.json()["detail"][0]["type"] == "extra_forbidden"
    r = client.post("/articles", content=b"text=hello",
                    headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert r.status_code == 415 and "application/json" in r.json()["detail"]
    assert client.post("/articles", content=b"{not json",
                       headers={"Content-Type": "application/json"}).status_code == 422
    assert client.get("/who-met-whom", params={"name": "Japan", "since": "nope"}).status_code == 422


def test_unknown_names_and_ids_are_404(client: TestClient) -> None:
    client.post("/articles", json=GOOD)
    r = client.get("/who-met-whom", params={"name": "Atlantis"})
    assert r.status_code == 404 and r.json()["name"] == "Atlantis"
    assert "Atlantis" in r.json()["detail"]
    assert client.get("/articles/nope").status_code == 404
    assert client.post("/articles/nope/reprocess").status_code == 404
    assert client.get("/entities/nope").status_code == 404
    assert client.get("/relations", params={"a": "Japan", "b": "Narnia"}).status_code == 404


def test_api_key_guards_writes(neo4j_settings: Neo4jSettings, empty_graph: object) -> None:
    with make_client(neo4j_settings, api_key="s3cret") as c:
        assert c.post("/articles", json=GOOD).status_code == 401
        assert c.post("/articles", json=GOOD, headers={"X-API-Key": "wrong"}).status_code == 401
        assert c.post("/articles", json=GOOD, headers={"X-API-Key": "s3cret"}).status_code == 202
        assert c.post("/articles/reprocess?stale=true").status_code == 401
        assert c.get("/articles").status_code == 200
    with make_client(neo4j_settings, api_key="s3cret", reads_require_key=True) as c:
        assert c.get("/articles").status_code == 401
        assert c.get("/articles", headers={"X-API-Key": "s3cret"}).status_code == 200


@pytest.fixture
def offline() -> Iterator[TestClient]:
    settings = Neo4jSettings(NEO4J_URI="bolt://127.0.0.1:9", NEO4J_PASSWORD="x",
                             NEO4J_CONNECTION_TIMEOUT=1.0)
    with make_client(settings) as c:
        yield c


def test_neo4j_unreachable_is_503_with_retry_after(offline: TestClient) -> None:
    assert offline.get("/health").status_code == 200
    for response in (offline.post("/articles", json=GOOD), offline.get("/ready"),
                     offline.get("/who-met-whom", params={"name": "Japan"})):
        assert response.status_code == 503 and response.headers["Retry-After"]
        assert "Traceback" not in response.text


def test_unexpected_errors_are_a_json_500(neo4j_settings: Neo4jSettings,
                                          empty_graph: object) -> None:
    def broken() -> None:
        raise RuntimeError("secret internals")

    client = make_client(neo4j_settings)
    client.app.dependency_overrides[views] = broken  # type: ignore[attr-defined]
    with TestClient(client.app, raise_server_exceptions=False) as c:
        r = c.get("/entities", params={"q": "x"})
        assert r.status_code == 500 and r.json() == {"detail": "internal error"}


def test_cors_is_off_by_default(client: TestClient) -> None:
    r = client.options("/articles", headers={"Origin": "https://evil.example",
                                             "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in r.headers


def test_list_filters_and_pages(client: TestClient) -> None:
    batch = [{"text": f"Article number {i}.", "source": "A" if i % 2 else "B",
              "published": f"2024-01-{i + 1:02d}"} for i in range(5)]
    r = client.post("/articles", json=batch)
    assert r.status_code == 202 and len(r.json()) == 5
    page = client.get("/articles", params={"source": "A", "limit": 1}).json()
    assert page["count"] == 2 and len(page["data"]) == 1
    assert client.get("/articles", params={"since": "2024-01-04"}).json()["count"] == 2
    assert client.get("/articles", params={"status": "done"}).json()["count"] == 0
    assert client.get("/articles", params={"status": "bogus"}).status_code == 422


def test_openapi_documents_every_endpoint(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/articles", "/articles/{article_id}", "/articles/{article_id}/reprocess",
                 "/articles/reprocess", "/who-met-whom", "/meetings", "/entities",
                 "/entities/{entity_id}", "/relations", "/path", "/health", "/ready"):
        assert path in spec["paths"], path
    assert client.get("/docs").status_code == 200


def test_blank_api_key_means_no_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIPLOGRAPH_API_KEY", "")
    assert ApiSettings().api_key is None


def test_path_between_an_entity_and_itself_is_400(client: TestClient,
                                                  empty_graph: neo4j.Driver) -> None:
    a = article(1)
    ArticleStore(empty_graph).store([a])
    write_extraction(empty_graph, a.id, extraction(meeting()))
    r = client.get("/path", params={"from": "Japan", "to": "japan"})
    assert r.status_code == 400
    assert "Japan" in r.json()["detail"]
