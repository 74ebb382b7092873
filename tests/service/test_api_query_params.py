"""Unknown query parameters are 422 naming them; declared ones (aliases, paging) still pass."""

from __future__ import annotations

from fastapi.testclient import TestClient

GOOD = {"text": "Japan and China held talks in Tokyo.", "published": "2024-01-02"}


def unknown(body: dict[str, object]) -> list[object]:
    """The locations of the unknown-parameter errors in an answer (none in a 404's)."""
    detail = body["detail"]
    if not isinstance(detail, list):
        return []
    return [e["loc"] for e in detail if e["type"] == "extra_forbidden"]


def test_a_typo_in_a_filter_is_422_naming_it(client: TestClient) -> None:
    r = client.get("/articles", params={"sinc": "2024"})
    assert r.status_code == 422
    (error,) = r.json()["detail"]
    assert error["loc"] == ["query", "sinc"] and error["type"] == "extra_forbidden"
    assert "'sinc'" in error["msg"] and "since" in error["msg"]  # and says what is accepted


def test_every_unknown_parameter_is_named(client: TestClient) -> None:
    r = client.get("/who-met-whom", params={"name": "Japan", "foo": "1", "bar": "2"})
    assert r.status_code == 422
    assert unknown(r.json()) == [["query", "bar"], ["query", "foo"]]
    r = client.get("/health", params={"verbose": "1"})
    assert r.status_code == 422 and unknown(r.json()) == [["query", "verbose"]]


def test_declared_parameters_aliases_and_paging_pass(client: TestClient) -> None:
    stored = client.post("/articles", json=GOOD).json()
    assert client.get("/articles", params={"since": "2024-01-01", "skip": 0, "limit": 5,
                                           "status": "queued"}).status_code == 200
    r = client.get("/meetings", params={"participant": ["Japan", "China"], "limit": 3})
    assert r.status_code in (200, 404) and not unknown(r.json())  # empty graph: names unknown
    assert client.get("/meetings", params={"kind": "visit", "limit": 3}).status_code == 200
    r = client.get("/path", params={"from": "Japan", "to": "China", "max_hops": 2})
    assert r.status_code in (200, 404) and not unknown(r.json())  # `from`/`to` are aliases
    r = client.post("/articles/reprocess", params={"id": stored["id"]})
    assert r.status_code == 202 and r.json()["ids"] == [stored["id"]]
    assert client.get(f"/articles/{stored['id']}").status_code == 200


def test_writes_are_checked_too(client: TestClient) -> None:
    r = client.post("/articles", json=GOOD, params={"dry_run": "1"})
    assert r.status_code == 422 and unknown(r.json()) == [["query", "dry_run"]]


def test_the_docs_and_browser_assets_take_no_check(client: TestClient) -> None:
    assert client.get("/docs").status_code == 200
    assert client.get("/openapi.json", params={"x": "1"}).status_code == 200
    # the Neo4j Browser, not a person, writes these URLs (a cache-buster must not break them)
    assert client.get("/browser/style.grass", params={"_": "1"}).status_code == 200
