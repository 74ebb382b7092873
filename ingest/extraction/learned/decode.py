"""From scored candidates to meeting drafts: the learned decisions applied."""

from __future__ import annotations

from collections import Counter

from ingest.extraction.dates import ResolvedDate
from ingest.extraction.facts import DocFacts
from ingest.extraction.learned.candidates import Event
from ingest.extraction.learned.formats import format_members
from ingest.extraction.learned.home import countryless_subject, home_country
from ingest.extraction.learned.linear import Model
from ingest.extraction.learned.merging import distinct, learned_merge
from ingest.extraction.learned.options import PlaceOption, place_choices
from ingest.extraction.learned.split import hub, split_feats, star
from ingest.extraction.learned.trips import legs
from ingest.extraction.meetings import Draft
from ingest.extraction.mentions import Mention
from ingest.extraction.parties import Parties


def side_beliefs(ev: Event, model: Model) -> dict[str, float]:
    """The party model's probability for each side the trigger may have (the highest over
    the options naming it)."""
    out: dict[str, float] = {}
    for o in ev.parties:
        out[o.name] = max(out.get(o.name, 0.0), model.party.positive(o.feats))
    return out


def choose_parties(facts: DocFacts, ev: Event, model: Model) -> Parties:
    """The sides the party model believes in, in text order, with the people serving them."""
    cut = model.thresholds["party"]
    chosen = sorted((o for o in ev.parties if model.party.positive(o.feats) >= cut),
                    key=lambda o: o.token)
    parties = Parties(resolved_sides=ev.frame.parties.resolved_sides)
    for o in chosen:
        parties.add(o.name, o.kind, o.token)
    for name, token in format_members(facts, ev):
        parties.add(name, "Country", token)
    parties.people = [p for p in ev.frame.parties.people
                      if facts.person_country.get(id(p), "") in parties.sides
                      or id(p) not in facts.person_country]
    return parties


def draft(facts: DocFacts, ev: Event, model: Model, floor: float | None,
          prominence: dict[str, int]) -> list[Draft]:
    """The drafts one trigger yields (none unless a meeting with two sides is believed)."""
    proba = model.event.proba(ev.feats)
    belief = 1.0 - proba["none"]
    cut = model.thresholds["event"] if floor is None else floor
    if ev.trig.modality in ("negated", "hypothetical"):
        cut = max(cut, model.thresholds["blocked"])
    if belief < cut:
        return []
    parties = choose_parties(facts, ev, model)
    beliefs = side_beliefs(ev, model)
    trip = legs(facts, ev, parties, beliefs)
    if parties.countable == 1 and not trip and not gathering(facts, parties) \
            and countryless_subject(facts, ev.trig):
        # A readout's own side, named by office alone: the article's home country.
        home = home_country(facts, ev.trig, set(parties.sides))
        if home is not None:
            parties.add(home, "Country", ev.trig.start)
            beliefs[home] = belief
    status = "planned" if proba["planned"] > proba["held"] else "held"
    when = max(ev.dates, key=lambda o: model.date.positive(o.feats), default=None)
    if when is not None and model.date.positive(when.feats) < model.thresholds["date"]:
        when = None
    if parties.countable == 1 and not trip and not gathering(facts, parties) \
            and anaphoric(facts, ev):
        place, sure = place_of(ev, parties, model)
        return [Draft(ev.trig, ev.sent, parties, ev.frame.kind, status, place,
                      when.when if when else None, set(), score=belief, joins=True,
                      side_scores={n: beliefs[n] for n in parties.sides if n in beliefs},
                      place_sure=sure)]
    if parties.countable < 2 and not trip and not gathering(facts, parties):
        return []
    if trip:
        return trip_drafts(ev, trip, status, when.when if when else None, belief, beliefs,
                           model)
    groups = [parties]
    if parties.countable >= 3 and model.split.positive(
            split_feats(facts, ev, parties)) >= model.thresholds["split"]:
        groups = star(facts, parties, hub(facts, ev, parties, prominence))
    read = when is None or any(f"src={w}" in when.feats for w in ("sent", "prev", "next"))
    out: list[Draft] = []
    for p in groups:
        place, sure = place_of(ev, p, model)
        out.append(Draft(ev.trig, ev.sent, p, ev.frame.kind, status, place,
                         when.when if when else None, ev.frame.hosts & set(p.sides),
                         score=belief, side_scores={n: beliefs[n] for n in p.sides
                                                    if n in beliefs},
                         date_read=read, place_sure=sure))
    return out


DEFINITE = frozenset({"the", "this", "that"})
# Modifiers that make the noun another encounter ("the next summit", "the previous meeting").
OTHER = frozenset({"earlier", "previous", "another", "later", "new", "next", "latest", "last",
                   "first", "second", "third"})


def anaphoric(facts: DocFacts, ev: Event) -> bool:
    """A meeting noun named as one already told ("the summit", "this meeting"): its one side
    is a participant joining that meeting, not a meeting of its own."""
    root = ev.trig.root(facts.doc)
    return not ev.trig.is_verb and any(c.dep_ == "det" and c.lower_ in DEFINITE
                                       for c in root.children) \
        and not any(c.lower_ in OTHER for c in root.children)


def join(merged: list[Draft], joiners: list[Draft]) -> list[Draft]:
    """Each joiner's side joins the nearest earlier meeting it does not contradict. Only a
    meeting of one body or of three or more sides takes attendees named later: a remark on
    a two-sided meeting ("Uganda welcomed the meeting") is mostly a third party's comment."""
    for j in joiners:
        earlier = [m for m in merged if m.sent.start < j.sent.start and not distinct(m, j)
                   and m.status == j.status and len(m.parties.sides) != 2]
        if not earlier:
            continue
        target = max(earlier, key=lambda m: m.sent.start)
        for name, kind in j.parties.sides.items():
            if name not in target.parties.sides:
                target.parties.add(name, kind, j.parties.where.get(name, -1))
                target.side_scores[name] = j.side_scores.get(name, j.score or 0.0)
        for person in j.parties.people:
            if person not in target.parties.people:
                target.parties.people.append(person)
    return merged


def gathering(facts: DocFacts, parties: Parties) -> bool:
    """A meeting of one multilateral body's members ("the NATO summit", "EU foreign ministers
    met"): its one side is a major body with a membership (the annotation lists the body alone)."""
    if parties.countable != 1:
        return False
    (name, kind), = parties.sides.items()
    org = facts.gaz.organizations.get(name)
    return kind == "Organization" and org is not None and org.major and name in facts.gaz.bodies


def trip_drafts(ev: Event, trip: list[tuple[Parties, Mention | None]], status: str,
                when: ResolvedDate | None, belief: float, beliefs: dict[str, float],
                model: Model) -> list[Draft]:
    """One meeting per counterpart; a trip's legs are placed at their destination. The trip's
    day is no leg's own (the legs follow one another), so each keeps only its month: a later
    sentence naming a leg's day then merges into it and gives the day. The list, not the
    party model, made the sides, so each is as sure as the meeting (at least)."""
    visit = ev.trig.kind == "visit"
    if visit and when is not None and len(when.value) > 7:
        when = ResolvedDate(when.value[:7], "month")
    out: list[Draft] = []
    for p, place in trip:
        sure = True
        if place is None and not visit:
            place, sure = place_of(ev, p, model)
        out.append(Draft(ev.trig, ev.sent, p, ev.frame.kind, status, place, when,
                         ev.frame.hosts & set(p.sides), score=belief,
                         side_scores={n: max(beliefs.get(n, 0.0), belief) for n in p.sides},
                         place_sure=sure))
    return out


def place_of(ev: Event, parties: Parties, model: Model) -> tuple[Mention | None, bool]:
    """The likeliest place of a meeting with these sides, if likely enough, and whether the
    model is sure of it (`thresholds["clash"]`): an unsure place is shown but does not tell
    two reports apart as other venues (grouped CV meeting F1 0.723 -> 0.728, place 0.673 ->
    0.677)."""
    options = place_choices(ev.places, ev.parties, set(parties.sides), ev.trig)
    scored = [(model.place.positive(o.feats), i) for i, o in enumerate(options)]
    best = max(scored, default=None)
    if best is None or best[0] < model.thresholds["place"]:
        return None, True
    return unmetonym(options[best[1]], set(parties.sides)), best[0] >= model.thresholds["clash"]


# A capital named as a place word ("in Hanoi", "at Beijing", "to Taipei") may be where they met.
LOCATIVE_HEADS = ("head=in", "head=at", "head=to")


def unmetonym(option: PlaceOption, sides: set[str]) -> Mention:
    """A side's capital standing for its government ("Beijing said", "Taipei officials") is no
    meeting place: the meeting is placed in that side's country (corpus/README: the country
    when the text names no city)."""
    p, f = option.place, option.feats
    if p.surface != "capital" or p.country not in sides or f.get("locative") \
            or any(k in f for k in LOCATIVE_HEADS):
        return p
    return Mention("place", p.country, p.start, p.end, "party", p.country)


def decide(facts: DocFacts, events: list[Event], model: Model,
           floor: float | None = None) -> list[Draft]:
    """Distinct meetings of an article (`floor` overrides the model's meeting threshold)."""
    drafts = drafts_of(facts, events, model, floor)
    merged = learned_merge([d for d in drafts if not d.joins], model.merge,
                           model.thresholds["merge"])
    return join(merged, [d for d in drafts if d.joins])


def drafts_of(facts: DocFacts, events: list[Event], model: Model,
              floor: float | None = None) -> list[Draft]:
    """Every draft the believed triggers yield, before merging."""
    drafts: list[Draft] = []
    counts = Counter(m.name for m in facts.mentions if m.kind in ("country", "org"))
    prominence = {n: i for i, (n, _) in enumerate(counts.most_common())}
    for ev in events:
        drafts += draft(facts, ev, model, floor, prominence)
    return drafts
