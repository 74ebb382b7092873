"""Response models of the graph queries."""

from __future__ import annotations

from pydantic import BaseModel, Field

from app.models import EntityRef, MeetingPublic

BROWSER = "Opens this subgraph in the Neo4j Browser."


class Counterpart(BaseModel):
    id: str
    name: str | None
    type: str | None
    meetings: int
    first: str | None
    last: str | None
    items: list[MeetingPublic] = Field(
        description="The latest `items` meetings (query parameter), oldest first; `meetings` "
                    "counts them all.")


class WhoMetWhom(BaseModel):
    entity: EntityRef
    counterparts: list[Counterpart]
    count: int = Field(description="Counterparts in all pages.")
    skip: int
    limit: int
    items: int = Field(description="Latest meetings listed per counterpart.")
    browser_url: str = Field(description=BROWSER)


class MeetingsPublic(BaseModel):
    participants: list[EntityRef]
    data: list[MeetingPublic]
    count: int
    skip: int
    limit: int
    browser_url: str = Field(description=BROWSER)


class EntityHit(BaseModel):
    id: str
    name: str | None
    type: str | None
    aliases: list[str]
    meetings: int


class EntitiesPublic(BaseModel):
    data: list[EntityHit]
    count: int
    skip: int
    limit: int


class RolePublic(BaseModel):
    title: str | None
    of: str | None
    article_id: str | None
    evidence: str | None


class CounterpartSummary(BaseModel):
    id: str
    name: str | None
    type: str | None
    meetings: int | None
    first: str | None
    last: str | None


class EntityProfile(BaseModel):
    id: str
    name: str | None
    type: str | None
    iso3: str | None
    country: str | None
    aliases: list[str]
    roles: list[RolePublic]
    meeting_count: int
    meetings: list[MeetingPublic] = Field(description="The most recent meetings.")
    counterparts: list[CounterpartSummary] = Field(description="Top counterparts (MET_WITH).")
    issues: list[str]
    browser_url: str = Field(description=BROWSER)


class MetWith(BaseModel):
    meetings: int | None
    first: str | None
    last: str | None


class StandingRelation(BaseModel):
    type: str
    evidence: str | None
    article_id: str | None


class Dyad(BaseModel):
    a: EntityRef
    b: EntityRef
    met_with: MetWith | None
    relations: list[StandingRelation]
    issues: list[str]
    timeline: list[MeetingPublic] = Field(
        description="The latest `limit` meetings between the two, oldest first.")
    timeline_count: int = Field(description="Meetings between the two in all.")
    limit: int
    browser_url: str = Field(description=BROWSER)


class PathNode(BaseModel):
    id: str
    name: str | None
    node: str = Field(description="'entity' or 'meeting'.")
    type: str | None = None
    date: str | None = None
    kind: str | None = None


class Paths(BaseModel):
    source: EntityRef = Field(alias="from")
    target: EntityRef = Field(alias="to")
    max_hops: int
    paths: list[list[PathNode]] = Field(description="Entity, meeting, entity, … on each path.")
    browser_url: str = Field(description=BROWSER)

    model_config = {"populate_by_name": True}
