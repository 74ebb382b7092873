"""Article ingest and status: POST stores before answering 202; the worker does the rest."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Body, Query
from fastapi.exceptions import RequestValidationError

from app.dates import PARTIAL_DATE, day_range
from app.deps import PageDep, ReadKey, ServicesDep, StoreDep, WriteKey
from app.errors import ApiError, NotFound, TextTooLarge
from app.models import (
    ArticleAccepted,
    ArticleCreate,
    ArticleFacts,
    ArticleLinks,
    ArticlePublic,
    ArticlesBody,
    ArticlesPublic,
    Requeued,
    Status,
)
from graph.articles import ArticleFilter

router = APIRouter(tags=["articles"])


def links(id_: str) -> ArticleLinks:
    return ArticleLinks(self=f"/articles/{id_}", reprocess=f"/articles/{id_}/reprocess")


def public(row: dict[str, Any]) -> ArticlePublic:
    return ArticlePublic.model_validate({**row, "links": links(row["id"])})


def _check_sizes(s: ServicesDep, articles: list[ArticleCreate]) -> None:
    if len(articles) > s.settings.max_batch:
        raise TextTooLarge(f"batch of {len(articles)} articles; at most {s.settings.max_batch}")
    if not articles:
        raise ApiError("empty batch")
    for i, article in enumerate(articles):
        if len(article.text) > s.settings.max_text_chars:
            raise TextTooLarge(f"article {i}: text has {len(article.text)} characters; "
                               f"at most {s.settings.max_text_chars}")


@router.post("/articles", status_code=202, dependencies=[WriteKey],
             response_model=ArticleAccepted | list[ArticleAccepted])
def post_articles(
    s: ServicesDep, body: Annotated[ArticlesBody, Body()],
) -> ArticleAccepted | list[ArticleAccepted]:
    """Store one article (or a list) and queue it; the id comes from its URL or text."""
    articles = body if isinstance(body, list) else [body]
    _check_sizes(s, articles)
    stored = s.store.store([a.as_new() for a in articles])
    accepted = [ArticleAccepted(id=r.id, status=r.status, new=r.created,
                                links=links(r.id)) for r in stored]
    return accepted if isinstance(body, list) else accepted[0]


def days(name: str, value: str) -> tuple[date, date]:
    """The first and last day a YYYY, YYYY-MM or YYYY-MM-DD stands for (422 if no such date)."""
    try:
        return day_range(value)
    except ValueError as exc:
        raise RequestValidationError([{"loc": ("query", name), "type": "date_from_datetime_parsing",
                                       "msg": f"{value!r} is not a date: {exc}", "input": value}]
                                     ) from None


@router.get("/articles", response_model=ArticlesPublic, dependencies=[ReadKey])
def list_articles(
    store: StoreDep, page: PageDep, status: Status | None = None, source: str | None = None,
    since: Annotated[str | None, Query(pattern=PARTIAL_DATE, examples=["2024-05"], description=(
        "Published on or after: YYYY-MM-DD, YYYY-MM (from its first day) or YYYY."))] = None,
    until: Annotated[str | None, Query(pattern=PARTIAL_DATE, examples=["2024"], description=(
        "Published on or before: YYYY-MM-DD, YYYY-MM (to its last day) or YYYY."))] = None,
) -> ArticlesPublic:
    """Articles, newest first, filtered by status, source and publication date."""
    start = days("since", since)[0] if since else None
    end = days("until", until)[1] if until else None
    if start and end and start > end:
        raise ApiError(f"since ({since}) is after until ({until})")
    rows, total = store.search(ArticleFilter(status, source, start, end), page.skip, page.limit)
    return ArticlesPublic(data=[public(r) for r in rows], count=total, skip=page.skip,
                          limit=page.limit)


@router.post("/articles/reprocess", status_code=202, response_model=Requeued,
             dependencies=[WriteKey])
def reprocess_many(
    s: ServicesDep,
    stale: Annotated[bool, Query(description="Articles of another extractor version.")] = False,
    ids: Annotated[list[str] | None, Query(alias="id", description="Articles to redo.")] = None,
) -> Requeued:
    """Queue articles again: those of an older extractor version, or the ids given."""
    if stale:
        requeued = s.store.requeue_stale(s.extractor_version)
    elif ids:
        requeued = s.store.requeue(ids)
    else:
        raise ApiError("say which articles: stale=true or id=… (repeatable)")
    return Requeued(ids=requeued, count=len(requeued))


@router.get("/articles/{article_id}", response_model=ArticlePublic, dependencies=[ReadKey])
def get_article(store: StoreDep, article_id: str) -> ArticlePublic:
    """One article's status, fact counts, extractor version and timestamps."""
    row = store.get(article_id)
    if row is None:
        raise NotFound(f"no article has id {article_id!r}")
    return public(row)


@router.get("/articles/{article_id}/facts", response_model=ArticleFacts,
            dependencies=[ReadKey])
def get_facts(store: StoreDep, article_id: str) -> ArticleFacts:
    """What the article gave: meetings (participants, roles, issues), roles, issues and
    relations, each with its evidence span and confidence; `note` says why there are none."""
    got = store.facts(article_id)
    if got is None:
        raise NotFound(f"no article has id {article_id!r}")
    found = any(got[k] for k in ("meetings", "roles", "issues", "relations"))
    status = got["status"]
    note = None
    if not found:
        note = {"queued": "not processed yet (queued)",
                "processing": "being processed now",
                "failed": "extraction failed: see GET /articles/{id} for the error"}.get(
            status, "processed: the extractor found no meeting, role, issue or relation in it")
    return ArticleFacts.model_validate({**got, "id": article_id, "note": note,
                                        "empty": status == "done" and not found})


@router.post("/articles/{article_id}/reprocess", status_code=202,
             response_model=ArticleAccepted, dependencies=[WriteKey])
def reprocess(store: StoreDep, article_id: str) -> ArticleAccepted:
    """Queue the article again; its facts are replaced when the worker is done."""
    if not store.requeue([article_id]):
        raise NotFound(f"no article has id {article_id!r}")
    return ArticleAccepted(id=article_id, status="queued", new=False, links=links(article_id))
