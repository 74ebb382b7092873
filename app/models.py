"""Request and response models, one family per resource; requests forbid unknown fields."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, field_validator

from graph.articles import NewArticle
from ingest.extraction.version import MAX_TEXT_CHARS

Status = Literal["queued", "processing", "done", "failed"]


class ArticleCreate(BaseModel):
    """An article to ingest. `text` is required; the rest helps dating and citing it."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "text": "Diplomats from Japan and North Korea held talks in Beijing on Wednesday.",
        "url": "https://example.org/2012/08/30/japan-north-korea-talks",
        "title": "Japan, North Korea hold talks", "published": "2012-08-30", "source": "AP"}]})

    text: str = Field(description=f"Article text (at most DIPLOGRAPH_MAX_TEXT_CHARS characters, "
                                  f"{MAX_TEXT_CHARS:,} by default and at most; longer is 413).")
    url: Annotated[str, Field(max_length=2048)] | None = None
    title: Annotated[str, Field(max_length=1000)] | None = None
    published: date | None = Field(None, description=(
        "Publication date, YYYY-MM-DD, or an ISO 8601 date-time (`2025-05-12T10:00:00Z`, "
        "`2025-05-12T23:30:00+09:00`): its date, as written in its own offset, is kept."))
    source: Annotated[str, Field(max_length=200)] | None = None

    @field_validator("published", mode="before")
    @classmethod
    def _date_of_datetime(cls, value: object) -> object:
        """A date-time stands for its calendar date where it was written (no shift to UTC)."""
        if isinstance(value, str) and len(value) > 10 and value[10:11] in ("T", "t", " "):
            try:
                return datetime.fromisoformat(value.strip()).date()
            except ValueError:
                raise ValueError(f"not an ISO 8601 date or date-time: {value!r}") from None
        return value

    @field_validator("text")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("text is empty or only whitespace")
        return value

    def as_new(self) -> NewArticle:
        """The article as the store takes it (POST, seeds and `diplograph ingest --direct`)."""
        return NewArticle(text=self.text, url=self.url, title=self.title, source=self.source,
                          published=self.published)


def _one_or_many(value: object) -> str:
    return "articles" if isinstance(value, list) else "article"


# POST /articles takes one article or a list; errors are located under "article" or "articles".
ArticlesBody = Annotated[
    Annotated[ArticleCreate, Tag("article")] | Annotated[list[ArticleCreate], Tag("articles")],
    Discriminator(_one_or_many),
]


class ArticleLinks(BaseModel):
    self: str
    reprocess: str


class ArticleAccepted(BaseModel):
    """202: stored (or already known); the worker extracts it next."""

    id: str
    status: Status
    new: bool = Field(description="False when this article was already stored.")
    links: ArticleLinks


class FactCounts(BaseModel):
    entities: int | None = None
    meetings: int | None = None
    roles: int | None = None
    issues: int | None = None
    relations: int | None = None


class ArticlePublic(BaseModel):
    id: str
    url: str | None
    title: str | None
    source: str | None
    published: str | None
    status: Status
    error: str | None = Field(None, description="Why the last attempt failed.")
    extractor_version: str | None
    attempts: int | None
    counts: FactCounts
    created_at: str | None
    updated_at: str | None
    processed_at: str | None
    links: ArticleLinks


class ArticlesPublic(BaseModel):
    data: list[ArticlePublic]
    count: int = Field(description="How many articles match the filters (all pages).")
    skip: int
    limit: int


class Requeued(BaseModel):
    ids: list[str]
    count: int


class EntityRef(BaseModel):
    id: str
    name: str | None
    type: str | None = None
    role: str | None = None
    confidence: float | None = Field(None, description=(
        "A meeting participant: the model's probability that it took part (the highest any "
        "report gave)."))


class Place(BaseModel):
    id: str
    name: str | None
    country: str | None = None


class Report(BaseModel):
    """An article that reported a meeting, with the sentence that says so."""

    evidence: str | None
    start: int | None
    end: int | None
    confidence: float | None
    extractor_version: str | None
    article_id: str
    url: str | None
    title: str | None
    source: str | None
    published: str | None


class MeetingPublic(BaseModel):
    id: str
    date: str | None
    date_precision: str | None
    kind: str | None
    status: str | None
    confidence: float | None = Field(None, description=(
        "The model's probability that this meeting took place as reported (its most "
        "confident report)."))
    participants: list[EntityRef]
    countries: list[str]
    place: Place | None
    issues: list[str]
    reports: list[Report]


class FactPlace(BaseModel):
    id: str
    name: str | None


class FactParticipant(BaseModel):
    id: str
    name: str | None
    type: str | None
    role: str | None
    confidence: float | None = Field(None, description="This article's confidence in it.")


class ReportedMeeting(BaseModel):
    """A meeting as this article reported it (its date, kind and place in this report)."""

    meeting_id: str
    date: str | None
    date_precision: str | None
    kind: str | None
    status: str | None
    evidence: str | None = Field(None, description="The sentence that reports it.")
    start: int | None = Field(None, description="Character offsets of `evidence` in the text.")
    end: int | None
    confidence: float | None
    place: FactPlace | None
    participants: list[FactParticipant]
    issues: list[str]


class PersonRef(BaseModel):
    id: str
    name: str | None


class FactRole(BaseModel):
    person: PersonRef
    title: str | None
    of: str | None
    evidence: str | None
    start: int | None
    end: int | None
    confidence: float | None


class FactIssue(BaseModel):
    id: str
    name: str | None
    countries: list[str]


class FactRelation(BaseModel):
    type: str
    a: str | None
    b: str | None
    evidence: str | None
    start: int | None
    end: int | None


class ArticleFacts(BaseModel):
    """What the worker extracted from one article, each fact with its evidence span."""

    id: str
    status: Status
    extractor_version: str | None
    empty: bool = Field(description="True when the article is processed and yielded no fact.")
    note: str | None = Field(None, description=(
        "Why there are no facts: not processed yet, failed, or nothing found."))
    meetings: list[ReportedMeeting]
    roles: list[FactRole]
    issues: list[FactIssue]
    relations: list[FactRelation]
