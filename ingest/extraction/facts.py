"""Per-document facts the meeting finder reads: mentions, people, roles, sentences."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Doc, Span

from ingest.extraction.lexicon import Lexicon
from ingest.extraction.mentions import Mention
from ingest.extraction.people import Person
from ingest.extraction.reference import Gazetteer
from ingest.extraction.roles import RoleFact


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
    person_country: dict[int, str] = field(default_factory=dict)  # id(person) → party name

    def __post_init__(self) -> None:
        for person, _, party, _ in self.roles:
            if party is not None:
                self.person_country[id(person)] = party

    def in_sent(self, sent: Span) -> list[Mention]:
        """Mentions inside one sentence."""
        return [m for m in self.mentions if sent.start <= m.start < sent.end]

    def people_in(self, sent: Span) -> list[tuple[Person, int]]:
        """People named inside one sentence, with the token where each is named."""
        out: list[tuple[Person, int]] = []
        for person in self.people:
            for s, e in person.spans:
                if sent.start <= s < sent.end:
                    out.append((person, e - 1))
                    break
        return out

    def salient_pair(self) -> list[str]:
        """The two countries the article is most about (actor mentions, then first seen)."""
        counts = Counter(m.name for m in self.mentions if m.kind == "country")
        first = {m.name: m.start for m in reversed(self.mentions) if m.kind == "country"}
        ranked = sorted(counts, key=lambda n: (-counts[n], first[n]))
        return ranked[:2]
