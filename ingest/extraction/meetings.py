"""Meetings: one draft per usable trigger, then merged into distinct encounters."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from ingest.extraction.dates import ResolvedDate, resolve
from ingest.extraction.facts import DocFacts
from ingest.extraction.mentions import Mention
from ingest.extraction.parties import Parties, gather, has_side_phrase
from ingest.extraction.scope import scope
from ingest.extraction.triggers import Trigger

KIND_RANK = {"phone_call": 0, "summit": 1, "negotiation": 2, "visit": 3, "talks": 4,
             "meeting": 5}


@dataclass
class Draft:
    """A meeting before it becomes a record."""

    trigger: Trigger
    sent: Span
    parties: Parties
    kind: str
    status: str
    place: Mention | None
    when: ResolvedDate | None
    hosts: set[str]

    @property
    def key(self) -> frozenset[str]:
        """The set of sides, used to merge drafts of one encounter."""
        return frozenset(self.parties.sides)


def place_for(facts: DocFacts, sent: Span, inside: set[int], trig: Trigger) -> Mention | None:
    """The meeting place: a locative inside the clause, nearest the trigger."""
    places = [m for m in facts.in_sent(sent) if m.kind == "place" and m.start in inside
              and facts.doc[m.start:m.end].root.head.lower_ != "from"]
    if not places:
        return None
    return min(places, key=lambda m: abs(m.start - trig.start))


def date_for(facts: DocFacts, sent: Span, trig: Trigger, future: bool) -> ResolvedDate | None:
    """The date nearest the trigger among the sentence's DATE expressions."""
    best: tuple[int, ResolvedDate] | None = None
    for ent in sent.ents:
        if ent.label_ != "DATE":
            continue
        found = resolve(ent.text, facts.published, future)
        distance = abs(ent.start - trig.start)
        if found is not None and (best is None or distance < best[0]):
            best = (distance, found)
    return best[1] if best else None


def add_host(facts: DocFacts, parties: Parties, place: Mention | None) -> set[str]:
    """A visit (or talks held abroad) with one side: the place's country hosts."""
    if place is None or place.country is None or place.country in parties.sides:
        return set()
    if parties.countable == 1:
        parties.add(place.country, "Country")
        return {place.country}
    return set()


def draft_for(facts: DocFacts, trig: Trigger, previous: list[Draft]) -> Draft | None:
    """Build one draft meeting from a trigger, or None when fewer than two sides."""
    doc = facts.doc
    sent = doc[trig.start].sent
    inside = scope(trig.root(doc))
    parties = gather(facts, sent, inside)
    if has_side_phrase(sent, facts, inside) and parties.countable < 2:
        for name in side_names(facts, previous):
            parties.add(name, "Country")
        parties.resolved_sides = True
    place = place_for(facts, sent, inside, trig)
    hosts = add_host(facts, parties, place)
    if trig.kind == "host":
        hosts = {next(iter(parties.sides), "")}
    if parties.countable < 2:
        return None
    kind = "visit" if trig.kind == "host" else trig.kind
    when = date_for(facts, sent, trig, trig.modality == "planned")
    return Draft(trig, sent, parties, kind, trig.modality, place, when, hosts)


def side_names(facts: DocFacts, previous: list[Draft]) -> list[str]:
    """ "the two sides": the sides of the last meeting, else the article's main pair."""
    for draft in reversed(previous):
        countries = [n for n, k in draft.parties.sides.items() if k == "Country"]
        if len(countries) >= 2:
            return countries
    return facts.salient_pair()


def find_drafts(facts: DocFacts, triggers: list[Trigger]) -> list[Draft]:
    """Draft meetings for every held or planned trigger."""
    drafts: list[Draft] = []
    for trig in triggers:
        if trig.modality in ("negated", "hypothetical"):
            continue
        draft = draft_for(facts, trig, drafts)
        if draft is not None:
            drafts.append(draft)
    return drafts
