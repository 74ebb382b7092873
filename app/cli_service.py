"""`diplograph serve | worker | ingest`: the API, the queue worker, and bulk ingest of files."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from app.settings import ApiSettings

log = logging.getLogger(__name__)


def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port of the API.")] = 8000,
    worker: Annotated[bool, typer.Option("--worker/--no-worker",
                                         help="Run a worker in this process.")] = True,
    workers: Annotated[int | None, typer.Option(
        min=1, help="API processes (default DIPLOGRAPH_API_WORKERS, 1). With more than one, "
                    "this command runs the managed Neo4j, the seeds and the worker once, "
                    "beside them.")] = None,
) -> None:
    """Run the API (docs at /docs); starts the managed Neo4j when NEO4J_URI is unset."""
    import uvicorn

    from app.main import Config, create_app
    from app.settings import ApiSettings

    api = ApiSettings()
    api = api.model_copy(update={"run_worker": api.run_worker and worker})
    processes = workers or api.api_workers
    if processes > 1:
        serve_processes(api, host, port, processes)
        return
    uvicorn.run(create_app(Config(api=api)), host=host, port=port, log_config=None,
                timeout_keep_alive=KEEP_ALIVE)


KEEP_ALIVE = 75  # seconds: above common client idle expiry, so no reuse race


def serve_processes(api: ApiSettings, host: str, port: int, processes: int) -> None:
    """`processes` uvicorn workers sharing one socket; the managed Neo4j, seeds and the ingest
    worker run here, once, started before the API processes and stopped after them."""
    import os

    import uvicorn

    from app.cli import LOG_FORMAT
    from app.runtime import once_per_service
    from graph.settings import Neo4jSettings
    from ingest.settings import WorkerSettings

    with once_per_service(api, Neo4jSettings(), WorkerSettings()):
        # Each API process builds its app from the environment (the factory): none of them
        # starts a server, ingests seeds or runs a worker; this process does.
        os.environ.update({"DIPLOGRAPH_START_NEO4J": "false", "DIPLOGRAPH_INGEST_SEEDS": "false",
                           "DIPLOGRAPH_RUN_WORKER": "false"})
        logging_config = {"version": 1, "disable_existing_loggers": False,
                          "formatters": {"plain": {"format": LOG_FORMAT}},
                          "handlers": {"err": {"class": "logging.StreamHandler",
                                               "formatter": "plain"}},
                          "root": {"level": "INFO", "handlers": ["err"]},
                          "loggers": {"httpx": {"level": "WARNING"}}}
        uvicorn.run("app.main:create_app", factory=True, workers=processes, host=host,
                    port=port, log_config=logging_config, timeout_keep_alive=KEEP_ALIVE)
    log.info("API processes stopped")


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
