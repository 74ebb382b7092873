"""Country, organisation and place mentions read off the annotated Doc."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Literal

from spacy.tokens import Doc, Span, Token

from ingest.extraction.components import REFS
from ingest.extraction.lexicon import Lexicon
from ingest.extraction.reference import Country, Gazetteer, Surface

MentionKind = Literal["country", "org", "media", "place"]

# Heads that make a genitive country a place: "in China's capital".
CAPITAL_WORDS = frozenset({"capital"})
# Heads that make a country mention a mere modifier of a thing, not an actor.
THING_HEADS = frozenset({"embassy", "embassies", "mission", "consulate", "border", "soil",
                         "territory", "waters", "airspace", "plane", "aircraft"})
# Prepositions that make a country the topic, not an actor ("a conference on Libya").
TOPIC_PREPS = frozenset({"on", "about", "over", "regarding", "concerning", "against"})
# Nouns whose "with X" / "between X and Y" names a relation, not a meeting party.
RELATION_HEADS = frozenset({"border", "area", "frontier", "relations", "relationship", "ties",
                            "alliance", "trade", "tension", "tensions", "war", "conflict",
                            "dispute", "rivalry", "deal", "agreement", "treaty", "exchanges",
                            "threat", "threats", "policy", "approach", "ally"})


@dataclass(frozen=True)
class Mention:
    """One mention: a country (actor or place), an organisation, an outlet, or a place."""

    kind: MentionKind
    name: str  # canonical name (for places: the place's own name)
    start: int  # token offsets
    end: int
    surface: str  # name | demonym | capital | seat | org | media | ner
    country: str | None = None  # for places: the country they lie in


def valid(country: Country, published: date | None) -> bool:
    """Whether a (possibly historic) state existed at publication time."""
    if country.valid_until is None:
        return True
    return published is not None and published < country.valid_until


def pick(readings: list[Surface], gaz: Gazetteer, published: date | None) -> Surface | None:
    """The reading of an ambiguous surface that fits the publication date."""
    fitting = [r for r in readings if r.kind in ("org", "media")
               or valid(gaz.countries[r.key], published)]
    historic = [r for r in fitting if r.kind not in ("org", "media")
                and gaz.countries[r.key].valid_until is not None]
    if historic:
        return historic[0]
    return fitting[0] if fitting else None


def is_place(root: Token, lex: Lexicon) -> bool:
    """A name in a locative phrase ("talks in Beijing", "a visit to Seoul") is a place."""
    if root.dep_ == "pobj" and root.head.lower_ in lex.place_prepositions:
        return not (root.head.lower_ == "on" or root.head.head.lower_ in ("with", "between"))
    if root.dep_ == "dobj" and root.head.lower_.startswith("visit"):
        return True
    head = root.head
    return (root.dep_ in ("compound", "amod", "nmod") and head.dep_ == "pobj"
            and head.head.lower_ in ("in", "at") and head.lower_ not in THING_HEADS)


def modifies_thing(span: Span) -> bool:
    """ "the U.S. Embassy", "the border with X", "relations with X": not an actor or place."""
    root = span.root
    if root.dep_ in ("compound", "poss", "amod") and root.head.lower_ in THING_HEADS:
        return True
    head = root.head
    if root.dep_ in ("poss", "compound", "amod") and head.dep_ == "pobj":
        root, head = head, head.head
    if root.dep_ == "pobj" and head.lower_ in TOPIC_PREPS:
        return True
    return (root.dep_ == "pobj" and head.lower_ in ("with", "between", "to", "toward", "towards")
            and head.head.lower_ in RELATION_HEADS)


def place_of_capital(span: Span, gaz: Gazetteer, iso3: str) -> Mention | None:
    """ "China's capital" in a locative phrase names the capital city."""
    root = span.root
    cap = gaz.countries[iso3].capital
    if root.dep_ == "poss" and root.head.lower_ in CAPITAL_WORDS and cap:
        country = gaz.countries[iso3].name
        return Mention("place", cap, span.start, root.head.i + 1, "capital", country)
    return None


def country_mention(span: Span, reading: Surface, gaz: Gazetteer, lex: Lexicon) -> Mention:
    """A country reading → actor mention, or a place mention when used locatively."""
    country = gaz.countries[reading.key]
    capital_place = place_of_capital(span, gaz, reading.key)
    if capital_place is not None:
        return capital_place
    if is_place(span.root, lex) and reading.kind in ("capital", "name", "seat"):
        place = {"capital": country.capital or country.name, "name": country.name,
                 "seat": re.sub(r"^the ", "", span.text, flags=re.I)}[reading.kind]
        return Mention("place", place, span.start, span.end, reading.kind, country.name)
    return Mention("country", country.name, span.start, span.end, reading.kind, country.name)


def ref_mentions(doc: Doc, gaz: Gazetteer, lex: Lexicon, published: date | None) -> list[Mention]:
    """Every reference-data mention in the Doc, disambiguated and typed."""
    out: list[Mention] = []
    for span in doc.spans[REFS]:
        reading = pick(gaz.surfaces.get(span.label_, []), gaz, published)
        if reading is None or modifies_thing(span):
            continue
        if reading.kind in ("org", "media"):
            out.append(Mention(reading.kind, reading.key, span.start, span.end, reading.kind))
        else:
            out.append(country_mention(span, reading, gaz, lex))
    return out


def ner_places(doc: Doc, refs: list[Mention], lex: Lexicon) -> list[Mention]:
    """Named places the gazetteer lacks (cities, venues) in locative phrases; "City, Country"
    tells the city's country."""
    taken = {i for m in refs for i in range(m.start, m.end)}
    after = {m.start: m for m in refs}
    out: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ not in ("GPE", "LOC", "FAC") or any(t.i in taken for t in ent):
            continue
        if is_place(ent.root, lex) and ent.text[:1].isupper():
            name = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            country = after.get(ent.end + 1) if ent.end < len(doc) and doc[ent.end].text == "," \
                else None
            out.append(Mention("place", name, ent.start, ent.end,
                               "region" if ent.label_ == "LOC" else "ner",
                               country.country if country else None))
    return out


def divided_state_mentions(doc: Doc, found: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """ "the North" / "the South" for a divided state the article names ("North Korea")."""
    named = {m.name for m in found if m.kind == "country"}
    out: list[Mention] = []
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if tok.text not in ("North", "South") or prev.lower_ != "the":
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and nxt.is_title and nxt.pos_ == "PROPN":
            continue
        matches = [n for n in named if n.startswith(tok.text + " ")]
        if len(matches) == 1:
            out.append(Mention("country", matches[0], tok.i - 1, tok.i + 1, "name", matches[0]))
    return out


# A news dateline at the top ("PARIS, May 3 (Reuters) -", "LIMA, Peru (AP) _"): not content.
DATELINE = re.compile(
    r"(?:^|\n|\s{2,})[A-Z][A-Z.'/ -]{2,}(?:,\s*[A-Z][\w.-]*(?: [A-Z][\w.-]*)*)?"
    r"(?:,\s*[A-Z][a-z]{2,}\.? \d{1,2})?\s*(?:\([A-Za-z. ]{1,30}\))?\s*[-—–_]{1,2}\s")


def dateline_end(doc: Doc) -> int:
    """Character offset where a leading dateline ends (0 when there is none)."""
    match = DATELINE.search(doc.text[:400])
    return match.end() if match else 0


def find_mentions(doc: Doc, gaz: Gazetteer, lex: Lexicon, published: date | None) -> list[Mention]:
    """Countries, organisations, outlets and places, in text order (datelines skipped)."""
    skip = dateline_end(doc)
    refs = [m for m in ref_mentions(doc, gaz, lex, published) if doc[m.start].idx >= skip]
    found = refs + ner_places(doc, refs, lex)
    found += divided_state_mentions(doc, found, gaz)
    return sorted(found, key=lambda m: m.start)
