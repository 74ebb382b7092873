"""`python -m app` runs the diplograph CLI."""

from app.cli import main

main()
