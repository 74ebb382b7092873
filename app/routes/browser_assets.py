"""Neo4j Browser assets: the style (GraSS) and the guide, fetched cross-origin by the Browser.

Both are public, static and carry no credentials, so any origin may read them: the Browser runs
on :7474 in production, on another port in tests. Browser 5.24 fetches guides with `Pragma` and
`Cache-Control` request headers, which makes the request non-simple: it sends a CORS preflight
first, answered here (a CORSMiddleware the app adds later would answer it before these routes).
"""

from __future__ import annotations

import html
import re
from functools import cache
from importlib.resources import files

from fastapi import APIRouter, Request, Response
from fastapi.responses import HTMLResponse, PlainTextResponse

router = APIRouter(prefix="/browser", tags=["browser"])

CORS_HEADERS = {"Access-Control-Allow-Origin": "*", "Cache-Control": "no-cache"}
PREFLIGHT_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, OPTIONS",
    "Access-Control-Max-Age": "600",
}
_COMMENT = re.compile(r"/\*.*?\*/\s*", re.DOTALL)
_HEADER = re.compile(r"[A-Za-z0-9-]+")


@cache
def asset(name: str) -> str:
    """An asset's text; the style without its comments (the Browser's GraSS parser has none)."""
    text = files("app.browser").joinpath(name).read_text(encoding="utf-8")
    return _COMMENT.sub("", text) if name.endswith(".grass") else text


@router.get("/style.grass", response_class=PlainTextResponse, summary="Neo4j Browser style")
def style() -> PlainTextResponse:
    """diplograph's Neo4j Browser style: a colour and caption per label, captions per type."""
    return PlainTextResponse(asset("diplograph.grass"), headers=CORS_HEADERS)


@router.get("/guide.html", response_class=HTMLResponse, summary="Neo4j Browser guide")
def guide(request: Request) -> HTMLResponse:
    """The diplograph guide for Neo4j Browser (`:guide <this URL>`): the model and its queries."""
    api_url = html.escape(str(request.base_url).rstrip("/"), quote=True)
    text = asset("guide.html").replace("{{api_url}}", api_url)
    return HTMLResponse(text, headers=CORS_HEADERS)


@router.options("/style.grass", include_in_schema=False)
@router.options("/guide.html", include_in_schema=False)
def preflight(request: Request) -> Response:
    """CORS preflight: allow the GET with whatever headers the Browser asked for."""
    asked = request.headers.get("access-control-request-headers", "")
    allowed = [h.strip() for h in asked.split(",") if _HEADER.fullmatch(h.strip())]
    headers = dict(PREFLIGHT_HEADERS)
    if allowed:
        headers["Access-Control-Allow-Headers"] = ", ".join(allowed)
    return Response(status_code=204, headers=headers)
