"""`diplograph ingest`: read article files, validate, send in batches, count what happened."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from pydantic import ValidationError
from rich.console import Console
from rich.progress import Progress

from app.models import ArticleCreate
from ingest.sources import Item, read_paths

Sender = Callable[[list[ArticleCreate]], list[bool]]  # → created? per article


FIELDS = frozenset(ArticleCreate.model_fields)
SHOWN_ERRORS = 20


@dataclass
class Summary:
    new: int = 0
    known: int = 0
    failed: int = 0
    errors: list[str] = field(default_factory=list)
    ignored: Counter[str] = field(default_factory=Counter)  # unused field → articles with it
    undated: int = 0  # articles without `published`: relative dates stay unresolved

    @property
    def ok(self) -> bool:
        """Every article was stored (new or known): `diplograph ingest` exits 0 only then."""
        return self.failed == 0

    def warnings(self) -> list[str]:
        lines = []
        if self.ignored:
            fields = ", ".join(f"{name} ({n})" for name, n in sorted(self.ignored.items()))
            lines.append(f"warning: ignored fields diplograph does not use, with the number of "
                         f"articles that had them: {fields}; it reads {', '.join(sorted(FIELDS))}")
        if self.undated:
            lines.append(f"warning: {self.undated} article(s) without a publication date (a .txt "
                         "file has none): relative dates such as 'on Wednesday' stay unresolved "
                         "in them; give `published` in a .json or .jsonl file")
        return lines

    def describe(self) -> str:
        lines = [f"{self.new} new, {self.known} already known, {self.failed} failed",
                 *self.warnings()]
        lines += [f"  {e}" for e in self.errors[:SHOWN_ERRORS]]
        if len(self.errors) > SHOWN_ERRORS:
            lines.append(f"  … and {len(self.errors) - SHOWN_ERRORS} more")
        return "\n".join(lines)


def api_sender(url: str, key: str | None) -> Sender:
    client = httpx.Client(base_url=url, timeout=60.0,
                          headers={"X-API-Key": key} if key else {})

    def send(articles: list[ArticleCreate]) -> list[bool]:
        body = [a.model_dump(mode="json", exclude_none=True) for a in articles]
        response = client.post("/articles", json=body)
        if response.status_code != 202:
            raise RuntimeError(f"HTTP {response.status_code}: {response.text[:300]}")
        return [bool(r["new"]) for r in response.json()]

    return send


def direct_sender() -> Sender:
    from graph.articles import ArticleStore
    from graph.bootstrap import connect
    from graph.settings import Neo4jSettings

    graph = connect(Neo4jSettings())
    store = ArticleStore(graph.driver, graph.database)
    return lambda articles: [s.created for s in store.store([a.as_new() for a in articles])]


def _used(data: dict[str, Any], summary: Summary) -> dict[str, Any]:
    """The fields diplograph reads; the others are counted (warned about once), not refused."""
    extra = [k for k in data if k not in FIELDS]
    summary.ignored.update(extra)
    return {k: v for k, v in data.items() if k in FIELDS} if extra else data


def _batches(items: Iterator[Item], size: int, summary: Summary
             ) -> Iterator[list[ArticleCreate]]:
    batch: list[ArticleCreate] = []
    for item in items:
        try:
            if item.error or item.data is None:
                raise ValueError(item.error or "no article")
            article = ArticleCreate.model_validate(_used(item.data, summary))
            summary.undated += article.published is None
            batch.append(article)
        except ValidationError as exc:
            summary.failed += 1
            reasons = "; ".join(f"{'.'.join(map(str, e['loc'])) or 'article'}: {e['msg']}"
                                for e in exc.errors())
            summary.errors.append(f"{item.origin}: {reasons}")
        except ValueError as exc:
            summary.failed += 1
            summary.errors.append(f"{item.origin}: {exc}")
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def run_ingest(paths: list[Path], api: str, direct: bool, key: str | None,
               size: int, quiet: bool = False) -> Summary:
    """Send every article; progress goes to stderr (none when quiet), the summary is returned."""
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per request is noise here
    summary = Summary()
    send = direct_sender() if direct else api_sender(api, key)
    items = list(read_paths(paths))
    with Progress(console=Console(stderr=True), transient=True, disable=quiet) as progress:
        task = progress.add_task("ingesting", total=len(items))
        before = 0
        for batch in _batches(iter(items), size, summary):
            try:
                created = send(batch)
                summary.new += sum(created)
                summary.known += len(created) - sum(created)
            except (RuntimeError, httpx.HTTPError) as exc:
                summary.failed += len(batch)
                summary.errors.append(str(exc))
            done = summary.new + summary.known + summary.failed
            progress.advance(task, done - before)
            before = done
    return summary
