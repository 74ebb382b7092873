"""Where results go: one JSON file per benchmark, and a Markdown table for each."""

from __future__ import annotations

import json
import os
import platform
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

RESULTS_DIR = Path(__file__).resolve().parent / "results"


@dataclass
class Row:
    """One line of the published table: a target and what was measured against it."""

    measure: str
    target: str
    measured: str
    met: bool | None  # None: informational, no target

    def cells(self) -> list[str]:
        verdict = {True: "met", False: "**missed**", None: "—"}[self.met]
        return [self.measure, self.target, self.measured, verdict]


@dataclass
class Result:
    """A benchmark's outcome: its table rows and the raw numbers behind them."""

    name: str
    rows: list[Row] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "seconds": round(self.seconds, 1), "machine": machine(),
                "rows": [r.__dict__ for r in self.rows], "notes": self.notes,
                "data": self.data}


def machine() -> dict[str, Any]:
    """What the numbers were measured on (the load average says how busy it was)."""
    return {"cpus": os.cpu_count(), "python": platform.python_version(),
            "loadavg": [round(x, 2) for x in os.getloadavg()],
            "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}


def save(result: Result, directory: Path = RESULTS_DIR) -> Path:
    """Write bench/results/<name>.json (the latest run only) and return its path."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{result.name}.json"
    path.write_text(json.dumps(result.to_json(), indent=2, default=str) + "\n")
    return path


def table(rows: list[Row]) -> str:
    """A Markdown table of target vs measured."""
    lines = ["| measure | target | measured: median (min–max, n) | verdict |",
             "| --- | --- | --- | --- |"]
    lines += ["| " + " | ".join(r.cells()) + " |" for r in rows]
    return "\n".join(lines)
