"""`diplograph export meetings | graph`: the graph's meetings as tables, the graph as GraphML."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer

if TYPE_CHECKING:
    import neo4j

export_cli = typer.Typer(help="Export meetings (CSV, JSON Lines, Parquet) or the graph (GraphML).",
                         no_args_is_help=True)

Format = Literal["csv", "jsonl", "parquet"]


@contextmanager
def _driver() -> Iterator[tuple[neo4j.Driver, str]]:
    from graph.connection import open_driver
    from graph.local.server import LocalNeo4j
    from graph.settings import Neo4jSettings

    settings = Neo4jSettings()
    if settings.managed:
        LocalNeo4j(settings).start()
    driver = open_driver(settings)
    try:
        yield driver, settings.database
    finally:
        driver.close()


def _fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(2)


@export_cli.command("meetings")
def export_meetings(
    fmt: Annotated[Format, typer.Option("--format", "-f", help="csv, jsonl or parquet.")] = "csv",
    output: Annotated[Path, typer.Option("--output", "-o", help=(
        "File to write; '-' for stdout (csv and jsonl only)."))] = Path("-"),
    dyads: Annotated[bool, typer.Option(help=(
        "One row per country dyad per meeting, with CAMEO and PLOVER codes."))] = False,
    participant: Annotated[list[str] | None, typer.Option(help=(
        "Repeat for several; every one must take part."))] = None,
    since: Annotated[str | None, typer.Option(help=(
        "Meetings on or after: YYYY-MM-DD, YYYY-MM or YYYY."))] = None,
    until: Annotated[str | None, typer.Option(help=(
        "Meetings on or before: YYYY-MM-DD, YYYY-MM or YYYY."))] = None,
    kind: Annotated[str | None, typer.Option(help="talks, summit, visit, phone_call, …")] = None,
    place: Annotated[str | None, typer.Option(help="City or country.")] = None,
    min_confidence: Annotated[float | None, typer.Option(min=0.0, max=1.0)] = None,
) -> None:
    """Meetings as rows (the filters of GET /meetings), oldest first, streamed to the output."""
    from rich.console import Console
    from rich.progress import Progress

    from graph import exports
    from graph.names import Names, UnknownName
    from graph.views import GraphViews

    if fmt == "parquet" and str(output) == "-":
        raise _fail("parquet needs --output FILE")
    start = _bound("since", since, 0)
    end = _bound("until", until, 1)
    if start and end and start > end:
        raise _fail(f"--since ({start}) is after --until ({end})")
    with _driver() as (driver, database):
        views = GraphViews(driver, database, Names(driver, database))
        try:
            where = views.export_filter(participant or [], place, start, end, kind,
                                        min_confidence)
        except UnknownName as exc:
            raise _fail(f"{exc}") from None
        total = exports.count_meetings(driver, database, where)
        rows = exports.meetings(driver, database, where)
        columns = exports.DYAD_COLUMNS if dyads else exports.MEETING_COLUMNS
        with Progress(console=Console(stderr=True), transient=True,
                      disable=not sys.stderr.isatty()) as progress:
            task = progress.add_task("exporting meetings", total=total)

            def advance() -> None:
                progress.advance(task)

            source = exports.dyads(_counted(rows, advance)) if dyads else _counted(rows, advance)
            out = sys.stdout if str(output) == "-" else output
            written = exports.write_rows(source, columns, fmt, out)
    what = f"{written} dyad rows of {total} meetings" if dyads else f"{written} meetings"
    typer.echo(f"{what} written to {'stdout' if str(output) == '-' else output}", err=True)


def _bound(name: str, value: str | None, end: int) -> date | None:
    """--since/--until as on /articles: YYYY-MM-DD, YYYY-MM or YYYY (first or last day)."""
    from app.dates import PARTIAL_DATE, day_range

    if value is None:
        return None
    if not re.fullmatch(PARTIAL_DATE, value):
        raise _fail(f"--{name} {value!r}: give YYYY-MM-DD, YYYY-MM or YYYY")
    try:
        return day_range(value)[end]
    except ValueError:
        raise _fail(f"--{name} {value!r} is not a date") from None


def _counted(rows: Iterator[dict[str, Any]], tick: Callable[[], None]
             ) -> Iterator[dict[str, Any]]:
    for row in rows:
        yield row
        tick()


@export_cli.command("graph")
def export_graph(
    output: Annotated[Path, typer.Option("--output", "-o", help="GraphML file to write.")],
    fmt: Annotated[Literal["graphml"], typer.Option("--format", "-f")] = "graphml",
) -> None:
    """Entities, meetings and issues with their edges, as GraphML (Gephi, Cytoscape, networkx)."""
    from graph import exports

    with _driver() as (driver, database):
        nodes, edges = exports.write_graphml(driver, database, output)
    typer.echo(f"{nodes} nodes, {edges} edges written to {output}", err=True)
