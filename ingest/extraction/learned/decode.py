"""From scored candidates to meeting drafts: the learned decisions applied."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from ingest.extraction.facts import DocFacts
from ingest.extraction.learned.candidates import Event
from ingest.extraction.learned.linear import Model
from ingest.extraction.learned.merging import learned_merge
from ingest.extraction.learned.split import hub, split_feats, star
from ingest.extraction.meetings import Draft
from ingest.extraction.parties import Parties


def choose_parties(facts: DocFacts, ev: Event, model: Model) -> Parties:
    """The sides the party model believes in, in text order, with the people serving them."""
    cut = model.thresholds["party"]
    chosen = sorted((o for o in ev.parties if model.party.positive(o.feats) >= cut),
                    key=lambda o: o.token)
    parties = Parties(resolved_sides=ev.frame.parties.resolved_sides)
    for o in chosen:
        parties.add(o.name, o.kind, o.token)
    parties.people = [p for p in ev.frame.parties.people
                      if facts.person_country.get(id(p), "") in parties.sides
                      or id(p) not in facts.person_country]
    return parties


def draft(facts: DocFacts, ev: Event, model: Model, floor: float | None,
          prominence: dict[str, int]) -> list[Draft]:
    """The drafts one trigger yields (none unless a meeting with two sides is believed)."""
    proba = model.event.proba(ev.feats)
    belief = 1.0 - proba["none"]
    if belief < (model.thresholds["event"] if floor is None else floor):
        return []
    parties = choose_parties(facts, ev, model)
    if parties.countable < 2:
        return []
    status = "planned" if proba["planned"] > proba["held"] else "held"
    place = max(ev.places, key=lambda o: model.place.positive(o.feats), default=None)
    if place is not None and model.place.positive(place.feats) < model.thresholds["place"]:
        place = None
    when = max(ev.dates, key=lambda o: model.date.positive(o.feats), default=None)
    if when is not None and model.date.positive(when.feats) < model.thresholds["date"]:
        when = None
    base = Draft(ev.trig, ev.sent, parties, ev.frame.kind, status,
                 place.place if place else None, when.when if when else None,
                 ev.frame.hosts & set(parties.sides), score=belief)
    groups = [parties]
    if parties.countable >= 3 and model.split.positive(
            split_feats(facts, ev, parties)) >= model.thresholds["split"]:
        groups = star(facts, parties, hub(facts, ev, parties, prominence))
    return [replace(base, parties=p, hosts=base.hosts & set(p.sides)) for p in groups]


def decide(facts: DocFacts, events: list[Event], model: Model,
           floor: float | None = None) -> list[Draft]:
    """Distinct meetings of an article (`floor` overrides the model's meeting threshold)."""
    return learned_merge(drafts_of(facts, events, model, floor), model.merge,
                         model.thresholds["merge"])


def drafts_of(facts: DocFacts, events: list[Event], model: Model,
              floor: float | None = None) -> list[Draft]:
    """Every draft the believed triggers yield, before merging."""
    drafts: list[Draft] = []
    counts = Counter(m.name for m in facts.mentions if m.kind in ("country", "org"))
    prominence = {n: i for i, (n, _) in enumerate(counts.most_common())}
    for ev in events:
        drafts += draft(facts, ev, model, floor, prominence)
    return drafts
