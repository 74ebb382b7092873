"""A meeting's stored view: its projection written as the JSON the API writes for the meeting."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pydantic_core

from graph.values import plain

# The fields of each map in the API's order (app.models: MeetingPublic, EntityRef, Place, Report;
# tests/service/test_meeting_views.py holds them to it), each with how its value is written:
# FLOAT as a float (the model makes 1 → 1.0), a tuple of fields as those maps, else as it is.
FLOAT = "float"
Fields = tuple[tuple[str, Any], ...]
PARTICIPANT: Fields = (("id", None), ("name", None), ("type", None), ("role", None),
                       ("confidence", FLOAT))
PLACE: Fields = (("id", None), ("name", None), ("country", None))
REPORT: Fields = (("evidence", None), ("start", None), ("end", None), ("confidence", FLOAT),
                  ("extractor_version", None), ("article_id", None), ("url", None),
                  ("title", None), ("source", None), ("published", None))
MEETING: Fields = (("id", None), ("date", None), ("date_precision", None), ("kind", None),
                   ("status", None), ("confidence", FLOAT), ("participants", PARTICIPANT),
                   ("countries", None), ("place", PLACE), ("issues", None), ("reports", REPORT))


def _shaped(value: Any, fields: Fields) -> Any:
    if value is None:
        return None
    if isinstance(value, list):
        return [_shaped(v, fields) for v in value]
    out = {}
    for name, kind in fields:
        item = value.get(name)
        if kind == FLOAT and isinstance(item, int) and not isinstance(item, bool):
            item = float(item)
        elif isinstance(kind, tuple):
            item = _shaped(item, kind)
        out[name] = item
    return out


def meeting_json(view: Mapping[str, Any]) -> str:
    """The projection (graph/cypher/facts.py, MEETING_PROJECTION) as JSON, byte for byte what
    the API's model writes for it (pydantic's serialiser, the model's field order), so the
    routes put it in their answers as it is (app/answers.py)."""
    return pydantic_core.to_json(_shaped(plain(view), MEETING)).decode()
