"""The graph routes write their answer once (app/answers.py): the bytes are what FastAPI's own
`response_model` path writes for the same answer, and the OpenAPI schema still names the models."""

from __future__ import annotations

from typing import Any

import neo4j
import pytest
from fastapi.testclient import TestClient
from pydantic import BaseModel, TypeAdapter

from app.models_graph import Dyad, EntitiesPublic, EntityProfile, MeetingsPublic, Paths, WhoMetWhom
from graph.articles import ArticleStore
from graph.writer import write_extraction
from tests.service.factories import article, extraction, meeting

ROUTES: list[tuple[str, dict[str, Any], type[BaseModel]]] = [
    ("/who-met-whom", {"name": "Japan"}, WhoMetWhom),
    ("/who-met-whom", {"name": "dprk", "since": "2013-01-01", "items": 1}, WhoMetWhom),
    ("/meetings", {"participant": ["Japan", "North Korea"]}, MeetingsPublic),
    ("/entities", {"q": "kor"}, EntitiesPublic),
    ("/entities", {"type": "Country", "limit": 2}, EntitiesPublic),
    ("/entities/PRK", {}, EntityProfile),
    ("/relations", {"a": "Japan", "b": "North Korea"}, Dyad),
    ("/path", {"from": "Japan", "to": "China"}, Paths),
]


@pytest.fixture
def loaded(client: TestClient, empty_graph: neo4j.Driver) -> TestClient:
    a1, a2 = article(1, url="https://example.org/a1"), article(2)
    ArticleStore(empty_graph).store([a1, a2])
    write_extraction(empty_graph, a1.id, extraction(meeting()))
    write_extraction(empty_graph, a2.id, extraction(meeting(("China", "North Korea"), "2013-05")))
    return client


@pytest.mark.parametrize(("path", "params", "model"), ROUTES)
def test_answer_is_what_response_model_writes(loaded: TestClient, path: str,
                                              params: dict[str, Any],
                                              model: type[BaseModel]) -> None:
    answer = loaded.get(path, params=params)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/json"
    # FastAPI's path: validate the returned value against response_model, dump it by alias.
    adapter = TypeAdapter(model)
    assert adapter.dump_json(adapter.validate_json(answer.content), by_alias=True) == answer.content
    assert answer.json()  # not an empty page: the graph answers every one of these


def test_openapi_still_names_the_response_models(loaded: TestClient) -> None:
    schema = loaded.get("/openapi.json").json()
    for path, _, model in ROUTES:
        route = "/entities/{entity_id}" if path.startswith("/entities/") else path
        ok = schema["paths"][route]["get"]["responses"]["200"]["content"]["application/json"]
        assert ok["schema"] == {"$ref": f"#/components/schemas/{model.__name__}"}
        assert model.__name__ in schema["components"]["schemas"]


def test_errors_keep_their_shape(loaded: TestClient) -> None:
    unknown = loaded.get("/who-met-whom", params={"name": "Nowhereland"})
    assert unknown.status_code == 404 and unknown.json()["name"] == "Nowhereland"
    same = loaded.get("/path", params={"from": "Japan", "to": "JPN"})
    assert same.status_code == 400 and "Japan" in same.json()["detail"]
