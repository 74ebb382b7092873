"""Counters for precision/recall/F1 and for accuracies."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Counts:
    """True positives, false positives, false negatives (micro-averaged)."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        """Accumulate another article's counts."""
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 1.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 1.0 when nothing was expected."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> dict[str, float | int]:
        """Machine-readable form."""
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Ratio:
    """Hits out of a total (an accuracy or a recall)."""

    hits: int = 0
    total: int = 0

    def add(self, other: Ratio) -> None:
        """Accumulate another article's counts."""
        self.hits, self.total = self.hits + other.hits, self.total + other.total

    @property
    def value(self) -> float:
        """hits / total; 1.0 when there was nothing to score."""
        return self.hits / self.total if self.total else 1.0

    def summary(self) -> dict[str, float | int]:
        """Machine-readable form."""
        return {"value": round(self.value, 4), "hits": self.hits, "total": self.total}
