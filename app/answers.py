"""A typed answer written once: the route's model (its one validation) dumped to JSON bytes.

A route returning a `Response` skips FastAPI's response handling (validating the model again
against `response_model`, in a second threadpool hand-off for a sync route); `response_model`
stays declared on the route for the OpenAPI schema, and the bytes are the ones FastAPI writes.
"""

from __future__ import annotations

from collections.abc import Sequence

from fastapi import Response
from pydantic import BaseModel


def json_answer(model: BaseModel) -> Response:
    """200 with the model's JSON, by alias (as FastAPI serialises a response_model)."""
    return Response(model.model_dump_json(by_alias=True), media_type="application/json")


def json_answer_with(model: BaseModel, field: str, views: Sequence[Sequence[str]]) -> Response:
    """json_answer for a model built with each `field` list of meetings empty, each filled with
    its meetings' stored views, in order: the JSON the model writes for them (graph/
    meeting_json.py; tests/service/graphcheck.py checks every view against MeetingPublic), put in
    as they are instead of validated and written again (most of a big answer's CPU)."""
    # Only as a key can `"field":[]` occur: in a string every `"` is escaped
    head, *rest = model.model_dump_json(by_alias=True).split(f'"{field}":[]')
    if len(rest) != len(views):
        raise ValueError(f"{len(rest)} empty {field!r} lists in the answer for {len(views)}")
    parts = [head]
    for meetings, after in zip(views, rest, strict=True):
        parts += [f'"{field}":[', ",".join(meetings), "]", after]
    return Response("".join(parts), media_type="application/json")
