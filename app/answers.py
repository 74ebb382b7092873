"""A typed answer written once: the route's model (its one validation) dumped to JSON bytes.

A route returning a `Response` skips FastAPI's response handling (validating the model again
against `response_model`, in a second threadpool hand-off for a sync route); `response_model`
stays declared on the route for the OpenAPI schema, and the bytes are the ones FastAPI writes.
"""

from __future__ import annotations

from fastapi import Response
from pydantic import BaseModel


def json_answer(model: BaseModel) -> Response:
    """200 with the model's JSON, by alias (as FastAPI serialises a response_model)."""
    return Response(model.model_dump_json(by_alias=True), media_type="application/json")
