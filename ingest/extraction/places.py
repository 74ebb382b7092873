"""Places: which names are used locatively, and what cities, venues and datelines they name.

Cities come from the GeoNames gazetteer (`places.json`); a city name is read as a place only
where the parse makes it one (a locative phrase) and NER tags it a place, or, for names the
NER misses, right after "in" / "at" with every word capitalised: common-word town names
("Mobile", "Nice") never come from the list alone.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from graph.keys import entity_key
from ingest.extraction.lexicon import Lexicon, cue_words
from ingest.extraction.mention import Mention
from reference.gazetteer import City, Gazetteer, load_gazetteer

# Heads that make a country mention a mere modifier of a thing, not an actor.
THING_HEADS = cue_words("thing_heads")
# "the Black Sea city of Sochi": the name after "of" is the place the noun stands for.
PLACE_NOUNS = cue_words("place_nouns")
# Prepositions after which capitalised words are tried against the city list.
STRONG_LOCATIVES = cue_words("strong_locatives")
PLACE_LABELS = ("GPE", "LOC", "FAC")
NAME_LABELS = ("PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT")
MAX_CITY_WORDS = 4


def is_place(root: Token, lex: Lexicon) -> bool:
    """A name in a locative phrase ("talks in Beijing", "a visit to Seoul", "visited Oslo and
    Rome") is a place."""
    first = root
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    if first.i != root.i and first.dep_ == "dobj" and first.head.lower_.startswith("visit"):
        return True
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in lex.place_prepositions:
        return not (head.lower_ == "on" or head.head.lower_ in ("with", "between"))
    if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in PLACE_NOUNS \
            and head.head.i != root.i:
        return head.head.dep_ == "pobj" and head.head.head.lower_ in lex.place_prepositions
    if root.dep_ == "dobj" and head.lower_.startswith("visit"):
        return True
    return (root.dep_ in ("compound", "amod", "nmod") and head.dep_ == "pobj"
            and head.head.lower_ in ("in", "at") and head.lower_ not in THING_HEADS)


def place_key(name: str, country: str | None, gaz: Gazetteer) -> str:
    """A place's stable key: the country's ISO alpha-3 when the place is a country, else
    "city:<iso3>:<slug>" ("city:rus:sochi")."""
    found = gaz.country_by_name(country) if country else None
    if found is not None and name == country:
        return found.iso3
    return entity_key("City", name, country=found.iso3 if found else None)


def city_mention(span: Span, text: str, city: City | None, country: str | None,
                 gaz: Gazetteer, surface: str) -> Mention:
    """A place mention; a city from the list gives the country and, for all-caps text,
    the stored spelling."""
    name = spelling(text, city)
    if country is None and city is not None:
        country = gaz.countries[city.iso3].name if city.iso3 in gaz.countries else None
    return Mention("place", name, span.start, span.end, surface, country,
                   key=place_key(name, country, gaz))


def spelling(text: str, city: City | None) -> str:
    """How a place is named: as the text spells it; all-caps text ("FRANKFURT", "NEW YORK")
    in the gazetteer's case when it is the stored name, else title-cased (the text's own
    name for the city, not the gazetteer's "Frankfurt am Main" or "New York City"); a name
    written without the article it carries ("Hague") with it ("The Hague")."""
    if city is not None and city.name.casefold() == "the " + text.casefold():
        return city.name  # "a Hague summit" is in The Hague, as the body names it
    if not text.isupper():
        return text
    if city is not None and city.name.casefold() == text.casefold():
        return city.name
    return text.title()


def venue_place(span: Span, gaz: Gazetteer) -> Mention | None:
    """A named venue as a place: its city ("the White House" → Washington), or itself."""
    text = re.sub(r"^the ", "", span.text, flags=re.I)
    venue = gaz.venues.get(text)
    if venue is None:
        return None
    country = gaz.countries[venue.iso3].name
    name = venue.city or venue.name
    return Mention("place", name, span.start, span.end, "venue", country,
                   key=place_key(name, country, gaz), venue=venue.name)


def strip_the(text: str) -> str:
    """The name without a leading article ("the Gulf" → "Gulf")."""
    return text[4:] if text.lower().startswith("the ") else text


def names_a_kind(ent: Span) -> bool:
    """ "the Black Sea resort of Sochi": "Black Sea" only qualifies the place named after
    "of"."""
    head = ent.root.head
    return ent.root.dep_ in ("compound", "amod", "nmod") and head.lower_ in PLACE_NOUNS \
        and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)


def ner_places(doc: Doc, taken: set[int], after: dict[int, Mention], gaz: Gazetteer,
               lex: Lexicon, skip: int) -> list[Mention]:
    """Named places the reference lists lack, in locative phrases: NER places (with the
    city list's country, or "City, Country"), and city names the NER tagged as something
    else."""
    out: list[Mention] = []
    for ent in doc.ents:
        if ent.start_char < skip or any(t.i in taken for t in ent) or names_a_kind(ent) \
                or not ent.text[:1].isupper() or not is_place(ent.root, lex):
            continue
        name = ent.text if gaz.cities.get(ent.text) else strip_the(ent.text)
        city = gaz.city(name) if ent.label_ in PLACE_LABELS else gaz.cities.get(name)
        if ent.label_ not in PLACE_LABELS and city is None:
            continue
        nxt = after.get(ent.end + 1) if ent.end < len(doc) and doc[ent.end].text == "," else None
        surface = ("region" if ent.label_ == "LOC" else "ner") if ent.label_ in PLACE_LABELS \
            else "city"
        out.append(city_mention(ent, name, city, nxt.country if nxt else None, gaz, surface))
    return out


def preposition_cities(doc: Doc, taken: set[int], gaz: Gazetteer, skip: int) -> list[Mention]:
    """City names the NER missed, right after "in" / "at", every word capitalised."""
    out: list[Mention] = []
    for tok in doc:
        if tok.lower_ not in STRONG_LOCATIVES or tok.idx < skip or tok.i + 1 >= len(doc):
            continue
        first = doc[tok.i + 1]
        if first.i in taken or first.ent_type_ or not first.is_title:
            continue
        for n in range(min(MAX_CITY_WORDS, len(doc) - first.i), 0, -1):
            span = doc[first.i:first.i + n]
            city = gaz.cities.get(span.text)
            if city is not None and span[-1].is_title and not any(t.i in taken for t in span):
                out.append(city_mention(span, span.text, city, None, gaz, "city"))
                break
    return out


# A news dateline at the top ("PARIS, May 3 (Reuters) -", "LIMA, Peru (AP) _"): not content.
DATELINE = re.compile(
    r"(?:^|\n|\s{2,})(?P<city>[A-Z][A-Z.'/ -]{2,})(?:,\s*[A-Z][\w.-]*(?: [A-Z][\w.-]*)*)?"
    r"(?:,\s*[A-Z][a-z]{2,}\.? \d{1,2})?\s*(?:\([A-Za-z. ]{1,30}\))?\s*[-—–_]{1,2}\s")


# The same in a broadcaster's style, the city in title case ("Brussels (CNN) President …"):
# taken only when the brackets name a known outlet and the city is a known city.
TITLED_DATELINE = re.compile(
    r"(?:^|\n)[ \t]*(?P<city>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})"
    r"(?:, [A-Z][a-z]+(?: [A-Z][a-z]+)?)?"
    r" ?\((?P<outlet>[^()\n]{1,30})\)[ \t]*(?:[-—–_]{1,2}[ \t]*)?")


def dateline(doc: Doc) -> tuple[int, str, int] | None:
    """A leading dateline: where its city starts, the city's text, and where it ends (found
    once per Doc: mentions, people and places all ask, and `doc.text` is rebuilt per call)."""
    if DATELINE_KEY not in doc.user_data:
        doc.user_data[DATELINE_KEY] = find_dateline(doc[:DATELINE_TOKENS].text[:400])
    found: tuple[int, str, int] | None = doc.user_data[DATELINE_KEY]
    return found


# Where `dateline` keeps its answer on the Doc, and how many tokens surely cover 400 characters.
DATELINE_KEY = "diplograph.dateline"
DATELINE_TOKENS = 400


def find_dateline(head: str) -> tuple[int, str, int] | None:
    """The dateline in an article's first 400 characters."""
    match = DATELINE.search(head)
    if match is not None:
        return match.start("city"), match.group("city").strip(" -/."), match.end()
    gaz = load_gazetteer()
    for match in TITLED_DATELINE.finditer(head):
        outlet = gaz.surfaces.get(match.group("outlet"), [])
        if any(s.kind == "media" for s in outlet) and gaz.city(match.group("city")):
            return match.start("city"), match.group("city"), match.end()
    return None


def dateline_end(doc: Doc) -> int:
    """Character offset where a leading dateline ends (0 when there is none)."""
    found = dateline(doc)
    return found[2] if found else 0


def dateline_place(doc: Doc, gaz: Gazetteer) -> Mention | None:
    """The dateline's city, marked `dateline=True`: where the story was filed."""
    found = dateline(doc)
    if found is None:
        return None
    start, text, _ = found
    span = doc.char_span(start, start + len(text), alignment_mode="expand")
    if span is None or not text:
        return None
    city = gaz.city(text)
    name = spelling(text, city)
    country = gaz.countries[city.iso3].name if city and city.iso3 in gaz.countries else None
    return Mention("place", name, span.start, span.end, "dateline", country,
                   key=place_key(name, country, gaz), dateline=True)
