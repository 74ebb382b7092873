"""app.middleware on a small app of its own (no Neo4j): body guards and the known-query check."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import Annotated, Any

import pytest
from fastapi import Body, Depends, FastAPI, Query

from app import errors
from app.middleware import BodyGuard, known_query

with warnings.catch_warnings():  # starlette would rather have httpx2; httpx is what we pin
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

LIMIT = 100


def paging(skip: int = 0) -> int:
    return skip


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    app = FastAPI(dependencies=[Depends(known_query)])
    errors.install(app)
    app.add_middleware(BodyGuard, max_bytes=LIMIT)

    @app.post("/echo")
    def echo(body: Annotated[Any, Body()]) -> Any:
        return body

    @app.get("/search")
    def search(skip: Annotated[int, Depends(paging)],
               source: Annotated[str | None, Query(alias="from")] = None) -> dict[str, Any]:
        return {"skip": skip, "from": source}

    @app.get("/plain")
    def plain() -> dict[str, str]:
        return {"ok": "yes"}

    @app.get("/browser/style.grass")
    def style() -> str:
        return "node {}"

    with TestClient(app) as test_client:
        yield test_client


def test_a_json_body_within_the_limit_passes(client: TestClient) -> None:
    response = client.post("/echo", json={"text": "x" * 50})
    assert response.status_code == 200 and response.json() == {"text": "x" * 50}


def test_a_declared_length_over_the_limit_is_413_before_reading(client: TestClient) -> None:
    response = client.post("/echo", json={"text": "x" * LIMIT})
    assert response.status_code == 413
    assert response.json() == {"detail": f"request body over {LIMIT} bytes"}


def test_a_chunked_body_is_counted_as_it_arrives(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(LIMIT):
            yield b"x"
        yield b'"}'

    response = client.post("/echo", content=chunks(), headers={"Content-Type": "application/json"})
    assert response.status_code == 413
    small = client.post("/echo", content=iter([b'{"a": ', b"1}"]),
                        headers={"Content-Type": "application/json"})
    assert small.status_code == 200 and small.json() == {"a": 1}


@pytest.mark.parametrize(("ctype", "named"), [("text/plain", "text/plain"),
                                              ("application/x-www-form-urlencoded",
                                               "application/x-www-form-urlencoded"),
                                              (None, "missing")])
def test_a_body_that_is_not_json_is_415_naming_its_type(client: TestClient, ctype: str | None,
                                                       named: str) -> None:
    headers = {"Content-Type": ctype} if ctype else {}
    response = client.post("/echo", content=b'{"a": 1}', headers=headers)
    assert response.status_code == 415
    assert response.json()["detail"] == f"Content-Type must be application/json, not {named}"


def test_json_with_parameters_and_upper_case_is_still_json(client: TestClient) -> None:
    response = client.post("/echo", content=b'{"a": 1}',
                           headers={"Content-Type": "Application/JSON; charset=utf-8"})
    assert response.status_code == 200


def test_an_unknown_query_parameter_is_422_naming_it_and_the_known_ones(
        client: TestClient) -> None:
    response = client.get("/search", params={"skp": 1, "from": "x"})
    assert response.status_code == 422
    [error] = response.json()["detail"]
    assert error["loc"] == ["query", "skp"] and error["type"] == "extra_forbidden"
    # the dependency's parameter and the alias are both known, by their URL names
    assert error["msg"] == "unknown query parameter 'skp' (this endpoint takes: from, skip)"


def test_declared_parameters_pass_and_a_route_without_any_says_none(client: TestClient) -> None:
    assert client.get("/search", params={"skip": 2, "from": "x"}).json() == {"skip": 2,
                                                                            "from": "x"}
    response = client.get("/plain", params={"x": 1})
    assert response.status_code == 422
    assert response.json()["detail"][0]["msg"].endswith("(this endpoint takes: none)")


def test_the_browser_assets_take_any_query(client: TestClient) -> None:
    assert client.get("/browser/style.grass", params={"v": 1}).status_code == 200
