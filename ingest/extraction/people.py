"""People: person mentions, name variants tied to one person, and their roles."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from graph.keys import entity_key
from ingest.extraction.components import REFS, TITLES
from ingest.extraction.lexicon import cue_words
from ingest.extraction.places import dateline_end
from ingest.extraction.scope import misparsed_name
from reference.gazetteer import Gazetteer

HONORIFICS = cue_words("honorifics")
# Portfolio nouns that end a title's complement ("Minister for Foreign Affairs Ana Roe" read as
# the name "Affairs Ana Roe"): never a name's first word.
PORTFOLIO_WORDS = cue_words("portfolio_words")
JOINERS = ("of", "for", "and", "&")
# Entity labels the NER gives names it misreads after a title ("President Kofi Mensah" as a
# place): any but dates, times and numbers, once reference names are excluded.
NAME_LIKE = ("", "PERSON", "GPE", "ORG", "NORP", "LOC", "FAC")
# Lower-case name particles: a name ending in one continues ("Ursula von der" + "Leyen").
PARTICLES = cue_words("particles")
# Page furniture that NER reads as names: social buttons, app stores, picture credits.
RESIDUE_WORDS = cue_words("residue_words")
# Lines (or parenthesised asides) that are page residue, not story text.
NAME_WORDS = r"(?:[A-Z][\w.'-]+\s+){0,3}[A-Z][\w.'-]+"
# A name on one line, particles allowed ("Pieter de Vries"): a byline's.
LINE_NAME = (r"(?:(?:[A-Z][\w.'’-]+|" + "|".join(re.escape(p) for p in sorted(PARTICLES))
             + r")[ \t]+){0,4}[A-Z][\w.'’-]+")
AGENCIES = r"(?:AFP|Getty(?: Images)?|Reuters|AP|EPA|Bloomberg|Pool|Xinhua|Anadolu)"
RESIDUE_LINE = re.compile(
    r"(?m)^[ \t]*(?i:read(?: more)?|related|watch|just watched|must watch|listen|follow|share|"
    r"download|sign up|"
    r"subscribe|see also|also read|click|(?:additional )?reporting by|writing by|editing by)"
    r"\b[^\n]*$"
    # A byline: "By A and B", "By A | Published: …" (a line of names, no sentence)
    r"|^[ \t]*(?:By|BY)[ \t]+" + LINE_NAME + r"(?:[ \t]*(?:,|and|&)[ \t]*" + LINE_NAME
    + r")*[ \t]*(?:[|/·][^\n]*)?$"
    r"|\((?i:photo|picture|image|credit|file photo|pictured)[^)\n]*\)"
    # A caption: a line ending in its picture credit ("… in Quebec [Ana Roy/Reuters]", "…
    # Photograph: Ana Roy/AP")
    r"|^[^\n]*(?:\[[^\]\n]*/\s*" + AGENCIES + r"[^\]\n]*\]|\b(?:Photograph|Photo|Picture)s?:"
    r"[^\n]*/\s*" + AGENCIES + r"\b[^\n]*)[ \t]*$"
    r"|" + NAME_WORDS + r"\s*/\s*" + AGENCIES + r"\b"
    # A caption placing people in the picture ("X, left, and Y meet in Z on Nov. 22.")
    r"|^[^\n]{0,300}(?:, (?:left|right|centre|center)(?: to right)?,|"
    r"\((?:left|right|centre|center)\))[^\n]{0,300}$"
    r"|(?i:follow)\s+" + NAME_WORDS + r"(?:\s+on\s+(?i:twitter|facebook|instagram))?")
# Widgets named in running text ("… via Getty Images", "Download on the App Store"): the
# clause around them, up to 60 characters before and 30 after. Found by their words first and
# then widened: as one more alternative above ("[^\n.]{0,60}(?:getty …)", tried at every
# character) it took 7 of the 8 ms the residue search costs an article.
WIDGET = re.compile(r"(?i:getty images|via getty|app store|google play)")
WIDGET_BEFORE, WIDGET_AFTER = 60, 30


@dataclass
class Person:
    """One person: canonical (longest) name, its variants and the token spans naming them."""

    name: str
    variants: set[str] = field(default_factory=set)
    spans: list[tuple[int, int]] = field(default_factory=list)

    @property
    def key(self) -> str:
        """The person's stable key ("person:ursula-von-der-leyen"), as the graph stores it."""
        return entity_key("Person", self.name)

    @property
    def tokens(self) -> set[str]:
        """Lower-case name parts, used to tie short variants to this person."""
        return {p.lower() for p in self.name.replace("-", " ").split()}


def clean_name(span: Span, titles: set[str]) -> Span | None:
    """Strip leading honorifics and title words from a PERSON span."""
    start = span.start
    while start < span.end and (span.doc[start].lower_ in HONORIFICS
                                or span.doc[start].text in titles
                                or span.doc[start].lower_ in PORTFOLIO_WORDS):
        start += 1
    while start < span.end and span.doc[span.end - 1].is_punct:
        span = span.doc[span.start:span.end - 1]
    cut = next((t.i for t in span if t.i > start and (t.text in ("'s", "’s", "'", "’")
                                                      or "\n" in t.text)), None)  # or a line end
    if cut is not None:
        span = span.doc[span.start:cut]
    if start >= span.end or not span.doc[start].text[:1].isupper():
        return None
    end = span.end
    doc = span.doc
    while (end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
           and not doc[end].whitespace_ and doc[end + 1].is_alpha):
        end += 2
    return doc[start:end]


def particle_end(doc: Doc, end: int) -> int:
    """A name cut after a particle ("Ursula von der") runs on to its capitalised last part."""
    for _ in range(4):
        if end >= len(doc) or doc[end - 1].lower_ not in PARTICLES:
            break
        while end < len(doc) and (doc[end].lower_ in PARTICLES or doc[end].is_space):
            end += 1
        if end < len(doc) and doc[end].is_title:
            end += 1
    return end


def residue_lines(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of page residue: share and follow lines, "READ MORE:" and video
    teasers, photo credits and captions, app-store links (found once per Doc: mentions and
    people both ask)."""
    if RESIDUE_KEY not in doc.user_data:
        text = doc.text
        doc.user_data[RESIDUE_KEY] = [m.span() for m in RESIDUE_LINE.finditer(text)] \
            + widgets(text)
    found: list[tuple[int, int]] = doc.user_data[RESIDUE_KEY]
    return list(found)


# Where `residue_lines` keeps its answer on the Doc.
RESIDUE_KEY = "diplograph.residue"


def widgets(text: str) -> list[tuple[int, int]]:
    """Character ranges of the clauses naming a page widget (no line break or full stop)."""
    out: list[tuple[int, int]] = []
    for m in WIDGET.finditer(text):
        lo = max(0, m.start() - WIDGET_BEFORE)
        stop_before = max(text.rfind("\n", lo, m.start()), text.rfind(".", lo, m.start()))
        hi = min(len(text), m.end() + WIDGET_AFTER)
        stops = [i for i in (text.find("\n", m.end(), hi), text.find(".", m.end(), hi)) if i >= 0]
        out.append((max(stop_before + 1, lo), min(stops, default=hi)))
    return out


def within(ranges: list[tuple[int, int]], char: int) -> bool:
    """Whether a character offset falls in one of the ranges."""
    return any(a <= char < b for a, b in ranges)


def residue_chars(doc: Doc) -> list[tuple[int, int]]:
    """Page residue and the dateline ("RIYADH (Agency) -" is no person)."""
    return [*residue_lines(doc), (0, dateline_end(doc))]


def is_residue(span: Span, ranges: list[tuple[int, int]]) -> bool:
    """A name inside page residue, or made of residue words ("Twitter", "Slideshow")."""
    if all(t.lower_ in RESIDUE_WORDS for t in span):
        return True
    return within(ranges, span.start_char)


def is_pairing(span: Span) -> bool:
    """ "the Obama-Putin meeting": two names joined as a modifier, not a person."""
    parts = span.text.split("-")
    return (len(span) <= 3 and len(parts) == 2 and all(p[:1].isupper() for p in parts)
            and span.root.dep_ in ("compound", "amod", "nmod")
            and span.root.head.pos_ != "PROPN")  # "Jean-Pierre Kalala" is a name


def titled_org_name(ent: Span, title_starts: dict[int, int]) -> Span | None:
    """An ORG the NER made of a title and a name ("Spokesperson Jane Roe"): the name."""
    end = title_starts.get(ent.start)
    if ent.label_ != "ORG" or end is None or not 2 <= ent.end - end <= 3:
        return None
    rest = ent.doc[end:ent.end]
    return rest if all(t.is_title and t.pos_ == "PROPN" for t in rest) else None


def given_name_start(doc: Doc, start: int, blocked: set[int], titles: set[str]) -> int:
    """A given name the NER left out ("Antony" before "J. Smith"): capitalised proper nouns
    right before the name, outside titles and reference names."""
    for _ in range(2):
        prev = doc[start - 1] if start > 0 else None
        if prev is None or prev.i in blocked or not prev.is_title or prev.pos_ != "PROPN" \
                or prev.lower_ in HONORIFICS or prev.text in titles \
                or prev.lower_ in PORTFOLIO_WORDS \
                or prev.ent_type_ not in ("", "PERSON") \
                or (prev.i > 0 and doc[prev.i - 1].lower_ in JOINERS):
            break  # a joined word ends a title's complement ("Minister of Water and Mines")
        start -= 1
    return start


def person_spans(doc: Doc, titles: set[str], gaz: Gazetteer) -> list[Span]:
    """PERSON entities that are not country, organisation, outlet or city names."""
    taken = {i for s in doc.spans[REFS] for i in range(s.start, s.end)}
    blocked = taken | {i for s in doc.spans[TITLES] for i in range(s.start, s.end)}
    title_starts = {s.start: s.end for s in doc.spans[TITLES]}
    title_ends = {s.end for s in doc.spans[TITLES]}
    residue = residue_chars(doc)
    out: list[Span] = []
    for ent in doc.ents:
        cand = titled_org_name(ent, title_starts) if ent.label_ == "ORG" \
            else ent if ent.label_ == "PERSON" else None
        if cand is None or (len(cand) == 1 and cand.start in taken):
            continue
        name = clean_name(cand, titles)
        if name is not None and not any(t.i in taken for t in name) \
                and not is_residue(name, residue) and not is_pairing(name) \
                and not shouted(name) and not title_complement(name, title_ends) \
                and gaz.city(name.text) is None:  # "fighting near Goma and Bukavu"
            start = given_name_start(doc, name.start, blocked, titles)
            end = name_rest(doc, particle_end(doc, name.end), blocked)
            out.append(doc[start:end])
    named = {i for span in out for i in range(span.start, span.end)}
    out += [n for t in doc.spans[TITLES] if (n := titled_name(doc, t.end, blocked | named))]
    return out


def shouted(span: Span) -> bool:
    """A name in capitals ("DOHA", "TAGS"): a dateline, heading or tag line, not a person (news
    text writes people's names in mixed case)."""
    return all(t.is_upper and len(t.text) > 1 for t in span if t.is_alpha)


def title_complement(span: Span, title_ends: set[int]) -> bool:
    """A PERSON the NER made of a title's complement ("Cabinet Secretary for Foreign and
    Diaspora Affairs, Ana Kiprop"): after a joiner, with only capitalised words and joiners back
    to a title followed by "for" or "of" (not "President Lee and Kim Ito")."""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lower_ not in JOINERS:
        return False
    for i in range(span.start - 1, max(span.start - 8, 0), -1):
        tok = doc[i]
        if i in title_ends:
            return tok.lower_ in ("for", "of")
        if tok.ent_type_ == "PERSON" or not (tok.lower_ in JOINERS or tok.is_title):
            return False
    return False


# Entity types of a name's later part that the NER misread ("Jean-Pierre Mbuyi Kalala" with
# "Kalala" as a place): no date, number or time.
REST_LIKE = ("", "PERSON", "GPE", "LOC", "NORP")


def name_rest(doc: Doc, end: int, blocked: set[int]) -> int:
    """A name the NER cut short runs on over capitalised proper nouns that are no reference name,
    title or entity of their own kind, at most three ("Jean-Pierre" + "Mbuyi Kalala")."""
    for _ in range(3):
        if end >= len(doc) or end in blocked or not doc[end].is_title \
                or doc[end].pos_ != "PROPN" or doc[end].ent_type_ not in REST_LIKE \
                or doc[end].lower_ in HONORIFICS or doc[end - 1].whitespace_ == "":
            break
        end += 1
    return end


def titled_name(doc: Doc, start: int, blocked: set[int]) -> Span | None:
    """A name the NER missed right after a title ("President Kofi Mensah", "Deputy Novak"):
    capitalised proper nouns outside reference names, titles and other entities."""
    if start >= len(doc) or doc[start].ent_iob_ == "I":
        return None  # the title word is part of a longer name ("Premier League")
    end = start
    while end < len(doc) and end - start < 4 and end not in blocked and doc[end].is_title \
            and doc[end].pos_ == "PROPN" and doc[end].ent_type_ in NAME_LIKE \
            and doc[end].lower_ not in HONORIFICS:
        end += 1
    if end == start or (end < len(doc) and doc[end].is_title and doc[end].pos_ == "PROPN"):
        return None  # no name, or one running into something else ("General Assembly Hall")
    return doc[start:particle_end(doc, end)]


def name_text(span: Span) -> str:
    """The name as written, without a trailing possessive."""
    return re.sub(r"\s+", " ", re.sub(r"\s*['’]s?$", "", span.text))


def attach(people: list[Person], span: Span) -> None:
    """Tie a name to an existing person (a shared name part) or start a new one."""
    text = name_text(span)
    parts = {p.lower() for p in text.replace("-", " ").split()}
    last = text.split()[-1].lower()
    # A short form is first tied to a person it ends like ("Kim" to "Tom Kim" before "Kim Ito").
    ordered = sorted(reversed(people), key=lambda p: p.name.split()[-1].lower() != last)
    for person in ordered:
        if parts <= person.tokens or person.tokens <= parts:
            if len(text) > len(person.name):
                person.name = text
            person.variants.add(text)
            person.spans.append((span.start, span.end))
            return
    people.append(Person(text, {text}, [(span.start, span.end)]))


def surname_spans(doc: Doc, people: list[Person]) -> None:
    """Bare surnames the NER missed ("…, Smith said") tied to a known person."""
    known = {person.name.split()[-1]: person for person in people if " " in person.name}
    # A hyphenated given name comes last in a romanised Korean name ("Han Seung-woo"), whose
    # family name, first, is the short form ("Han said").
    known |= {person.name.split()[0]: person for person in people
              if " " in person.name and "-" in person.name.split()[-1]
              and person.name.split()[0] not in known}
    covered = {i for p in people for s, e in p.spans for i in range(s, e)}
    for tok in doc:
        person = known.get(tok.text)
        if person is not None and tok.i not in covered and (
                tok.pos_ == "PROPN" or misparsed_name(tok) or unknown_word(tok)):
            person.spans.append((tok.i, tok.i + 1))


def unknown_word(tok: Token) -> bool:
    """A capitalised word the tagger read as a common noun ("Zelenskyy is expected …"): a
    known surname there is the person (a sentence-initial one only as the subject)."""
    return tok.pos_ == "NOUN" and tok.is_title and (
        tok.i != tok.sent.start or tok.dep_ in ("nsubj", "nsubjpass"))


def find_people(doc: Doc, gaz: Gazetteer) -> list[Person]:
    """Every person in the Doc, variants merged (full names first)."""
    titles = {w for s in doc.spans[TITLES] for w in s.text.split()}
    spans = sorted(person_spans(doc, titles, gaz), key=lambda s: -len(s))
    people: list[Person] = []
    for span in spans:
        attach(people, span)
    surname_spans(doc, people)
    for person in people:
        person.spans.sort()
    return people
