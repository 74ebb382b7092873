"""Per-article context the candidate features read: name counts, ranks, title names."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from spacy.tokens import Token

from ingest.extraction.facts import DocFacts
from ingest.extraction.learned.linear import bucket
from ingest.extraction.lexicon import cue_words
from ingest.extraction.walk import is_root

# Dependents a name climbs through to reach the noun or slot it fills ("X's minister").
CLIMB = frozenset({"conj", "compound", "amod", "poss", "appos", "nmod", "nummod", "cc"})
# Prepositions whose phrase tells a name's part in a meeting.
MARKERS = cue_words("party_markers")


@dataclass
class Article:
    """Counts over the whole article (read once per article)."""

    facts: DocFacts
    title: str | None
    counts: Counter[str] = field(default_factory=Counter)
    rank: dict[str, int] = field(default_factory=dict)
    in_title: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.counts = Counter(m.name if m.kind != "place" else (m.country or m.name)
                              for m in self.facts.mentions)
        names = [m.name for m in self.facts.mentions if m.kind in ("country", "org")]
        ranked = sorted(set(names), key=lambda n: (-self.counts[n], names.index(n)))
        self.rank = {n: i for i, n in enumerate(ranked)}
        self.in_title = title_names(self.facts, self.title or "")

    def name_feats(self, name: str) -> dict[str, float]:
        """How prominent a name is in the article."""
        return {f"count={bucket(self.counts[name], (1, 2, 4, 8))}": 1.0,
                f"rank={min(self.rank.get(name, 9), 4)}": 1.0,
                "in_title": float(name in self.in_title)}


def title_names(facts: DocFacts, title: str) -> set[str]:
    """Canonical countries and organisations whose surface appears in the title."""
    words = title.replace("'s", " ").replace(",", " ").replace(":", " ").split()
    found: set[str] = set()
    gaz = facts.gaz
    for n in (1, 2, 3):
        for i in range(len(words) - n + 1):
            for reading in gaz.surfaces.get(" ".join(words[i:i + n]), []):
                if reading.kind in ("org", "media"):
                    found.add(reading.key)
                elif reading.key in gaz.countries:
                    found.add(gaz.countries[reading.key].name)
    return found


def governing(tok: Token) -> Token:
    """The noun or slot a name fills: climbs conjuncts, compounds, possessives and "of"."""
    g = tok
    for _ in range(8):
        if is_root(g):
            break
        if g.dep_ in CLIMB:
            g = g.head
        elif g.dep_ == "pobj" and g.head.lower_ == "of" and not is_root(g.head):
            g = g.head.head
        else:
            break
    return g


def marker(tok: Token, limit: int = 6) -> str:
    """The nearest preposition or "and" before a token in its sentence ("with", "between")."""
    start = max(tok.sent.start, tok.i - limit)
    for i in range(tok.i - 1, start - 1, -1):
        word = tok.doc[i].lower_
        if word in MARKERS:
            return word
    return "none"
