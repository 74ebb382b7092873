"""Small statistics over repeated measurements: median, spread, percentiles, ratios."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from typing import Any


def percentile(values: Sequence[float], pct: float) -> float:
    """The pct-th percentile (nearest rank on the sorted values; 0 for no values)."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def summary(values: Sequence[float]) -> dict[str, Any]:
    """Median and spread (min, max, interquartile range) of repeated measurements."""
    if not values:
        return {"median": 0.0, "min": 0.0, "max": 0.0, "iqr": 0.0, "n": 0, "values": []}
    return {
        "median": statistics.median(values), "min": min(values), "max": max(values),
        "iqr": percentile(values, 75) - percentile(values, 25), "n": len(values),
        "values": [round(v, 4) for v in values],
    }


def ratios(numerators: Sequence[float], denominators: Sequence[float]) -> dict[str, Any]:
    """Pairwise ratios of measurements taken side by side (repeat i with repeat i)."""
    return summary([n / d for n, d in zip(numerators, denominators, strict=True) if d])


def spread(s: dict[str, Any], digits: int = 2) -> str:
    """'median (min–max, n=k)' for a table cell."""
    fmt = f"{{:.{digits}f}}"
    return (f"{fmt.format(s['median'])} ({fmt.format(s['min'])}–{fmt.format(s['max'])}, "
            f"n={s['n']})")
