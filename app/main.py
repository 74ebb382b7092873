"""The API's composition root: settings → boot (graph.bootstrap) → services → worker thread."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi_offline import FastAPIOffline

from app import errors
from app.middleware import BodyGuard, known_query
from app.outage import Outage
from app.routes import articles, browser_assets, export, graph, health
from app.runtime import once_per_service
from app.services import Services
from app.settings import ApiSettings
from graph.browser.links import links_for
from graph.settings import Neo4jSettings
from ingest.settings import WorkerSettings
from ingest.supervisor import Factory
from ingest.worker import Extractor

log = logging.getLogger(__name__)

DESCRIPTION = """Who met whom in diplomacy, from news articles, stored in Neo4j.

POST articles (202: stored, queued); a worker extracts meetings, people, roles and issues;
GET the graph questions. Graph model: README.md, "The graph model"."""


@dataclass
class Config:
    """Everything create_app needs; tests pass their own."""

    api: ApiSettings = field(default_factory=ApiSettings)
    neo4j: Neo4jSettings = field(default_factory=Neo4jSettings)
    worker: WorkerSettings = field(default_factory=WorkerSettings)
    extractor: Extractor | None = None  # in-process (tests); default: supervised spaCy
    extractor_factory: Factory | None = None  # what the supervised child builds (tests, drills)


def extractor_version() -> str:
    from ingest.extraction.version import EXTRACTOR_VERSION

    return EXTRACTOR_VERSION


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    config: Config = app.state.config
    if config.api.api_key is None:
        log.warning("DIPLOGRAPH_API_KEY is unset: anyone who reaches the API can write")
    with once_per_service(config.api, config.neo4j, config.worker, config.extractor,
                          config.extractor_factory) as graph:
        app.state.services = Services.build(config.api, graph.driver, graph.database,
                                            extractor_version(),
                                            links_for(config.neo4j, config.api.browser_url))
        yield


def create_app(config: Config | None = None) -> FastAPI:
    config = config or Config()
    # /docs and /redoc load their JavaScript and CSS from this service (fastapi-offline), no CDN
    app = FastAPIOffline(title="diplograph", version="0.1.0", description=DESCRIPTION,
                         lifespan=lifespan, dependencies=[Depends(known_query)])
    app.state.config = config
    app.state.retry_after = config.api.retry_after_seconds
    app.state.outage = Outage(config.api.retry_after_seconds)
    errors.install(app)
    app.add_middleware(BodyGuard, max_bytes=config.api.max_body_bytes)
    if config.api.cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=config.api.cors_origins,
                           allow_methods=["GET", "POST"],
                           # Pragma/Cache-Control: the Browser sends them when it fetches the guide
                           allow_headers=["X-API-Key", "Content-Type", "Pragma", "Cache-Control"])
    for module in (articles, graph, health, export):
        app.include_router(module.router)
    app.include_router(browser_assets.router)  # the Browser's style and guide
    return app
