"""The Browser's style and guide (graph/browser/assets.py), served for cross-origin fetches.

Both are public, static and carry no credentials, so any origin may read them: the Browser runs
on :7474 in production, on another port in tests. Browser 5.24 fetches guides with `Pragma` and
`Cache-Control` request headers, which makes the request non-simple: it sends a CORS preflight
first, answered here (a CORSMiddleware the app adds later would answer it before these routes).
"""

from __future__ import annotations

import re

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse, PlainTextResponse

from graph.browser import assets
from graph.browser.assets import GUIDE_PATH, STYLE_PATH

router = APIRouter(tags=["browser"])

CORS_HEADERS = {"Access-Control-Allow-Origin": "*", "Cache-Control": "no-cache"}
PREFLIGHT_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, OPTIONS",
    "Access-Control-Max-Age": "600",
}
_HEADER = re.compile(r"[A-Za-z0-9-]+")


@router.get(STYLE_PATH, response_class=PlainTextResponse, summary="Neo4j Browser style")
def style() -> PlainTextResponse:
    """diplograph's Neo4j Browser style: a colour and caption per label, captions per type."""
    return PlainTextResponse(assets.style(), headers=CORS_HEADERS)


@router.get(GUIDE_PATH, response_class=HTMLResponse, summary="Neo4j Browser guide")
def guide(request: Request) -> HTMLResponse:
    """The diplograph guide for Neo4j Browser (`:guide <this URL>`): the model and its queries."""
    return HTMLResponse(assets.guide(str(request.base_url)), headers=CORS_HEADERS)


@router.options(STYLE_PATH, include_in_schema=False)
@router.options(GUIDE_PATH, include_in_schema=False)
def preflight(request: Request) -> Response:
    """CORS preflight: allow the GET with whatever headers the Browser asked for."""
    asked = request.headers.get("access-control-request-headers", "")
    allowed = [h.strip() for h in asked.split(",") if _HEADER.fullmatch(h.strip())]
    headers = dict(PREFLIGHT_HEADERS)
    if allowed:
        headers["Access-Control-Allow-Headers"] = ", ".join(allowed)
    return Response(status_code=204, headers=headers)
