"""Meeting lexicon and cue words: the extractor's word lists, loaded once from its data files."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Lexicon:
    """Meeting trigger phrases (with their kind) and the cue lists the matcher and rules pass
    around (the other cue lists are module constants, from `cue_words`)."""

    verbs: dict[str, str]  # phrase (lower case) → kind ("host" marks a visit seen from the host)
    nouns: dict[str, str]
    blocking_verbs: tuple[str, ...]
    idioms: tuple[str, ...]
    side_phrases: tuple[str, ...]
    place_prepositions: frozenset[str]
    issue_heads: frozenset[str]


def read_json(name: str) -> dict[str, Any]:
    """One of the extractor's own data files (cue words, meeting lexicon), as parsed JSON."""
    data: dict[str, Any] = json.loads((DATA_DIR / name).read_text("utf-8"))
    return data


@lru_cache(maxsize=1)
def cues() -> dict[str, Any]:
    """cues.json, read once per process."""
    return read_json("cues.json")


def cue_phrases(name: str) -> tuple[str, ...]:
    """One cue list of cues.json, in file order (a missing name fails at import)."""
    return tuple(cues()[name])


def cue_words(name: str) -> frozenset[str]:
    """One cue list of cues.json, as a set."""
    return frozenset(cues()[name])


def cue_offsets(name: str) -> dict[str, int]:
    """One cue table of cues.json: word → a number (relative days: "tomorrow" → 1)."""
    return {word: int(n) for word, n in cues()[name].items()}


def invert(groups: dict[str, list[str]]) -> dict[str, str]:
    """{kind: [phrases]} → {phrase: kind}."""
    return {phrase.lower(): kind for kind, phrases in groups.items() for phrase in phrases}


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """Build the lexicon once per process."""
    lex = read_json("meeting_lexicon.json")
    return Lexicon(
        verbs=invert(lex["verbs"]), nouns=invert(lex["nouns"]),
        blocking_verbs=cue_phrases("blocking_verbs"), idioms=cue_phrases("idioms"),
        side_phrases=cue_phrases("side_phrases"),
        place_prepositions=cue_words("place_prepositions"),
        issue_heads=cue_words("issue_heads"),
    )
