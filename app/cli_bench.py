"""`diplograph bench`: the benchmark suite (bench/, in a source checkout), one command."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Annotated

import typer

# bench/ is not an installed package: it lives beside app/ in the source checkout.
ROOT = Path(__file__).resolve().parents[1]


def bench(
    quick: Annotated[bool, typer.Option(help="Small smoke run (minutes, not the full scale).")]
    = False,
    only: Annotated[list[str] | None, typer.Option(
        help="extraction | writes | ingest | scale (repeatable; default all).")] = None,
    seed: Annotated[int, typer.Option(help="Seed of the generated corpus and graph.")] = 7,
    keep_server: Annotated[bool, typer.Option(
        help="Leave the benchmark Neo4j running at the end.")] = False,
) -> None:
    """Run the benchmarks; results in bench/results/*.json, tables in docs/performance.md."""
    if not (ROOT / "bench" / "suite.py").is_file():
        typer.echo(f"error: no bench/ beside {ROOT / 'app'}; run from a source checkout",
                   err=True)
        raise typer.Exit(2)
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from bench.suite import ALL, QUICK, Plan, run

    unknown = sorted(set(only or ()) - set(ALL))
    if unknown:
        typer.echo(f"error: unknown benchmark(s) {', '.join(unknown)}; choose from "
                   f"{', '.join(ALL)}", err=True)
        raise typer.Exit(2)
    logging.getLogger("neo4j").setLevel(logging.ERROR)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    words = ["diplograph bench"] + (["--quick"] if quick else []) + \
        [f"--only {o}" for o in only or ()]
    run(QUICK if quick else Plan(), tuple(only or ALL), seed, keep_server, " ".join(words))


def register(cli: typer.Typer) -> None:
    """Add `bench` to the root CLI."""
    cli.command("bench")(bench)
