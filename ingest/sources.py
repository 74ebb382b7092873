"""Article files for `diplograph ingest`: .txt, .json (object or list), .jsonl; folders too."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SUFFIXES = {".txt", ".json", ".jsonl", ".ndjson"}


@dataclass(frozen=True)
class Item:
    """One article read from a file (`data`), or why it could not be read (`error`)."""

    origin: str
    data: dict[str, Any] | None = None
    error: str | None = None


def files(paths: Iterable[Path]) -> Iterator[Path]:
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.suffix.lower() in SUFFIXES
                              and p.is_file())
        else:
            yield path


def _json_items(origin: str, value: Any) -> Iterator[Item]:
    values = value if isinstance(value, list) else [value]
    for i, v in enumerate(values):
        where = f"{origin}[{i}]" if isinstance(value, list) else origin
        if isinstance(v, dict):
            yield Item(where, data=v)
        else:
            yield Item(where, error="not a JSON object")


def read_file(path: Path) -> Iterator[Item]:
    suffix = path.suffix.lower()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        yield Item(str(path), error=f"cannot read: {type(exc).__name__}")
        return
    if suffix in (".jsonl", ".ndjson"):
        for n, line in enumerate(text.splitlines(), 1):
            if line.strip():
                yield from _parse(f"{path}:{n}", line)
    elif suffix == ".json":
        yield from _parse(str(path), text)
    else:
        yield Item(str(path), data={"text": text})


def _parse(origin: str, text: str) -> Iterator[Item]:
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Item(origin, error=f"invalid JSON: {exc.msg} at line {exc.lineno}")
        return
    yield from _json_items(origin, value)


def read_paths(paths: Iterable[Path]) -> Iterator[Item]:
    """Every article in these files and folders, in a stable order."""
    for path in files(paths):
        if not path.exists():
            yield Item(str(path), error="no such file")
        else:
            yield from read_file(path)
