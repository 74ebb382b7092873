"""Per-document facts the meeting finder reads: mentions, people, roles, sentences."""

from __future__ import annotations

import itertools
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span, Token

from ingest.extraction.components import TITLES
from ingest.extraction.dates import ResolvedDate, day_words, resolve
from ingest.extraction.lexicon import Lexicon
from ingest.extraction.mentions import Mention
from ingest.extraction.people import Person
from ingest.extraction.roles import ENVOY_WORDS, RoleFact
from reference.gazetteer import Gazetteer

# Dependents a name climbs through to the noun phrase it is part of.
PHRASE_DEPS = frozenset({"compound", "amod", "poss", "appos", "conj", "cc"})


# Words that name the day by themselves ("Today in Addis Ababa, the minister met …").
DAY_WORDS = frozenset({"today", "yesterday", "tomorrow", "tonight"})


def untagged_days(doc: Doc) -> list[Span]:
    """ "today", "yesterday" … that the NER left outside any entity, as DATE spans."""
    return [Span(doc, t.i, t.i + 1, label="DATE") for t in doc
            if t.lower_ in DAY_WORDS and not t.ent_type_]


@dataclass
class DocFacts:
    """What one article's Doc yields before meetings are built."""

    doc: Doc
    published: date | None
    gaz: Gazetteer
    lex: Lexicon
    mentions: list[Mention]
    people: list[Person]
    roles: list[RoleFact]
    source: str  # the article text as given (evidence is cut from it)
    person_country: dict[int, str] = field(default_factory=dict)  # id(person) → party name
    by_sent: dict[int, list[Mention]] = field(default_factory=dict)  # sentence start → mentions
    people_by_sent: dict[int, list[tuple[Person, int]]] = field(default_factory=dict)
    dates_by_sent: dict[int, list[Span]] = field(default_factory=dict)
    titles_by_sent: dict[int, list[Span]] = field(default_factory=dict)
    named_tokens: set[int] = field(default_factory=set)  # tokens naming a person
    residue: list[tuple[int, int]] = field(default_factory=list)  # page residue (char ranges)
    pair: list[str] = field(default_factory=list)  # the article's two main countries
    lede_date: ResolvedDate | None = None  # the day the opening sentences report

    def __post_init__(self) -> None:
        for role in self.roles:
            if role.party is not None:
                self.person_country[id(role.person)] = role.party
        starts = [s.start for s in self.doc.sents]
        for m in self.mentions:
            self.by_sent.setdefault(starts[bisect_right(starts, m.start) - 1], []).append(m)
        for title in self.doc.spans[TITLES]:
            key = starts[bisect_right(starts, title.start) - 1]
            self.titles_by_sent.setdefault(key, []).append(title)
        for ent in sorted([*self.doc.ents, *untagged_days(self.doc)], key=lambda e: e.start):
            if ent.label_ == "DATE" or (ent.label_ == "TIME" and day_words(ent.text)):
                key = starts[bisect_right(starts, ent.start) - 1]
                self.dates_by_sent.setdefault(key, []).append(ent)
        self.named_tokens = {i for p in self.people for s, e in p.spans for i in range(s, e)}
        self.pair = self.salient_pair()
        self.lede_date = self.first_day()
        for person in self.people:
            seen: set[int] = set()
            for s, e in person.spans:
                key = starts[bisect_right(starts, s) - 1]
                if key not in seen:
                    seen.add(key)
                    self.people_by_sent.setdefault(key, []).append((person, e - 1))

    def title_holder(self, title: str) -> Person | None:
        """The one person the article gives this title ("the foreign minister" → that person),
        or else the one whose fuller title it shortens ("the Deputy Secretary" → the Deputy
        Secretary of State named earlier)."""
        key = title.lower()
        holders = {id(r.person): r.person for r in self.roles if r.title.lower() == key}
        # a one-word office ("the Minister") shortens too many titles, often another's
        if not holders and " " in key:
            holders = {id(r.person): r.person for r in self.roles
                       if r.title.lower().startswith(key + " ")}
        return next(iter(holders.values())) if len(holders) == 1 else None

    def last_titled(self, title: Span) -> Person | None:
        """The person last named right after this title or a fuller one before it ("Secretary
        Blinken will travel … the Secretary will meet"): an unnamed office is, most often,
        the one just in the story."""
        key = title.text.lower()
        starts = {s: p for p in self.people for s, _ in p.spans if s < title.start}
        best: tuple[int, Person] | None = None
        for titles in self.titles_by_sent.values():
            for t in titles:
                low = t.text.lower()
                if t.end in starts and (low == key or low.startswith(key + " ")) \
                        and (best is None or t.end > best[0]):
                    best = (t.end, starts[t.end])
        return best[1] if best else None

    def evidence(self, sent: Span) -> tuple[str, int, int]:
        """A sentence's verbatim text and character offsets in the source text."""
        raw = self.source[sent.start_char:sent.start_char + len(sent.text)]
        start = sent.start_char + len(raw) - len(raw.lstrip())
        text = raw.strip()
        return text, start, start + len(text)

    def portfolio(self, tok: Token) -> bool:
        """Whether a mention names an envoy's portfolio, not a side ("Special Representative
        for the DPRK", "Special Envoy for Yemen"): the object of a "for" right after an
        envoy's title (a spokesman for X speaks for X's side)."""
        for _ in range(8):  # climbs a noun phrase, bounded
            if tok.dep_ not in PHRASE_DEPS or tok.head.i == tok.i:
                break
            tok = tok.head
        if tok.dep_ != "pobj" or tok.head.lower_ != "for":
            return False
        titles = self.titles_by_sent.get(tok.sent.start, [])
        return any(t.end == tok.head.i and t.text.lower().endswith(ENVOY_WORDS)
                   for t in titles)

    def in_sent(self, sent: Span) -> list[Mention]:
        """Mentions inside one sentence."""
        return self.by_sent.get(sent.start, [])

    def people_in(self, sent: Span) -> list[tuple[Person, int]]:
        """People named inside one sentence, with the last token naming each."""
        return self.people_by_sent.get(sent.start, [])

    def first_day(self) -> ResolvedDate | None:
        """The first day-precision date of the opening two sentences, if not after publication."""
        if self.published is None:
            return None
        for sent in list(itertools.islice(self.doc.sents, 2)):
            for ent in self.dates_in(sent):
                found = resolve(ent.text, self.published)
                if found and found.precision == "day" and found.value <= self.published.isoformat():
                    return found
        return None

    def dates_in(self, sent: Span) -> list[Span]:
        """DATE entities inside one sentence."""
        return self.dates_by_sent.get(sent.start, [])

    def salient_pair(self) -> list[str]:
        """The two countries the article is most about (actor mentions, then first seen)."""
        counts = Counter(m.name for m in self.mentions if m.kind == "country")
        first = {m.name: m.start for m in reversed(self.mentions) if m.kind == "country"}
        ranked = sorted(counts, key=lambda n: (-counts[n], first[n]))
        return ranked[:2]
