"""The article store and work queue in Neo4j: store, read, claim with a lease, fail, requeue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, LiteralString

import neo4j

from graph.connection import session
from graph.cypher import articles as q
from graph.cypher import queue_facts
from graph.keys import article_id
from graph.values import plain


@dataclass(frozen=True)
class NewArticle:
    """An article as accepted for processing; its id comes from its content."""

    text: str
    url: str | None = None
    title: str | None = None
    source: str | None = None
    published: date | None = None

    @property
    def id(self) -> str:
        return article_id(self.text, self.url)

    def row(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "url": self.url, "title": self.title,
                "source": self.source, "published": self.published}


@dataclass(frozen=True)
class Stored:
    id: str
    status: str
    created: bool


@dataclass(frozen=True)
class ClaimedArticle:
    """A claimed article: what the extractor needs, and the attempt that fences its write."""

    id: str
    text: str
    url: str | None
    title: str | None
    published: date | None
    attempt: int


@dataclass(frozen=True)
class ArticleFilter:
    status: str | None = None
    source: str | None = None
    since: date | None = None
    until: date | None = None

    def params(self) -> dict[str, Any]:
        return {"status": self.status, "source": self.source, "since": self.since,
                "until": self.until}


class ArticleStore:
    """Each call is one managed transaction: reads via execute_read, writes via execute_write."""

    def __init__(self, driver: neo4j.Driver, database: str = "neo4j") -> None:
        self.driver = driver
        self.database = database

    def _write(self, query: LiteralString, **params: Any) -> list[dict[str, Any]]:
        with session(self.driver, self.database) as tx_session:
            return tx_session.execute_write(_rows, query, params)

    def _read(self, query: LiteralString, **params: Any) -> list[dict[str, Any]]:
        with session(self.driver, self.database) as tx_session:
            return tx_session.execute_read(_rows, query, params)

    def store(self, articles: list[NewArticle]) -> list[Stored]:
        rows = self._write(q.STORE, rows=[a.row() for a in articles])
        return [Stored(r["id"], r["status"], r["created"]) for r in rows]

    def get(self, id_: str) -> dict[str, Any] | None:
        rows = self._read(q.GET, id=id_)
        return plain(rows[0]["article"]) if rows else None

    def facts(self, id_: str) -> dict[str, Any] | None:
        """The article's facts (meetings with participants and issues, roles, issues,
        relations), each with its evidence span; None when no article has this id."""
        rows = self._read(queue_facts.ARTICLE_FACTS, id=id_)
        return plain(rows[0]) if rows else None

    def search(self, where: ArticleFilter, skip: int, limit: int) -> tuple[list[Any], int]:
        rows = self._read(q.LIST, skip=skip, limit=limit, **where.params())
        total = self._read(q.COUNT, **where.params())[0]["total"]
        return [plain(r["article"]) for r in rows], int(total)

    def claim(self, worker: str, lease_seconds: float, limit: int) -> list[ClaimedArticle]:
        rows = self._write(q.CLAIM, worker=worker, lease_seconds=lease_seconds, limit=limit)
        return [ClaimedArticle(r["id"], r["text"], r["url"], r["title"], _date(r["published"]),
                        r["attempt"]) for r in rows]

    def renew(self, ids: list[str], worker: str, lease_seconds: float) -> list[str]:
        rows = self._write(q.RENEW, ids=ids, worker=worker, lease_seconds=lease_seconds)
        return [r["id"] for r in rows]

    def fail(self, claimed: ClaimedArticle, worker: str, error: str,
             max_attempts: int) -> str | None:
        rows = self._write(q.FAIL, id=claimed.id, worker=worker, attempt=claimed.attempt,
                           error=error[:500], max_attempts=max_attempts)
        return rows[0]["status"] if rows else None

    def reap(self, max_attempts: int) -> list[str]:
        return [r["id"] for r in self._write(q.REAP, max_attempts=max_attempts)]

    def release(self, worker: str) -> list[str]:
        return [r["id"] for r in self._write(q.RELEASE, worker=worker)]

    def requeue(self, ids: list[str]) -> list[str]:
        return [r["id"] for r in self._write(q.REQUEUE, ids=ids)]

    def requeue_stale(self, version: str) -> list[str]:
        return [r["id"] for r in self._write(q.REQUEUE_STALE, version=version)]

    def status_counts(self) -> dict[str, int]:
        return {r["status"]: int(r["n"]) for r in self._read(q.STATUS_COUNTS)}


def _date(value: Any) -> date | None:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return value.to_native() if value is not None else None


def _rows(tx: neo4j.ManagedTransaction, query: LiteralString,
          params: dict[str, Any]) -> list[dict[str, Any]]:
    return [record.data() for record in tx.run(query, params)]
