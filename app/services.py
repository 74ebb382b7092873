"""What a request handler may use: built once by the lifespan, shared by every request."""

from __future__ import annotations

from dataclasses import dataclass

import neo4j

from app.settings import ApiSettings
from graph.names import Names
from graph.queries import GraphQueries
from graph.queue import ArticleStore
from graph.workers import WorkerRegistry


@dataclass(frozen=True)
class Services:
    settings: ApiSettings
    driver: neo4j.Driver
    database: str
    store: ArticleStore
    queries: GraphQueries
    names: Names
    extractor_version: str
    workers: WorkerRegistry

    @classmethod
    def build(cls, settings: ApiSettings, driver: neo4j.Driver, database: str,
              extractor_version: str) -> Services:
        names = Names(driver, database)
        return cls(settings, driver, database, ArticleStore(driver, database),
                   GraphQueries(driver, database), names, extractor_version,
                   WorkerRegistry(driver, database))

