"""Linear models as plain JSON: sparse named features in, class probabilities out."""

from __future__ import annotations

import json
import math
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

Features = dict[str, float]

MODEL_PATH = Path(__file__).with_name("model.json")


@dataclass(frozen=True)
class Linear:
    """Logistic regression weights: one row per class (one row only for a binary model)."""

    classes: tuple[str, ...]
    intercept: tuple[float, ...]
    coef: dict[str, tuple[float, ...]]

    def proba(self, feats: Features) -> dict[str, float]:
        """Class probabilities for one candidate."""
        logits = list(self.intercept)
        for name, value in feats.items():
            row = self.coef.get(name)
            if row is not None:
                for k, w in enumerate(row):
                    logits[k] += w * value
        if len(self.classes) == 2 and len(logits) == 1:
            p = 1.0 / (1.0 + math.exp(-max(min(logits[0], 30.0), -30.0)))
            return {self.classes[0]: 1.0 - p, self.classes[1]: p}
        top = max(logits)
        exps = [math.exp(v - top) for v in logits]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}

    def positive(self, feats: Features) -> float:
        """P(class "1") of a binary model."""
        return self.proba(feats)["1"]

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready form (weights rounded: the file stays small and diffable)."""
        return {"classes": list(self.classes), "intercept": [round(v, 5) for v in self.intercept],
                "coef": {k: [round(v, 5) for v in row] for k, row in sorted(self.coef.items())}}

    @staticmethod
    def from_json(data: dict[str, Any]) -> Linear:
        """Read back to_json's form."""
        return Linear(tuple(data["classes"]), tuple(data["intercept"]),
                      {k: tuple(v) for k, v in data["coef"].items()})


def average(models: list[Linear]) -> Linear:
    """The mean of linear models' weights (a feature a model lacks weighs 0 there); models
    whose classes differ from the most common set are left out."""
    votes = Counter(m.classes for m in models)
    classes = max(votes, key=lambda c: (votes[c], c))
    same = [m for m in models if m.classes == classes]
    width = len(same[0].intercept)
    coef: dict[str, list[float]] = {}
    for m in same:
        for name, row in m.coef.items():
            acc = coef.setdefault(name, [0.0] * width)
            for k, w in enumerate(row):
                acc[k] += w / len(same)
    intercept = tuple(sum(m.intercept[k] for m in same) / len(same) for k in range(width))
    return Linear(classes, intercept, {n: tuple(r) for n, r in coef.items()})


PARTS = ("event", "party", "place", "date", "split", "merge")

# A binary model that knows nothing: 0.5 for everything (a role model not yet trained).
UNRATED = Linear(("0", "1"), (0.0,), {})


@dataclass(frozen=True)
class Model:
    """The extractor's learned decisions: meeting and status, parties, place, date, one
    meeting or a star of bilaterals, and merging drafts of one encounter; and a rating of the
    rules' roles (`role`: the probability that a titled person's party is right)."""

    event: Linear
    party: Linear
    place: Linear
    date: Linear
    split: Linear
    merge: Linear
    thresholds: dict[str, float]
    role: Linear = field(default=UNRATED)

    def to_json(self) -> dict[str, Any]:
        """The artifact's content."""
        out: dict[str, Any] = {k: getattr(self, k).to_json() for k in (*PARTS, "role")}
        return out | {"thresholds": self.thresholds}

    @staticmethod
    def from_json(data: dict[str, Any]) -> Model:
        """Read back to_json's form."""
        event, party, place, date, split, merge = (Linear.from_json(data[k]) for k in PARTS)
        role = Linear.from_json(data["role"]) if "role" in data else UNRATED
        return Model(event, party, place, date, split, merge, dict(data["thresholds"]), role)


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> Model:
    """The committed model, read once per process on first use."""
    return Model.from_json(json.loads(path.read_text("utf-8")))


def bucket(value: int, edges: tuple[int, ...]) -> str:
    """A count as a coarse bin label: "<=1", "<=4", ">8" …"""
    for edge in edges:
        if value <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


# Entity types whose words are names: a feature sees their type, never the name, so no weight
# is ever tied to a person, place or organisation of the training articles.
NAME_TYPES = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


def word(tok: Any) -> str:
    """A token as a lexical feature value: its lower-cased form, or `<NAME>` for a name."""
    if tok.pos_ == "PROPN" or tok.ent_type_ in NAME_TYPES or tok.text[:1].isupper() and \
            tok.i > tok.sent.start:
        return "<NAME>"
    return str(tok.lower_)
