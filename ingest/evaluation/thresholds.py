"""Scores by confidence: what a user keeps by filtering participants and roles at a threshold,
and how often the items of each confidence band are right (calibration)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from graph.records import Extraction, Meeting
from ingest.evaluation.gold import GoldArticle
from ingest.evaluation.metrics import Counts, Ratio
from ingest.evaluation.names import normalise, surname
from ingest.evaluation.scoring import Score, gold_parties, org_party, pairs, score_pairs

T = TypeVar("T")
CUTS = (0.3, 0.5, 0.7, 0.9)
CALIBRATION_CUTS = (0.3, 0.5, 0.7, 0.8, 0.9)
BANDS = ((0.0, 0.3), (0.3, 0.5), (0.5, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))
KINDS = ("sides", "persons", "roles")


@dataclass
class AtCut:
    """Pairs, person participants and roles kept at one confidence threshold."""

    pairs: Counts = field(default_factory=Counts)
    persons: Counts = field(default_factory=Counts)
    roles: Counts = field(default_factory=Counts)

    def add(self, other: AtCut) -> None:
        """Accumulate (micro average)."""
        for name in ("pairs", "persons", "roles"):
            getattr(self, name).add(getattr(other, name))

    def summary(self) -> dict[str, dict[str, float | int]]:
        """Machine-readable metrics."""
        return {"meeting_pairs": self.pairs.summary(),
                "person_participants": self.persons.summary(), "roles": self.roles.summary()}


@dataclass
class Band:
    """Items whose confidence falls in [lo, hi): how many, how many right, mean confidence."""

    right: Ratio = field(default_factory=Ratio)
    total_confidence: float = 0.0

    def add(self, confidence: float, hit: bool) -> None:
        """One item."""
        self.right.add(Ratio(int(hit), 1))
        self.total_confidence += confidence

    @property
    def mean(self) -> float:
        """The band's mean confidence."""
        return self.total_confidence / self.right.total if self.right.total else 0.0

    def summary(self) -> dict[str, float | int]:
        """Machine-readable form."""
        return {"n": self.right.total, "right": self.right.hits,
                "precision": round(self.right.value, 4), "mean_confidence": round(self.mean, 4)}


@dataclass
class Calibration:
    """Per kind of item (sides, persons, roles): bands of confidence, and the items at or
    above each cut."""

    bands: dict[str, list[Band]] = field(
        default_factory=lambda: {k: [Band() for _ in BANDS] for k in KINDS})
    above: dict[str, dict[float, Ratio]] = field(
        default_factory=lambda: {k: {c: Ratio() for c in CALIBRATION_CUTS} for k in KINDS})

    def add(self, kind: str, confidence: float, hit: bool) -> None:
        """One rated item."""
        for band, (lo, hi) in zip(self.bands[kind], BANDS, strict=True):
            if lo <= confidence < hi:
                band.add(confidence, hit)
        for cut, ratio in self.above[kind].items():
            if confidence >= cut:
                ratio.add(Ratio(int(hit), 1))

    def merge(self, other: Calibration) -> None:
        """Accumulate another calibration."""
        for kind in KINDS:
            for mine, theirs in zip(self.bands[kind], other.bands[kind], strict=True):
                mine.right.add(theirs.right)
                mine.total_confidence += theirs.total_confidence
            for cut in CALIBRATION_CUTS:
                self.above[kind][cut].add(other.above[kind][cut])

    def summary(self) -> dict[str, dict[str, dict[str, float | int]]]:
        """Machine-readable form: bands by "lo-hi", cuts by "≥cut"."""
        out: dict[str, dict[str, dict[str, float | int]]] = {}
        for kind in KINDS:
            rows = {f"{lo:.1f}-{min(hi, 1.0):.1f}": b.summary()
                    for b, (lo, hi) in zip(self.bands[kind], BANDS, strict=True)}
            rows |= {f">={c}": {"n": r.total, "right": r.hits, "precision": round(r.value, 4)}
                     for c, r in self.above[kind].items()}
            out[kind] = rows
        return out


def rating(m: Meeting, confidence: float | None) -> float:
    """A participant's confidence (the meeting's when it has none of its own)."""
    return m.confidence if confidence is None else confidence


def participants_at(pred: Extraction, cut: float) -> Extraction:
    """The extraction keeping only participants (sides and people) rated at least `cut`."""
    meetings = []
    for m in pred.meetings:
        kept = tuple(p for p in m.participants if rating(m, p.confidence) >= cut)
        names = {p.name for p in kept}
        meetings.append(m.model_copy(update={
            "participants": kept, "countries": tuple(c for c in m.countries if c in names)}))
    return pred.model_copy(update={"meetings": tuple(meetings)})


def roles_at(pred: Extraction, cut: float) -> Extraction:
    """The extraction keeping only roles rated at least `cut`."""
    return pred.model_copy(update={"roles": tuple(r for r in pred.roles if r.confidence >= cut)})


def gold_persons(gold: GoldArticle) -> set[str]:
    """Surnames of the gold person participants."""
    return {surname(p.name) for m in gold.meetings for p in m.participants if p.type == "Person"}


def pred_persons(pred: Extraction) -> set[str]:
    """Surnames of the predicted person participants."""
    return {surname(p.name) for m in pred.meetings for p in m.participants if p.type == "Person"}


def set_counts(found: set[T], wanted: set[T]) -> Counts:
    """P/R counts of one predicted set against one gold set."""
    return Counts(len(found & wanted), len(found - wanted), len(wanted - found))


def score_at(gold: GoldArticle, pred: Extraction, cut: float) -> AtCut:
    """Pairs, person participants and roles of one article at one threshold."""
    part = participants_at(pred, cut)
    score = Score()
    score_pairs(gold, part, score)
    g_roles = {(surname(r.person), normalise(r.country or "")) for r in gold.roles}
    p_roles = {(surname(r.person), normalise(r.country or "")) for r in roles_at(pred, cut).roles}
    return AtCut(score.pairs, set_counts(pred_persons(part), gold_persons(gold)),
                 set_counts(p_roles, g_roles))


def side_key(name: str, kind: str) -> str | None:
    """A side's scoring name (None for organisations that are not scored)."""
    return normalise(name) if kind == "Country" else org_party(name)


def calibrate(gold: GoldArticle, pred: Extraction, into: Calibration) -> None:
    """Rate every side, person participant and role of one article as right or wrong: a side
    is right when it belongs to a required gold pair with another side of its meeting (sides
    seen only in optional pairs are skipped), a person when a gold participant has their
    surname, a role when role F1 counts it."""
    required = {p for m in gold.meetings if not m.optional for p in pairs(gold_parties(m))}
    optional = {p for m in gold.meetings if m.optional for p in pairs(gold_parties(m))}
    persons = gold_persons(gold)
    for m in pred.meetings:
        keys = {p.name: side_key(p.name, p.type) for p in m.participants if p.type != "Person"}
        for p in m.participants:
            confidence = rating(m, p.confidence)
            if p.type == "Person":
                into.add("persons", confidence, surname(p.name) in persons)
                continue
            key = keys[p.name]
            if key is None:
                continue
            mine = {frozenset((key, k)) for k in keys.values() if k is not None and k != key}
            if mine & required or not mine & optional:
                into.add("sides", confidence, bool(mine & required))
    wanted = {(surname(r.person), normalise(r.country or "")) for r in gold.roles}
    for r in pred.roles:
        into.add("roles", r.confidence, (surname(r.person), normalise(r.country or "")) in wanted)


def by_threshold(results: Iterable[tuple[GoldArticle, Extraction]],
                 cuts: tuple[float, ...] = CUTS) -> tuple[dict[float, AtCut], Calibration]:
    """Threshold tables and calibration over many (gold, predicted) articles."""
    table = {c: AtCut() for c in cuts}
    calibration = Calibration()
    for gold, pred in results:
        for cut in cuts:
            table[cut].add(score_at(gold, pred, cut))
        calibrate(gold, pred, calibration)
    return table, calibration
