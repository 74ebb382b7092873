"""What a request handler may use: built once by the lifespan, shared by every request."""

from __future__ import annotations

from dataclasses import dataclass

import neo4j

from app.settings import ApiSettings
from graph.articles import ArticleStore
from graph.browser.links import BrowserLinks
from graph.names import Names
from graph.views import GraphViews
from graph.workers import WorkerRegistry


@dataclass(frozen=True)
class Services:
    settings: ApiSettings
    driver: neo4j.Driver
    database: str
    store: ArticleStore
    views: GraphViews
    extractor_version: str
    workers: WorkerRegistry
    links: BrowserLinks  # into the Neo4j Browser, for the graph answers' `browser_url`

    @classmethod
    def build(cls, settings: ApiSettings, driver: neo4j.Driver, database: str,
              extractor_version: str, links: BrowserLinks) -> Services:
        names = Names(driver, database)
        return cls(settings, driver, database, ArticleStore(driver, database),
                   GraphViews(driver, database, names), extractor_version,
                   WorkerRegistry(driver, database), links)

