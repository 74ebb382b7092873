"""The `train` command and `eval --cv`: the learned extractor, built and measured."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from ingest.evaluation import Score
from ingest.settings import IngestSettings

console = Console(soft_wrap=True, width=150)


def row(name: str, s: Score) -> list[str]:
    """One line of the quality table."""
    m, p = s.meetings, s.pairs
    return [name, f"{m.f1:.3f}", f"{m.precision:.2f}/{m.recall:.2f}", f"{p.f1:.3f}",
            f"{p.precision:.2f}/{p.recall:.2f}", f"{s.place.value:.3f}", f"{s.date.value:.3f}",
            f"{s.roles.f1:.3f}", f"{s.persons.value:.3f}"]


def quality_table(title: str, rows: list[list[str]]) -> Table:
    """Per-group metrics as a rich table."""
    out = Table(title=title)
    for column in HEADER:
        out.add_column(column)
    for r in rows:
        out.add_row(*r)
    return out


HEADER = ("held out", "meeting F1", "P/R", "pair F1", "P/R", "place", "date", "role F1",
          "person rec.")


def markdown(rows: list[list[str]]) -> str:
    """The quality table as Markdown (for docs/extraction.md)."""
    lines = ["| " + " | ".join(HEADER) + " |", "|" + " --- |" * len(HEADER)]
    return "\n".join([*lines, *("| " + " | ".join(r) + " |" for r in rows)])


def cv_command(corpus: Path, k: int, as_json: bool, as_markdown: bool = False) -> None:
    """Grouped cross-validation over corpus/train, then dev scored by a train-only model."""
    from ingest.extraction import load_pipeline
    from ingest.extraction.learned.corpus import load_split
    from ingest.extraction.learned.cv import cross_validate, score_with
    from ingest.extraction.learned.train import fit

    nlp = load_pipeline(IngestSettings().spacy_model)
    train = load_split(nlp, corpus / "train", corpus)
    report = cross_validate(train, k)
    dev_score = None
    if (corpus / "dev").is_dir():
        dev_score = score_with(fit(train), load_split(nlp, corpus / "dev", corpus, "dev"))
    if as_json:
        payload: dict[str, Any] = {
            "groups": {g: s.summary() for g, s in report.groups.items()},
            "overall": report.overall.summary(),
            "by_confidence": {str(c): {"meetings": s.meetings.summary(),
                                       "meeting_pairs": s.pairs.summary()}
                              for c, s in report.curve.items()},
            "dev": dev_score.summary() if dev_score else None,
            "folds": [{"trained": t, "scored": h} for t, h in report.folds]}
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    rows = [row(g, s) for g, s in sorted(report.groups.items())]
    rows.append(row("overall (micro)", report.overall))
    curve = [row(f"confidence ≥ {c}", s) for c, s in sorted(report.curve.items())]
    if as_markdown:
        dev_rows = [row("dev (trained on all of train/)", dev_score)] if dev_score else []
        typer.echo(markdown(rows + dev_rows) + "\n\n" + markdown(curve))
        return
    console.print(quality_table(f"grouped {len(report.folds)}-fold cross-validation", rows))
    console.print(quality_table("cross-validated, by meeting confidence", curve))
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
    nlp = load_pipeline(IngestSettings().spacy_model)
    digest = write_model(train_model(nlp, corpus))
    typer.echo(f"model written: ingest/extraction/learned/model.json (hash {digest})")
