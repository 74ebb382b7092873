"""Role confidence: how likely the rules' party for a titled person is the right one.

The roles code (`ingest/extraction/roles.py`) decides every role; this model only rates it. Its
features are the rule that gave the party (a title-adjacent party, an appositive, the nearest
country, the U.S. default …), how many of the person's titled mentions agree, the title's head
word (general lexicon, never a name) and how prominent the party is in the article. Labels:
whether (surname, country) is a gold role of the article, exactly as role F1 counts it
(`train.label_roles`)."""

from __future__ import annotations

from collections import Counter

from ingest.extraction.facts import DocFacts
from ingest.extraction.learned.linear import Features, Linear, bucket
from ingest.extraction.roles import ENVOY_WORDS, US, RoleFact


def prominence(facts: DocFacts) -> dict[str, int]:
    """Party name → rank by how often the article names it (0: most named)."""
    counts = Counter(m.name for m in facts.mentions if m.kind in ("country", "org"))
    return {n: i for i, (n, _) in enumerate(counts.most_common())}


def role_feats(facts: DocFacts, role: RoleFact, ranks: dict[str, int]) -> Features:
    """What says the role's party is right."""
    title = role.title.lower()
    head = title.replace(".", "").split()[-1] if title.split() else ""
    agree = role.support == role.mentions
    party = role.party or ""
    f: Features = {"bias_role": 1.0, f"src={role.source}": 1.0,
                   f"src&agree={role.source}&{agree}": 1.0,
                   f"support={bucket(role.support, (0, 1, 2, 4))}": 1.0,
                   f"others={min(role.mentions - role.support, 2)}": 1.0,
                   f"thead={head}": 1.0, f"twords={min(len(title.split()), 3)}": 1.0,
                   f"rank={min(ranks.get(party, 9), 3)}": 1.0,
                   "envoy": float(title.endswith(ENVOY_WORDS)),
                   "us": float(party == US),
                   "org": float(facts.gaz.country_by_name(party) is None),
                   "in_pair": float(party in facts.pair),
                   f"named={bucket(len(role.person.spans), (1, 2, 4))}": 1.0}
    return f


def role_confidence(model: Linear, facts: DocFacts, role: RoleFact,
                    ranks: dict[str, int]) -> float:
    """The model's probability that the role's party is right, in (0, 1]."""
    return min(max(round(model.positive(role_feats(facts, role, ranks)), 3), 0.001), 1.0)
