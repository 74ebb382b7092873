"""Meeting lexicon and cue words, loaded from the data files."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Lexicon:
    """Meeting trigger phrases (with their kind) and the cue-word lists."""

    verbs: dict[str, str]  # phrase (lower case) → kind ("host" marks a visit seen from the host)
    nouns: dict[str, str]
    negators: frozenset[str]
    blocking_verbs: tuple[str, ...]
    modals: frozenset[str]
    hypothetical: tuple[str, ...]
    planned: tuple[str, ...]
    idioms: tuple[str, ...]
    side_phrases: tuple[str, ...]
    counterpart_words: frozenset[str]
    place_prepositions: frozenset[str]
    reporting_verbs: frozenset[str]
    issue_heads: frozenset[str]


def read_json(name: str) -> dict[str, Any]:
    """One of the extractor's own data files (cue words, meeting lexicon), as parsed JSON."""
    data: dict[str, Any] = json.loads((DATA_DIR / name).read_text("utf-8"))
    return data


def invert(groups: dict[str, list[str]]) -> dict[str, str]:
    """{kind: [phrases]} → {phrase: kind}."""
    return {phrase.lower(): kind for kind, phrases in groups.items() for phrase in phrases}


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Build the lexicon once per process."""
    lex = read_json("meeting_lexicon.json")
    cues = read_json("cues.json")
    return Lexicon(
        verbs=invert(lex["verbs"]), nouns=invert(lex["nouns"]),
        negators=frozenset(cues["negators"]), blocking_verbs=tuple(cues["blocking_verbs"]),
        modals=frozenset(cues["modals"]), hypothetical=tuple(cues["hypothetical_words"]),
        planned=tuple(cues["planned_words"]), idioms=tuple(cues["idioms"]),
        side_phrases=tuple(cues["side_phrases"]),
        counterpart_words=frozenset(cues["counterpart_words"]),
        place_prepositions=frozenset(cues["place_prepositions"]),
        reporting_verbs=frozenset(cues["reporting_verbs"]),
        issue_heads=frozenset(cues["issue_heads"]),
    )
