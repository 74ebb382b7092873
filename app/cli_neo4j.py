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


@neo4j_cli.command()
def password() -> None:
    """Print the password of user `neo4j` (NEO4J_PASSWORD, else the one the managed server
    generated), alone on stdout: `$(diplograph neo4j password)` works."""
    settings = Neo4jSettings()
    if settings.password is not None:
        typer.echo(settings.password.get_secret_value())
        return
    if not settings.managed:
        typer.echo(f"error: NEO4J_URI is set ({settings.uri}) but NEO4J_PASSWORD is not: the "
                   "password of that server is not known here", err=True)
        raise typer.Exit(1)
    local = LocalNeo4j(settings)
    kept = local.home / "password"
    if not kept.exists():
        typer.echo(f"error: no password yet ({kept} is made on first start: "
                   "diplograph neo4j start)", err=True)
        raise typer.Exit(1)
    typer.echo(local.password())
    typer.echo(f"(user neo4j; kept in {kept})", err=True)
