"""Trips to several countries: "visited A, B and C" is one visit to each (corpus/README)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ingest.extraction.facts import DocFacts
from ingest.extraction.learned.candidates import Event
from ingest.extraction.mentions import Mention
from ingest.extraction.parties import Parties
from ingest.extraction.scope import clause_head

# Links inside a multi-word name ("Sri Lanka", "the Republic of Korea (ROK)").
INNER = frozenset({"compound", "appos"})
# A trip's traveller needs at least this belief of the party model when it chose no one.
TRAVELLER_FLOOR = 0.3


def list_head(tok: Token) -> Token:
    """The first conjunct of the list a name is part of (the name itself if none)."""
    while tok.dep_ in INNER:
        tok = tok.head
    while tok.dep_ == "conj":
        tok = tok.head
    return tok


def anchors(doc: Doc, ev: Event) -> set[int]:
    """Tokens a destination list may hang on: the trigger, its verb, and a verb the trigger
    governs ("a tour that takes him to A and B")."""
    root = ev.trig.root(doc)
    out = {root.i, clause_head(root).i}
    out |= {c.i for c in root.children if c.pos_ in ("VERB", "AUX")}
    return out


def is_destination(head: Token, near: set[int]) -> bool:
    """The list is the object of the trip ("visited A") or follows "to" on it."""
    if head.dep_ == "dobj":
        return head.head.i in near
    return head.dep_ == "pobj" and head.head.lower_ == "to" and head.head.head.i in near


def destinations(facts: DocFacts, ev: Event) -> dict[str, Mention]:
    """Country → the place named for it, of a list of two or more destinations of a trip."""
    doc = facts.doc
    near = anchors(doc, ev)
    lists: dict[int, dict[str, Mention]] = {}
    for m in facts.in_sent(ev.sent):
        country = m.name if m.kind == "country" else m.country if m.kind == "place" else None
        if not country or m.surface == "demonym":
            continue
        head = list_head(doc[m.start:m.end].root)
        if is_destination(head, near):
            lists.setdefault(head.i, {}).setdefault(country, m)
    best = max(lists.values(), key=len, default={})
    return best if len(best) >= 2 else {}


def venue(m: Mention, country: str) -> Mention:
    """The place of one leg: the city named, else the country itself."""
    if m.kind == "place" and m.name != country:
        return m
    return Mention("place", country, m.start, m.end, "party", country)


def legs(facts: DocFacts, ev: Event, chosen: Parties,
         beliefs: dict[str, float]) -> list[tuple[Parties, Mention]]:
    """One bilateral visit (sides, place) per destination, or none when the trigger is no
    trip to a list of countries by a single traveller."""
    if ev.trig.kind != "visit":
        return []
    dest = destinations(facts, ev)
    if not dest:
        return []
    subject = {o.name for o in ev.parties if o.feats.get("subj")}
    travellers = [n for n in chosen.sides if n not in dest and n in subject]
    if not travellers:
        pool = [o for o in ev.parties if o.name not in dest and o.kind == "Country"
                and o.feats.get("subj") and beliefs.get(o.name, 0.0) >= TRAVELLER_FLOOR]
        travellers = [max(pool, key=lambda o: beliefs[o.name]).name] if pool else []
    if len(travellers) != 1:
        return []
    traveller = travellers[0]
    every = Parties(resolved_sides=chosen.resolved_sides)
    option = {o.name: o for o in ev.parties}
    every.add(traveller, option[traveller].kind if traveller in option else "Country",
              chosen.where.get(traveller, option[traveller].token if traveller in option else -1))
    for country, m in dest.items():
        every.add(country, "Country", m.start)
    every.people = list(ev.frame.parties.people)
    return [(every.only({traveller, c}, facts.person_country), venue(m, c))
            for c, m in dest.items()]
