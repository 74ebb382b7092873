"""The `train` command and `eval --cv`: the learned extractor, built and measured."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer
from rich.console import Console
from rich.table import Table

from ingest.evaluation import Score
from ingest.evaluation.metrics import Counts
from ingest.evaluation.thresholds import BANDS, CALIBRATION_CUTS, KINDS, AtCut, Calibration
from ingest.settings import WorkerSettings

if TYPE_CHECKING:
    from ingest.extraction.learned.cv import Report

console = Console(soft_wrap=True, width=150)


def row(name: str, s: Score) -> list[str]:
    """One line of the quality table."""
    m, p = s.meetings, s.pairs
    return [name, f"{m.f1:.3f}", f"{m.precision:.2f}/{m.recall:.2f}", f"{p.f1:.3f}",
            f"{p.precision:.2f}/{p.recall:.2f}", f"{s.place.value:.3f}", f"{s.date.value:.3f}",
            f"{s.roles.f1:.3f}", f"{s.persons.value:.3f}"]


def quality_table(title: str, rows: list[list[str]],
                  header: tuple[str, ...] | None = None) -> Table:
    """Per-group metrics as a rich table."""
    out = Table(title=title)
    for column in header or HEADER:
        out.add_column(column)
    for r in rows:
        out.add_row(*r)
    return out


HEADER = ("held out", "meeting F1", "P/R", "pair F1", "P/R", "place", "date", "role F1",
          "person rec.")
CUT_HEADER = ("participants / roles kept", "pair F1", "P/R", "person F1", "P/R", "role F1",
              "P/R")
CAL_HEADER = ("confidence", "sides", "right", "persons", "right", "roles", "right",
              "roles mean conf.")


def markdown(rows: list[list[str]], header: tuple[str, ...] | None = None) -> str:
    """A table as Markdown (for docs/extraction.md)."""
    head = header or HEADER
    lines = ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
    return "\n".join([*lines, *("| " + " | ".join(r) + " |" for r in rows)])


def f1_pr(c: Counts) -> list[str]:
    """F1 and precision/recall cells."""
    return [f"{c.f1:.3f}", f"{c.precision:.2f}/{c.recall:.2f}"]


def cut_rows(table: dict[float, AtCut]) -> list[list[str]]:
    """One line per threshold: pairs, person participants, roles."""
    return [[f"confidence ≥ {c}", *f1_pr(t.pairs), *f1_pr(t.persons), *f1_pr(t.roles)]
            for c, t in sorted(table.items())]


def calibration_rows(cal: Calibration) -> list[list[str]]:
    """Per confidence band, then at or above each cut: how many items, the share right."""
    def cells(n: int, value: float) -> list[str]:
        return [str(n), f"{value:.2f}" if n else "–"]
    out: list[list[str]] = []
    for i, (lo, hi) in enumerate(BANDS):
        row = [f"{lo:.1f}–{min(hi, 1.0):.1f}"]
        for kind in KINDS:
            band = cal.bands[kind][i].right
            row += cells(band.total, band.value)
        roles = cal.bands["roles"][i]
        out.append([*row, f"{roles.mean:.2f}" if roles.right.total else "–"])
    for cut in CALIBRATION_CUTS:
        row = [f"≥ {cut}"]
        for kind in KINDS:
            r = cal.above[kind][cut]
            row += cells(r.total, r.value)
        out.append([*row, ""])
    return out


def cv_payload(report: Report, dev_score: Score | None) -> dict[str, Any]:
    """The --json form of a cross-validation."""
    return {
        "groups": {g: s.summary() for g, s in report.groups.items()},
        "overall": report.overall.summary(),
        "by_confidence": {str(c): {"meetings": s.meetings.summary(),
                                   "meeting_pairs": s.pairs.summary()}
                          for c, s in report.curve.items()},
        "by_participant_confidence": {str(c): t.summary()
                                      for c, t in sorted(report.at_cut.items())},
        "calibration": report.calibration.summary(),
        "dev": dev_score.summary() if dev_score else None,
        "folds": [{"trained": t, "scored": h} for t, h in report.folds]}


def cv_markdown(report: Report, dev_score: Score | None) -> str:
    """The --markdown form: groups (and dev), by meeting confidence, by participant and role
    confidence, calibration."""
    rows = [row(g, s) for g, s in sorted(report.groups.items())]
    rows.append(row("overall (micro)", report.overall))
    dev_rows = [row("dev (trained on all of train/)", dev_score)] if dev_score else []
    curve = [row(f"confidence ≥ {c}", s) for c, s in sorted(report.curve.items())]
    return "\n\n".join([markdown(rows + dev_rows), markdown(curve),
                         markdown(cut_rows(report.at_cut), CUT_HEADER),
                         markdown(calibration_rows(report.calibration), CAL_HEADER)])


def cv_command(corpus: Path, k: int, as_json: bool, as_markdown: bool = False) -> None:
    """Grouped cross-validation over corpus/train, then dev scored by a train-only model."""
    from ingest.extraction import load_pipeline
    from ingest.extraction.learned.corpus import load_split
    from ingest.extraction.learned.cv import cross_validate, score_with
    from ingest.extraction.learned.train import fit

    nlp = load_pipeline(WorkerSettings().spacy_model)
    train = load_split(nlp, corpus / "train", corpus)
    report = cross_validate(train, k)
    dev_score = None
    if (corpus / "dev").is_dir():
        dev_score = score_with(fit(train), load_split(nlp, corpus / "dev", corpus, "dev"))
    if as_json:
        typer.echo(json.dumps(cv_payload(report, dev_score), ensure_ascii=False, indent=2))
        return
    if as_markdown:
        typer.echo(cv_markdown(report, dev_score))
        return
    rows = [row(g, s) for g, s in sorted(report.groups.items())]
    rows.append(row("overall (micro)", report.overall))
    curve = [row(f"confidence ≥ {c}", s) for c, s in sorted(report.curve.items())]
    console.print(quality_table(f"grouped {len(report.folds)}-fold cross-validation", rows))
    console.print(quality_table("cross-validated, by meeting confidence", curve))
    console.print(quality_table("cross-validated, by participant and role confidence",
                                cut_rows(report.at_cut), CUT_HEADER))
    console.print(quality_table("cross-validated calibration (share right per confidence)",
                                calibration_rows(report.calibration), CAL_HEADER))
    if dev_score is not None:
        console.print(quality_table("dev (model trained on all of train/)",
                                    [row("dev", dev_score)]))


def train_model_at(corpus: Path) -> None:
    """Rebuild the extraction model from corpus/train (deterministic) and write it."""
    from ingest.extraction import load_pipeline
    from ingest.extraction.learned.build import train_model, write_model

    if not (corpus / "train").is_dir():
        typer.echo(f"error: no train/ folder in {corpus}", err=True)
        raise typer.Exit(code=2)
    nlp = load_pipeline(WorkerSettings().spacy_model)
    digest = write_model(train_model(nlp, corpus))
    typer.echo(f"model written: ingest/extraction/learned/model.json (hash {digest})")
