"""Commands registered by another module (being written)."""

import typer


def register(cli: typer.Typer) -> None:
    """Add this module's commands to the root CLI."""
