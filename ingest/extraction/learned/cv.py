"""Grouped cross-validation: train on the other source groups, score the held-out one."""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.records import Extraction
from ingest.evaluation.gold import GoldArticle
from ingest.evaluation.scoring import Score, evaluate
from ingest.evaluation.thresholds import AtCut, Calibration, by_threshold
from ingest.extraction.extractor import assemble
from ingest.extraction.learned.decode import decide
from ingest.extraction.learned.linear import Model
from ingest.extraction.learned.train import Parsed, fit

CURVE = (0.3, 0.5, 0.7)


@dataclass
class Report:
    """Scores of a cross-validation: per held-out group, overall, and by confidence."""

    groups: dict[str, Score] = field(default_factory=dict)
    overall: Score = field(default_factory=Score)
    curve: dict[float, Score] = field(default_factory=dict)
    # Held-out participants and roles kept at each threshold, and their calibration.
    at_cut: dict[float, AtCut] = field(default_factory=dict)
    calibration: Calibration = field(default_factory=Calibration)
    folds: list[tuple[list[str], list[str]]] = field(default_factory=list)  # (trained, scored)


def predict(p: Parsed, model: Model, floor: float | None = None) -> Extraction:
    """One parsed article's extraction under a model."""
    return assemble(p.facts, decide(p.facts, p.events, model, floor), model)


def above(result: Extraction, cut: float) -> Extraction:
    """The extraction with only the meetings whose confidence reaches `cut`."""
    kept = tuple(m for m in result.meetings if m.confidence >= cut)
    return result.model_copy(update={"meetings": kept})


def folds(names: list[str], k: int) -> list[list[str]]:
    """Source groups dealt into k folds (k ≥ the number of groups: one group per fold)."""
    k = max(2, min(k, len(names)))
    return [names[i::k] for i in range(k)]


def score_with(model: Model, items: list[Parsed], report: Report | None = None) -> Score:
    """Score articles as the extractor runs them; with a report, also add them to its
    confidence curve (decoded down to the lowest cut, then filtered), its participant and role
    thresholds and its calibration (the extractor's own output, filtered)."""
    results = [(p.gold, predict(p, model)) for p in items]
    if report is not None:
        low = [(p.gold, predict(p, model, min(CURVE))) for p in items]
        for cut in CURVE:
            report.curve.setdefault(cut, Score())
            add(report.curve[cut], evaluate((g, above(r, cut)) for g, r in low))
        table, calibration = by_threshold(results)
        for cut, part in table.items():
            report.at_cut.setdefault(cut, AtCut()).add(part)
        report.calibration.merge(calibration)
    return evaluate(results)


def add(total: Score, part: Score) -> None:
    """Accumulate one score into another (micro average)."""
    for name in ("pairs", "meetings", "roles", "place", "date", "persons"):
        getattr(total, name).add(getattr(part, name))
    total.errors += part.errors


def cross_validate(parsed: list[Parsed], k: int) -> Report:
    """Train on all but one fold of source groups, score that fold; every group once."""
    report = Report()
    names = sorted({p.group for p in parsed})
    for held in folds(names, k):
        train = [p for p in parsed if p.group not in held]
        trained = sorted({p.group for p in train})
        report.folds.append((trained, held))
        assert not set(trained) & set(held)
        model = fit(train)
        for group in held:
            part = score_with(model, [p for p in parsed if p.group == group], report)
            report.groups[group] = part
            add(report.overall, part)
    return report


def gold_ids(items: list[Parsed]) -> list[str]:
    """Article ids, for checks and reports."""
    return [p.gold.id for p in items]


__all__ = ["GoldArticle", "Report", "cross_validate", "fit", "predict", "score_with"]
