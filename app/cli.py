"""The `diplograph` command: one root, each group registered from the module that owns it."""

from __future__ import annotations

import logging

import typer

from app import cli_bench, cli_extract, cli_service
from app.cli_export import export_cli
from app.cli_neo4j import neo4j_cli

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

cli = typer.Typer(
    help="diplograph: a knowledge graph of diplomatic talks, in Neo4j.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
cli.add_typer(neo4j_cli, name="neo4j")
cli.add_typer(export_cli, name="export")
cli_service.register(cli)
cli_extract.register(cli)
cli_bench.register(cli)


def main() -> None:
    """Console-script entry point."""
    logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per jar or request is noise
    cli()
