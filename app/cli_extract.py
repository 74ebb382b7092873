"""The `extract` and `eval` commands of the diplograph CLI."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from graph.records import ArticleText
from ingest.evaluation import Score, evaluate, load_gold
from ingest.settings import WorkerSettings

console = Console(soft_wrap=True)


class InputError(Exception):
    """An input the CLI cannot read; the message names the offending value."""


def parse_date(value: str | None, what: str) -> date | None:
    """A YYYY-MM-DD date, or a clear error."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{what} must be YYYY-MM-DD, got {value!r}") from None


def read_article(path: Path, published: str | None) -> ArticleText:
    """A .txt file, or a .json object with text and optional published/title/url."""
    if not path.is_file():
        raise InputError(f"no such file: {path}")
    raw = path.read_text("utf-8", errors="replace")
    fields: dict[str, Any] = {"text": raw}
    if path.suffix.lower() == ".json":
        fields = json_fields(raw, path)
    if published is not None:
        fields["published"] = parse_date(published, "--published")
    elif isinstance(fields.get("published"), str):
        fields["published"] = parse_date(fields["published"], f"'published' in {path}")
    return ArticleText(**fields)


def json_fields(raw: str, path: Path) -> dict[str, Any]:
    """The article fields of a JSON file."""
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(f"bad JSON in {path}: {exc.msg} (line {exc.lineno})") from None
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise InputError(f"{path} must hold a JSON object with a string 'text'")
    return {k: data.get(k) for k in ("text", "published", "title", "url")}


def fail(message: str) -> None:
    """Print a one-line error and exit non-zero."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code=2)


def extract_command(
    file: Annotated[Path, typer.Argument(help="article: .txt or .json with 'text'")],
    published: Annotated[str | None, typer.Option(help="publication date YYYY-MM-DD")] = None,
) -> None:
    """Print the extraction of one article as JSON."""
    from ingest.extraction import extract_article, load_pipeline

    try:
        article = read_article(file, published)
    except InputError as exc:
        fail(str(exc))
        return
    nlp = load_pipeline(WorkerSettings().spacy_model)
    result = extract_article(nlp, article)
    typer.echo(json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2))


def score_dir(directory: Path) -> Score:
    """Extract every gold article in a directory and score the results."""
    from ingest.extraction import extract_many, load_pipeline

    settings = WorkerSettings()
    gold = load_gold(directory)
    nlp = load_pipeline(settings.spacy_model)
    articles = [ArticleText(text=g.text, published=g.published, title=g.title) for g in gold]
    return evaluate(zip(gold, extract_many(nlp, articles, settings.pipe_batch), strict=True))


def table(score: Score) -> Table:
    """The metrics as a rich table."""
    out = Table(title="diplograph extraction vs gold")
    for column in ("metric", "precision", "recall", "F1 / value", "counts"):
        out.add_column(column)
    for name, c in (("meeting pairs", score.pairs), ("meetings", score.meetings),
                    ("roles", score.roles)):
        out.add_row(name, f"{c.precision:.3f}", f"{c.recall:.3f}", f"{c.f1:.3f}",
                    f"tp={c.tp} fp={c.fp} fn={c.fn}")
    for name, r in (("place accuracy", score.place), ("date accuracy", score.date),
                    ("person-participant recall", score.persons)):
        out.add_row(name, "", "", f"{r.value:.3f}", f"{r.hits}/{r.total}")
    return out


def print_errors(score: Score) -> None:
    """Each miss and false hit with its sentence."""
    for e in score.errors:
        console.print(f"[bold]{e.article}[/] {e.metric} {e.kind}: {e.item}", highlight=False)
        if e.evidence:
            console.print(f"    {e.evidence}", highlight=False, markup=False)


def eval_command(
    directory: Annotated[Path, typer.Argument(
        help="folder of gold *.json articles (with --cv: the corpus folder)")] = Path("corpus"),
    as_json: Annotated[bool, typer.Option("--json", help="machine-readable output")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="list misses and false hits")] = False,
    cv: Annotated[int | None, typer.Option(
        "--cv", help="grouped cross-validation over K folds of source groups")] = None,
    as_markdown: Annotated[bool, typer.Option("--markdown", help="with --cv: Markdown tables")]
    = False,
) -> None:
    """Score the extractor on gold articles, or cross-validate it by source group."""
    if cv is not None:
        from app.cli_learn import cv_command

        if not (directory / "train").is_dir():
            fail(f"no train/ folder in {directory} (--cv takes the corpus folder)")
        cv_command(directory, cv, as_json, as_markdown)
        return
    if not directory.is_dir() or not any(directory.glob("*.json")):
        fail(f"no gold *.json files in {directory}")
    try:
        score = score_dir(directory)
    except (ValueError, OSError) as exc:
        fail(f"cannot read gold files in {directory}: {exc}")
        return
    if as_json:
        payload: dict[str, Any] = {"metrics": score.summary()}
        if errors:
            payload["errors"] = [e.__dict__ for e in score.errors]
        typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    console.print(table(score))
    if errors:
        print_errors(score)


def train_command(
    corpus: Annotated[Path, typer.Option(help="corpus folder holding train/")] = Path("corpus"),
) -> None:
    """Rebuild the extraction model from corpus/train (deterministic) and write it."""
    from app.cli_learn import train_model_at

    train_model_at(corpus)


def register(cli: typer.Typer) -> None:
    """Add `extract`, `eval` and `train` to the root CLI."""
    cli.command("extract")(extract_command)
    cli.command("eval")(eval_command)
    cli.command("train")(train_command)
