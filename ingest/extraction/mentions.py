"""Country, organisation and place mentions read off the annotated Doc.

`find_mentions` returns them in text order. Organisation mentions carry their stable key
("org:nato") and, for multilateral bodies, `members` (ISO alpha-3 on the article's date);
place mentions carry the city's country, the venue the text named, and `dateline=True` for
the dateline city (see `ingest.extraction.mention.Mention`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span

from graph.keys import entity_key
from ingest.extraction.components import REFS
from ingest.extraction.lexicon import Lexicon, cue_words
from ingest.extraction.mention import Mention, MentionKind
from ingest.extraction.people import PARTICLES
from ingest.extraction.places import (
    THING_HEADS,
    dateline_end,
    dateline_place,
    is_place,
    ner_places,
    place_key,
    preposition_cities,
    venue_place,
)
from reference.gazetteer import Country, Gazetteer, Surface

__all__ = ["Mention", "MentionKind", "dateline_end", "find_mentions", "is_place"]
COUNTRY_KINDS = ("name", "demonym", "capital", "seat")

# Heads that make a genitive country a place: "in China's capital".
CAPITAL_WORDS = cue_words("capital_words")
# Prepositions that make a country the topic, not an actor ("a conference on Libya").
TOPIC_PREPS = cue_words("topic_preps")
# Nouns whose "with X" / "between X and Y" names a relation, not a meeting party.
RELATION_HEADS = cue_words("relation_heads")


def valid(country: Country, published: date | None) -> bool:
    """Whether a (possibly historic) state existed at publication time."""
    if country.valid_until is None:
        return True
    return published is not None and published < country.valid_until


def pick(readings: list[Surface], gaz: Gazetteer, published: date | None) -> Surface | None:
    """The reading of an ambiguous surface that fits the publication date."""
    fitting = [r for r in readings if r.kind not in COUNTRY_KINDS
               or valid(gaz.countries[r.key], published)]
    historic = [r for r in fitting if r.kind in COUNTRY_KINDS
                and gaz.countries[r.key].valid_until is not None]
    if historic:
        return historic[0]
    return fitting[0] if fitting else None


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
        return Mention("place", cap, span.start, root.head.i + 1, "capital", country,
                       key=place_key(cap, country, gaz))
    return None


def capital_name(span: Span, country: Country) -> str | None:
    """The city a capital's mention names: an older name as written ("Peking"), else the
    capital's own."""
    return span.text if span.text in country.capital_aliases else country.capital


def country_mention(span: Span, reading: Surface, gaz: Gazetteer, lex: Lexicon) -> Mention:
    """A country reading → actor mention, or a place mention when used locatively."""
    country = gaz.countries[reading.key]
    capital_place = place_of_capital(span, gaz, reading.key)
    if capital_place is not None:
        return capital_place
    if is_place(span.root, lex) and reading.kind in ("capital", "name", "seat"):
        venue = venue_place(span, gaz) if reading.kind == "seat" else None
        if venue is not None:
            return venue
        place = {"capital": capital_name(span, country) or country.name, "name": country.name,
                 "seat": re.sub(r"^the ", "", span.text, flags=re.I)}[reading.kind]
        return Mention("place", place, span.start, span.end, reading.kind, country.name,
                       key=place_key(place, country.name, gaz))
    return Mention("country", country.name, span.start, span.end, reading.kind, country.name,
                   key=country.iso3)


def org_mention(span: Span, reading: Surface, gaz: Gazetteer,
                published: date | None) -> Mention:
    """An organisation (with its members on the article's date) or an outlet."""
    if reading.kind == "media":
        return Mention("media", reading.key, span.start, span.end, "media")
    members = gaz.members_on(reading.key, published or date.today())
    return Mention("org", reading.key, span.start, span.end, "org",
                   key=entity_key("Organization", reading.key), members=members)


def context_holds(doc: Doc, gaz: Gazetteer, text: str) -> bool:
    """Whether a contextual surface ("world powers") names its body in this article: the
    article mentions the rule's country and word ("Iran", "nuclear")."""
    rule = gaz.contextual.get(text)
    if rule is None or not any(t.lower_ == rule.word for t in doc):
        return False
    return any(s.key == rule.country for span in doc.spans[REFS]
               for s in gaz.surfaces.get(span.label_, []) if s.kind in COUNTRY_KINDS)


def name_continuations(doc: Doc) -> set[int]:
    """Tokens that end a name the NER cut after a particle ("Miguel de la" + "Madrid"), or sit
    inside a longer person's name ("President Ana Lima"): a surname, not a capital."""
    out: set[int] = set()
    for ent in doc.ents:
        if ent.label_ == "PERSON" and len(ent) >= 2:
            out.update(range(ent.start + 1, ent.end))
        end = ent.end
        while end < len(doc) and doc[end].is_space:
            end += 1
        if ent.label_ == "PERSON" and doc[ent.end - 1].lower_ in PARTICLES and end < len(doc):
            out.add(end)
    return out


# Words naming a sea, strait or other feature: a country inside such a name ("the South China
# Sea", "the Sea of Japan", "the Taiwan Strait") names the feature, not the state.
GEOGRAPHIC_FEATURES = cue_words("geographic_features")


# Regions whose last word is a country's name ("South America", "Northern Ireland").
REGION_NAMES = cue_words("region_names")


def in_region_name(span: Span) -> bool:
    """Whether a reference name ends a region's name ("America" in "Latin America")."""
    return span.start > 0 and span.doc[span.start - 1:span.end].text in REGION_NAMES


def in_feature_name(span: Span, features: dict[int, Span]) -> bool:
    """Whether a reference name lies inside a longer place entity named by a feature word."""
    ent = features.get(span.start)
    return ent is not None and any(t.lower_ in GEOGRAPHIC_FEATURES and not
                                   span.start <= t.i < span.end for t in ent)


def ref_mentions(doc: Doc, gaz: Gazetteer, lex: Lexicon, published: date | None) -> list[Mention]:
    """Every reference-data mention in the Doc, disambiguated and typed."""
    out: list[Mention] = []
    in_names = name_continuations(doc)
    features = {i: ent for ent in doc.ents if ent.label_ in ("LOC", "FAC", "GPE")
                for i in range(ent.start, ent.end)}
    for span in doc.spans[REFS]:
        reading = pick(gaz.surfaces.get(span.label_, []), gaz, published)
        if reading is None or modifies_thing(span) or span.start in in_names \
                or in_feature_name(span, features) or in_region_name(span):
            continue
        if reading.kind in ("org", "media"):
            out.append(org_mention(span, reading, gaz, published))
        elif reading.kind == "contextual":
            if context_holds(doc, gaz, span.label_):
                out.append(org_mention(span, Surface("org", reading.key), gaz, published))
        elif reading.kind == "venue":
            venue = venue_place(span, gaz) if is_place(span.root, lex) else None
            if venue is not None:
                out.append(venue)
        else:
            out.append(country_mention(span, reading, gaz, lex))
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
            iso3 = gaz.countries_by_name()[matches[0]].iso3
            out.append(Mention("country", matches[0], tok.i - 1, tok.i + 1, "name", matches[0],
                               key=iso3))
    return out


def find_mentions(doc: Doc, gaz: Gazetteer, lex: Lexicon, published: date | None) -> list[Mention]:
    """Countries, organisations, outlets and places, in text order (datelines skipped)."""
    skip = dateline_end(doc)
    refs = [m for m in ref_mentions(doc, gaz, lex, published) if doc[m.start].idx >= skip]
    taken = {i for m in refs for i in range(m.start, m.end)}
    found = refs + ner_places(doc, taken, {m.start: m for m in refs}, gaz, lex, skip)
    taken |= {i for m in found for i in range(m.start, m.end)}
    found += preposition_cities(doc, taken, gaz, skip)
    found += divided_state_mentions(doc, found, gaz)
    filed = dateline_place(doc, gaz) if skip else None
    found += [filed] if filed is not None else []
    return sorted((in_state_of_day(m, gaz, published) for m in found), key=lambda m: m.start)


def in_state_of_day(m: Mention, gaz: Gazetteer, published: date | None) -> Mention:
    """A place in the state that held it on the publication day: a city keeps its name and
    today's key, a country named as the place ("in Ukraine", 1990) becomes that state."""
    if m.kind != "place" or m.country is None:
        return m
    state = gaz.state_on(m.country, published)
    if state == m.country:
        return m
    if m.name != m.country:
        return replace(m, country=state)
    old = gaz.country_by_name(state)
    return replace(m, name=state, country=state, key=old.iso3 if old else m.key)
