"""Dependencies for the routes, as `Annotated` aliases.

All are `async def`: they do no I/O, and FastAPI would run a plain `def` one in its threadpool,
a thread hand-off per dependency per request."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.security import APIKeyHeader

from app.errors import KnownOutage, Unauthorized
from app.services import Services
from graph.articles import ArticleStore
from graph.views import GraphViews, Page

api_key_header = APIKeyHeader(name="X-API-Key", auto_error=False,
                              description="Required on writes when DIPLOGRAPH_API_KEY is set.")


async def built_services(request: Request) -> Services:
    built: Services = request.app.state.services
    return built


async def services(request: Request) -> Services:
    """The services, unless Neo4j was just found unreachable (then 503 at once)."""
    if request.app.state.outage.open:
        raise KnownOutage
    return await built_services(request)


ServicesDep = Annotated[Services, Depends(services)]
# /ready probes Neo4j even during a known outage: it is how the outage is found to be over.
ProbeServicesDep = Annotated[Services, Depends(built_services)]


async def store(s: ServicesDep) -> ArticleStore:
    return s.store


async def views(s: ServicesDep) -> GraphViews:
    return s.views


StoreDep = Annotated[ArticleStore, Depends(store)]
ViewsDep = Annotated[GraphViews, Depends(views)]
KeyHeader = Annotated[str | None, Depends(api_key_header)]


def _check(s: Services, given: str | None) -> None:
    expected = s.settings.api_key
    if expected is None:
        return
    if given is None or not secrets.compare_digest(
            given.encode(), expected.get_secret_value().encode()):
        raise Unauthorized("missing or wrong X-API-Key header")


async def write_key(s: ServicesDep, key: KeyHeader) -> None:
    _check(s, key)


async def read_key(s: ServicesDep, key: KeyHeader) -> None:
    if s.settings.reads_require_key:
        _check(s, key)


WriteKey = Depends(write_key)
ReadKey = Depends(read_key)


async def page(skip: Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip.")] = 0,
         limit: Annotated[int, Query(ge=1, le=500, description="Page size.")] = 50) -> Page:
    return Page(skip, limit)


PageDep = Annotated[Page, Depends(page)]
