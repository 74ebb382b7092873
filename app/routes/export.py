"""GET /export/meetings: the meetings of `/meetings`' filters as CSV or JSON Lines, streamed."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import StreamingResponse

from app.deps import ReadKey, ServicesDep, ViewsDep
from app.errors import ApiError
from graph import exports
from graph.records import MeetingKind

router = APIRouter(tags=["export"], dependencies=[ReadKey])

MEDIA = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson"}


@router.get("/export/meetings", response_class=StreamingResponse, responses={200: {
    "content": {"text/csv": {}, "application/x-ndjson": {}},
    "description": "One row per meeting (or per country dyad per meeting), oldest first."}})
def export_meetings(
    s: ServicesDep, views: ViewsDep,
    format: Annotated[Literal["csv", "jsonl"], Query(description=(
        "csv (lists joined by '|') or jsonl (one JSON object a line)."))] = "csv",
    dyads: Annotated[bool, Query(description=(
        "One row per country dyad per meeting, with CAMEO and PLOVER codes."))] = False,
    participant: Annotated[list[str] | None, Query(
        description="Repeat for several; every one must take part.")] = None,
    since: Annotated[date | None, Query(description="Meetings on or after this date.")] = None,
    until: Annotated[date | None, Query(description="Meetings on or before this date.")] = None,
    kind: MeetingKind | None = None,
    place: Annotated[str | None, Query(description="City or country.")] = None,
    min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
) -> StreamingResponse:
    """Meetings as a table, as `diplograph export meetings` writes them; `X-Total-Count` is the
    number of meetings (equal to `/meetings`' `count` for the same filters)."""
    if since and until and since > until:
        raise ApiError(f"since ({since}) is after until ({until})")
    where = views.export_filter(participant or [], place, since, until, kind, min_confidence)
    total = exports.count_meetings(s.driver, s.database, where)
    rows = exports.meetings(s.driver, s.database, where)
    columns = exports.DYAD_COLUMNS if dyads else exports.MEETING_COLUMNS
    chunks = exports.text_chunks(exports.dyads(rows) if dyads else rows, columns, format)
    name = f"meetings{'-dyads' if dyads else ''}.{format}"
    return StreamingResponse(chunks, media_type=MEDIA[format], headers={
        "X-Total-Count": str(total), "Content-Disposition": f'attachment; filename="{name}"'})
