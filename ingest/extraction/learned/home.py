"""The home side of a readout: whose official speaks when the text never says their country.

Government readouts name their own side by office alone ("The Prime Minister spoke to
Chancellor X of Austria", "Foreign Minister Y visited Jakarta"): the sentence gives only the
counterpart, and the home country is named, if at all, elsewhere in the article — beside the
counterpart ("between the United Kingdom and Austria", "the ASEAN-Australia meeting"), in
another office ("the President of Russia"), or just more often than the topics.
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Token

from ingest.extraction.facts import DocFacts
from ingest.extraction.learned.trips import list_head, phrase_head
from ingest.extraction.lexicon import cue_words, load_lexicon
from ingest.extraction.mentions import Mention
from ingest.extraction.parties import styled
from ingest.extraction.scope import clause_head, subject_of
from ingest.extraction.triggers import Trigger


def countryless_subject(facts: DocFacts, trig: Trigger) -> bool:
    """Whether the trigger's subject is an official (a title, or a person) whose country the
    sentence does not give."""
    subj = subject_of(clause_head(trig.root(facts.doc)))
    if not subj:
        return False
    sent = facts.doc[trig.start].sent
    if any(m.start in subj for m in facts.in_sent(sent) if m.kind in ("country", "org")):
        return False
    people = [p for p, last in facts.people_in(sent) if last in subj]
    titled = any(t.start in subj for t in facts.titles_by_sent.get(sent.start, [])) \
        or any(styled(facts.doc[i]) for i in subj)
    return (titled or bool(people)) and not any(id(p) in facts.person_country for p in people)


def coordinated(tok: Token) -> set[int]:
    """Tokens joined to a name as a conjunct or by a hyphen ("A and B", "A-B talks")."""
    out = {c.i for c in tok.children if c.dep_ == "conj"}
    if tok.dep_ == "conj":
        out.add(tok.head.i)
    doc = tok.doc
    for step in (-2, 2):
        j = tok.i + step
        if 0 <= j < len(doc) and doc[tok.i + step // 2].text in ("-", "–"):
            out.add(j)
    return out


# A readout's letterhead names the government that publishes it ("Ministry of Foreign
# Affairs of Japan", "Kingdom of X / Ministry of Foreign Affairs", "Prime Minister of Canada").
PUBLISHER = re.compile(r"\b(?:" + "|".join(sorted(map(re.escape, cue_words("publisher_words"))))
                       + r")\b")
HEADER_LINES = 3
HEADER_WORDS = 12
HEADER_CHARS = 1000


def publisher(facts: DocFacts) -> str | None:
    """The country of the government a readout's letterhead names: in its first short lines,
    one of which names a government body, before any line of running text."""
    lines: list[tuple[int, int, str]] = []  # character range and lower-cased text
    offset = 0
    # header lines are short: the text's opening characters hold them (bounded work per call)
    for line in facts.doc.text[:HEADER_CHARS].split("\n")[:HEADER_LINES + 4]:
        if line.strip():
            if len(line.split()) > HEADER_WORDS or len(lines) == HEADER_LINES:
                break
            lines.append((offset, offset + len(line), line.lower()))
        offset += len(line) + 1
    if not any(PUBLISHER.search(text) for _, _, text in lines):
        return None
    end = lines[-1][1]
    for m in facts.mentions:  # in text order
        char = facts.doc[m.start].idx
        if char >= end:
            break
        if m.kind == "country" and any(a <= char < b for a, b, _ in lines):
            return m.name
    return None


# Where an official goes ("travelled to A", "in A, the envoy met …") is not where they serve.
WHERE = frozenset({"to", "in"})


# Verbs whose object is the counterpart an official meets ("met with the Crown Prince of A",
# "received A's officials"): the meeting lexicon's verbs, by their first word.
MET = frozenset(phrase.split()[0] for phrase, kind in load_lexicon().verbs.items()
                if kind in ("meeting", "host", "visit", "phone_call")
                or phrase.endswith((" with", " to")))


def visited(facts: DocFacts, m: Mention) -> bool:
    """A country named as a place someone is in or goes to, alone or in a list, or as the
    country of the people someone meets."""
    head = list_head(facts.doc[m.start:m.end].root)
    if head.dep_ == "pobj" and head.head.lower_ in WHERE:
        return True
    head = phrase_head(head)
    verb = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "with" else \
        head.head if head.dep_ == "dobj" else None
    return verb is not None and verb.lower_ in MET


def home_country(facts: DocFacts, trig: Trigger, sides: set[str]) -> str | None:
    """A host's own country where it hosts; else the readout's publisher; else the country
    the article names beside the given sides, else in an office, else most often (first
    named on a tie), other than the sides themselves."""
    if trig.kind == "host":
        sent = facts.doc[trig.start].sent
        here = [m.country for m in facts.in_sent(sent) if m.kind == "place" and m.country
                and not m.dateline and m.country not in sides]
        if here:
            return here[0]
    if (own := publisher(facts)) is not None and own not in sides:
        return own
    countries = [m for m in facts.mentions if m.name not in sides and (
        m.kind == "country" or (m.kind == "place" and m.name == m.country))
        and not visited(facts, m)]
    if not countries:
        return None
    at = {i: m for m in countries for i in range(m.start, m.end)}
    beside = [at[i].name for m in facts.mentions if m.name in sides
              for i in coordinated(facts.doc[m.end - 1]) if i in at]
    if beside:
        return beside[0]
    offices = {t.end + 1 for ts in facts.titles_by_sent.values() for t in ts
               if t.end < len(facts.doc) and facts.doc[t.end].lower_ == "of"}
    office = [m.name for m in countries if m.start in offices]
    if office:
        return office[0]
    counts = Counter(m.name for m in countries)  # in order of first mention: max keeps the first
    return max(counts, key=counts.__getitem__)
