"""The graph questions: who met whom, meetings, entities, dyads and paths."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Response

from app.answers import json_answer, json_answer_with
from app.deps import PageDep, ReadKey, ServicesDep, ViewsDep
from app.errors import ApiError, NotFound
from app.models import EntityRef
from app.models_graph import Dyad, EntitiesPublic, EntityProfile, MeetingsPublic, Paths, WhoMetWhom
from graph.names import Resolved
from graph.records import MeetingKind
from graph.views import DYAD_TIMELINE, ITEMS_PER_COUNTERPART, Window

router = APIRouter(tags=["graph"], dependencies=[ReadKey])

Since = Annotated[date | None, Query(description="Meetings on or after this date.")]
Until = Annotated[date | None, Query(description="Meetings on or before this date.")]
EntityType = Annotated[str | None, Query(pattern="^(Country|Person|Organization|City)$")]
Items = Annotated[int, Query(ge=0, le=50, description=(
    "Latest meetings listed per counterpart; `meetings` counts them all"))]
MinConfidence = Annotated[float | None, Query(ge=0.0, le=1.0, description=(
    "Only meetings the model rates at least this probable (0–1; see `diplograph eval` for "
    "precision and recall at each threshold)."))]
TimelineLimit = Annotated[int, Query(ge=1, le=500, description=(
    "Latest meetings listed in the timeline; `timeline_count` counts them all"))]


def ref(r: Resolved) -> EntityRef:
    return EntityRef(id=r.key, name=r.name, type=r.type)


def window(since: date | None, until: date | None, kind: str | None,
           min_confidence: float | None = None) -> Window:
    if since and until and since > until:
        raise ApiError(f"since ({since}) is after until ({until})")
    return Window(since, until, kind, min_confidence)


@router.get("/who-met-whom", response_model=WhoMetWhom)
def who_met_whom(s: ServicesDep, views: ViewsDep, page: PageDep,
                 name: Annotated[str, Query(min_length=1, examples=["Japan"])],
                 since: Since = None, until: Until = None,
                 kind: MeetingKind | None = None,
                 items: Items = ITEMS_PER_COUNTERPART,
                 min_confidence: MinConfidence = None) -> Response:
    """The entity's counterparts, most meetings first, each with its latest meetings and their
    evidence."""
    got = views.who_met_whom(name, window(since, until, kind, min_confidence), page, items)
    return json_answer_with(WhoMetWhom(
        entity=ref(got.entity), counterparts=[{**c, "items": []} for c in got.counterparts],
        count=got.total, skip=page.skip, limit=page.limit, items=items,
        browser_url=s.links.who_met_whom(got.entity.key)),
        "items", [c["items"] for c in got.counterparts])


@router.get("/meetings", response_model=MeetingsPublic)
def meetings(s: ServicesDep, views: ViewsDep, page: PageDep,
             participant: Annotated[list[str] | None, Query(
                 description="Repeat for several; every one must take part.",
                 examples=[["Japan", "North Korea"]])] = None,
             since: Since = None, until: Until = None, kind: MeetingKind | None = None,
             place: Annotated[str | None, Query(description="City or country.")] = None,
             min_confidence: MinConfidence = None) -> Response:
    """Meetings, newest first, with participants, place, issues, evidence and sources."""
    got = views.meetings(participant or [], place, window(since, until, kind, min_confidence),
                         page)
    keys = [w.key for w in got.participants]
    return json_answer_with(MeetingsPublic(
        participants=[ref(w) for w in got.participants], data=[], count=got.total,
        skip=page.skip, limit=page.limit, browser_url=s.links.meetings(keys)),
        "data", [got.meetings])


@router.get("/entities", response_model=EntitiesPublic)
def entities(views: ViewsDep, page: PageDep,
             q: Annotated[str | None, Query(min_length=1, max_length=200, examples=["kim"],
                                            description="Name or alias contains this; "
                                            "without it, every entity (of `type`)")] = None,
             type: EntityType = None) -> Response:
    """Entities whose name or alias contains `q` (case-insensitive), best matches first;
    without `q`, every entity (of `type`), the most met first. Paged."""
    got = views.search(q, type, page) if q is not None else views.entities(type, page)
    return json_answer(EntitiesPublic(data=got.entities, count=got.total, skip=page.skip,
                                      limit=page.limit))


@router.get("/entities/{entity_id}", response_model=EntityProfile)
def entity(s: ServicesDep, views: ViewsDep, entity_id: str) -> Response:
    """An entity's profile: aliases, roles, recent meetings, top counterparts, issues.
    `entity_id` is an id (`PRK`, `person:kim-jong-un`) or a name as `/who-met-whom` takes it."""
    profile = views.profile(entity_id)
    if not profile:
        raise NotFound(f"no entity has id {entity_id!r} (search with GET /entities?q=…)")
    return json_answer_with(EntityProfile(**{**profile, "meetings": []},
                                          browser_url=s.links.entity(profile["id"])),
                            "meetings", [profile["meetings"]])


@router.get("/relations", response_model=Dyad)
def relations(s: ServicesDep, views: ViewsDep,
              a: Annotated[str, Query(min_length=1, examples=["Japan"])],
              b: Annotated[str, Query(min_length=1, examples=["North Korea"])],
              limit: TimelineLimit = DYAD_TIMELINE,
              min_confidence: MinConfidence = None) -> Response:
    """The dyad: the latest meetings between two entities (oldest first), issues, standing
    relations. `min_confidence` filters the timeline; `met_with` counts every meeting."""
    got = views.dyad(a, b, limit, min_confidence)
    return json_answer_with(Dyad(
        a=ref(got.a), b=ref(got.b), met_with=got.met_with, relations=got.relations,
        issues=got.issues, timeline=[], timeline_count=got.timeline_count, limit=limit,
        browser_url=s.links.dyad(got.a.key, got.b.key)), "timeline", [got.timeline])


@router.get("/path", response_model=Paths)
def path(s: ServicesDep, views: ViewsDep,
         source: Annotated[str, Query(alias="from", min_length=1, examples=["Japan"])],
         target: Annotated[str, Query(alias="to", min_length=1, examples=["China"])],
         max_hops: Annotated[int, Query(ge=1, le=6, description="Most meetings on a path.")] = 4,
         limit: Annotated[int, Query(ge=1, le=50)] = 10) -> Response:
    """How two entities connect: the shortest chains of meetings between them."""
    got = views.paths(source, target, max_hops, limit)
    x, y = got.source, got.target
    if got.same:
        raise ApiError(f"'from' and 'to' both name {x.name}; give two different entities")
    return json_answer(Paths(source=ref(x), target=ref(y), max_hops=max_hops, paths=got.paths,
                             browser_url=s.links.path(x.key, y.key, max_hops)))
