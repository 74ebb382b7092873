"""`diplograph neo4j start | stop | status`: the managed local server."""

from __future__ import annotations

import typer

from graph.errors import ProvisionError
from graph.local.server import LocalNeo4j
from graph.settings import Neo4jSettings

neo4j_cli = typer.Typer(help="Run the managed local Neo4j server (used when NEO4J_URI is unset).")


def _local() -> LocalNeo4j:
    settings = Neo4jSettings()
    if not settings.managed:
        typer.echo(f"note: NEO4J_URI is set ({settings.uri}); this manages the local server only")
    return LocalNeo4j(settings)


@neo4j_cli.command()
def start() -> None:
    """Download the pinned jars if needed (checksums verified) and start the server."""
    try:
        typer.echo(_local().start())
    except ProvisionError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None


@neo4j_cli.command()
def stop() -> None:
    """Stop the server (succeeds when it is already stopped)."""
    typer.echo(_local().stop())


@neo4j_cli.command()
def status() -> None:
    """Say whether the server runs, where, and where its password is."""
    typer.echo(_local().status().describe())
