"""`diplograph serve | worker | ingest`: the API, the queue worker, and bulk ingest of files."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

import typer

log = logging.getLogger(__name__)


def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port of the API.")] = 8000,
    worker: Annotated[bool, typer.Option("--worker/--no-worker",
                                         help="Run a worker in this process.")] = True,
) -> None:
    """Run the API (docs at /docs); starts the managed Neo4j when NEO4J_URI is unset."""
    import uvicorn

    from app.main import Config, create_app
    from app.settings import ApiSettings

    api = ApiSettings()
    config = Config(api=api.model_copy(update={"run_worker": api.run_worker and worker}))
    uvicorn.run(create_app(config), host=host, port=port, log_config=None,
                timeout_keep_alive=75)  # above common client idle expiry: no reuse race


def worker(
    once: Annotated[bool, typer.Option(help="Drain the queue, then exit.")] = False,
) -> None:
    """Claim queued articles, extract their facts and write them (several may run at once)."""
    from ingest.process import main

    main(once=once)


def ingest(
    paths: Annotated[list[Path], typer.Argument(help=".txt, .json, .jsonl files or folders.")],
    api: Annotated[str, typer.Option(help="URL of a running API.")] = "http://localhost:8000",
    direct: Annotated[bool, typer.Option(help="Write into Neo4j, not via the API.")] = False,
    api_key: Annotated[str | None, typer.Option(envvar="DIPLOGRAPH_API_KEY",
                                                help="X-API-Key for the API.")] = None,
    batch: Annotated[int, typer.Option(min=1, max=1000, help="Articles per request.")] = 50,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Send article files to the API (or into the graph) and say what was new; exits 1 when any
    article failed (the others are stored)."""
    from app.bulk import run_ingest

    summary = run_ingest(paths, api, direct, api_key, batch, quiet)
    typer.echo(summary.describe())
    if not summary.ok:
        raise typer.Exit(1)


def register(cli: typer.Typer) -> None:
    """Add this module's commands to the root CLI."""
    cli.command()(serve)
    cli.command()(worker)
    cli.command()(ingest)
