"""One side meeting a list of others: "visited A, B and C" is one visit to each, "met A's
president and B's premier" one meeting with each (corpus/README: another counterpart is
another encounter)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ingest.extraction.facts import DocFacts
from ingest.extraction.learned.candidates import Event
from ingest.extraction.learned.linear import Features
from ingest.extraction.lexicon import cue_words
from ingest.extraction.mentions import Mention, capital_name
from ingest.extraction.parties import Parties
from ingest.extraction.places import place_key
from ingest.extraction.scope import borrowed_subject, clause_head, subject_of

# Links inside a multi-word name ("Sri Lanka", "the Republic of Korea (ROK)").
INNER = frozenset({"compound", "appos"})
# Links from a name to the noun phrase of a counterpart ("the Nepali king", "Peru's
# premier", "the president of Peru").
PHRASE = frozenset({"compound", "appos", "amod", "poss", "nmod", "det"})
# Words that make a list of counterparts one group meeting.
GROUP_WORDS = cue_words("counterpart_group_words")
# Objects that carry the counterparts of a light verb ("held talks with A and B").
MEETING_NOUNS = cue_words("light_verb_objects")
# The prepositions a list of destinations ("a trip to A and B") or of counterparts ("spoke
# with A and B") follows.
DESTINATION_PREPOSITIONS = cue_words("destination_prepositions")
COUNTERPART_PREPOSITIONS = cue_words("counterpart_prepositions")
# A trip's traveller needs at least this belief of the party model when it chose no one.
TRAVELLER_FLOOR = 0.3


def list_head(tok: Token) -> Token:
    """The first conjunct of the list a name is part of (the name itself if none)."""
    while tok.dep_ in INNER or tok.dep_ == "conj":
        tok = tok.head
    return tok


def phrase_head(tok: Token) -> Token:
    """The first conjunct of the list of noun phrases a name sits in."""
    while tok.dep_ in PHRASE or tok.dep_ == "conj" or (
            tok.dep_ == "pobj" and tok.head.lower_ == "of"
            and tok.head.head.pos_ in ("NOUN", "PROPN")):
        tok = tok.head.head if tok.dep_ == "pobj" else tok.head
    return tok


def counterparts(facts: DocFacts, ev: Event) -> dict[str, Mention | None]:
    """Country → None, of a list of two or more counterparts of a meeting ("met with A's
    president and B's premier", "spoke to X and Y")."""
    doc = facts.doc
    if any(t.lower_ in GROUP_WORDS for t in ev.sent):
        return {}
    near = anchors(doc, ev)
    named = [(m.name, m.end - 1) for m in facts.in_sent(ev.sent) if m.kind == "country"]
    named += [(facts.person_country[id(p)], last) for p, last in facts.people_in(ev.sent)
              if id(p) in facts.person_country
              and facts.gaz.country_by_name(facts.person_country[id(p)]) is not None]
    lists: dict[int, dict[str, Mention | None]] = {}
    for country, last in named:
        head = phrase_head(doc[last])
        if hangs_on(head, near, COUNTERPART_PREPOSITIONS):
            lists.setdefault(head.i, {}).setdefault(country, None)
    best = max(lists.values(), key=len, default={})
    return best if len(best) >= 2 else {}


def anchors(doc: Doc, ev: Event) -> set[int]:
    """Tokens a destination list may hang on: the trigger, its verb, and a verb the trigger
    governs ("a tour that takes him to A and B")."""
    root = ev.trig.root(doc)
    out = {root.i, clause_head(root).i, *range(ev.trig.start, ev.trig.end)}
    out |= {c.i for c in root.children if c.pos_ in ("VERB", "AUX")
            or c.dep_ == "dobj" and c.lower_ in MEETING_NOUNS}
    return out


def hangs_on(head: Token, near: set[int], prepositions: frozenset[str]) -> bool:
    """The list is the object of the trigger's verb ("visited A", "met A") or follows one of
    `prepositions` on it ("a trip to A", "spoke with A")."""
    if head.dep_ == "dobj":
        return head.head.i in near
    return head.dep_ == "pobj" and head.head.lower_ in prepositions and head.head.head.i in near


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
        if hangs_on(head, near, DESTINATION_PREPOSITIONS):
            lists.setdefault(head.i, {}).setdefault(country, m)
    for found in lists.values():
        run_on(facts, ev, found)
    best = max(lists.values(), key=len, default={})
    return best if len(best) >= 2 else {}


def stop_of(facts: DocFacts, m: Mention) -> Mention:
    """A destination as a place: a capital standing for its country is the leg's city."""
    if m.kind != "country" or m.surface != "capital" or not m.key or m.country is None:
        return m
    cap = capital_name(facts.doc[m.start:m.end], facts.gaz.countries[m.key])
    if not cap:
        return m
    return Mention("place", cap, m.start, m.end, "capital", m.country,
                   key=place_key(cap, m.country, facts.gaz))


# What may stand between two destinations of one written list ("A, X; B, Y; and C, Z").
LIST_GLUE = frozenset({",", ";", "and", "as", "well"})


def run_on(facts: DocFacts, ev: Event, found: dict[str, Mention]) -> None:
    """Places written on after a list's last destination, joined only by commas, semicolons
    and "and", belong to the list even where the parse broke it ("to Jakarta, Indonesia; Kuala
    Lumpur, Malaysia; and Canberra, Australia")."""
    doc = facts.doc
    places = [m for m in facts.in_sent(ev.sent) if m.kind in ("place", "country")
              and m.surface != "demonym"]
    last = max(m.end for m in found.values())
    for m in sorted(places, key=lambda m: m.start):
        if m.start < last:
            continue
        if not all(t.lower_ in LIST_GLUE for t in doc[last:m.start]):
            break
        country = m.name if m.kind == "country" else m.country
        if country:
            found.setdefault(country, stop_of(facts, m))
        last = m.end


def venue(m: Mention | None, country: str) -> Mention | None:
    """The place of one leg: the city named, else the country itself (none for a
    counterpart)."""
    if m is None:
        return None
    if m.kind == "place" and m.name != country:
        return m
    return Mention("place", country, m.start, m.end, "party", country)


def actor(f: Features) -> bool:
    """A party named as the one who travels or meets: the subject, or on the trigger noun
    ("a trip by X", "X's visit")."""
    if f.get("subj"):
        return True
    return bool(f.get("gprep=by") or f.get("on_trig") and f.get("gdep=poss"))


def shared_subject(facts: DocFacts, ev: Event) -> set[str]:
    """Parties named in the subject a trigger's verb shares with the clause above ("X is to
    visit A and B", "X plans to meet A and B"): the traveller the party features miss."""
    toks = borrowed_subject(clause_head(ev.trig.root(facts.doc)))
    return {o.name for o in ev.parties if o.token in toks}


def subject_offices(facts: DocFacts, ev: Event) -> set[str]:
    """The countries of the officials named in the trigger's subject ("The Foreign
    Secretary, X, visited A and B"), where the subject names no country itself."""
    subj = subject_of(clause_head(ev.trig.root(facts.doc)))
    return {facts.person_country[id(p)] for p, last in facts.people_in(ev.sent)
            if last in subj and id(p) in facts.person_country}


def legs(facts: DocFacts, ev: Event, chosen: Parties,
         beliefs: dict[str, float]) -> list[tuple[Parties, Mention | None]]:
    """One bilateral meeting (sides, place) per destination or counterpart, or none when the
    trigger names no list of them for a single side of the subject (the traveller)."""
    if ev.trig.kind == "visit":
        dest: dict[str, Mention | None] = dict(destinations(facts, ev))
    else:
        dest = counterparts(facts, ev)
    if not dest:
        return []
    subject = {o.name for o in ev.parties if actor(o.feats)} or shared_subject(facts, ev) \
        or subject_offices(facts, ev)
    travellers = [n for n in chosen.sides if n not in dest and n in subject]
    if not travellers:
        pool = [o for o in ev.parties if o.name not in dest and o.kind == "Country"
                and actor(o.feats) and beliefs.get(o.name, 0.0) >= TRAVELLER_FLOOR]
        travellers = [max(pool, key=lambda o: beliefs[o.name]).name] if pool else []
    if len(travellers) != 1:
        return []
    traveller = travellers[0]
    every = Parties(resolved_sides=chosen.resolved_sides)
    option = {o.name: o for o in ev.parties}
    every.add(traveller, option[traveller].kind if traveller in option else "Country",
              chosen.where.get(traveller, option[traveller].token if traveller in option else -1))
    for country, m in dest.items():
        every.add(country, "Country", m.start if m else -1)
    every.people = list(ev.frame.parties.people)
    return [(every.only({traveller, c}, facts.person_country), venue(m, c))
            for c, m in dest.items()]
