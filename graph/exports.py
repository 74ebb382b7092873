"""Data out: meetings as rows (CSV, JSON Lines, Parquet), one row per country dyad per meeting
with CAMEO and PLOVER codes, and the graph as GraphML.

Meeting rows stream from Neo4j (one auto-commit query read as it arrives, never the whole result
in memory); CSV and JSONL are written row by row, Parquet in row groups of `PARQUET_ROWS`.
GraphML goes through networkx, which holds the graph in memory (nodes and edges only, no text).
pyarrow and networkx are imported only when their format is asked for.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import IO, Any, Literal

import neo4j

from graph.connection import session
from graph.cypher import exports as q
from graph.values import plain

RowFormat = Literal["csv", "jsonl", "parquet"]
ROW_FORMATS: tuple[RowFormat, ...] = ("csv", "jsonl", "parquet")
PARQUET_ROWS = 10_000
CHUNK_ROWS = 500  # rows per chunk of a streamed HTTP export
CSV_LIST_SEPARATOR = "|"  # list cells in CSV (countries, people, …): "CHN|JPN"

MEETING_COLUMNS = ("id", "date", "date_precision", "kind", "status", "confidence", "place",
                   "place_type", "place_country", "countries", "country_names", "people",
                   "organizations", "issues", "reports", "source_urls")
LIST_COLUMNS = frozenset({"countries", "country_names", "people", "organizations", "issues",
                          "source_urls"})
DYAD_COLUMNS = ("meeting_id", "date", "date_precision", "kind", "status", "confidence",
                "source", "target", "cameo", "cameo_label", "plover", "plover_mode",
                "place", "place_country", "n_countries", "reports")

CAMEO_LABELS = {"040": "Consult", "041": "Discuss by telephone", "042": "Make a visit",
                "043": "Host a visit", "044": "Meet at third location",
                "046": "Engage in negotiation"}


@dataclass(frozen=True)
class ExportFilter:
    """The filters of `/meetings`, with names already resolved to entity keys."""

    keys: list[str] = field(default_factory=list)
    place: str | None = None
    since: date | None = None
    until: date | None = None
    kind: str | None = None
    min_confidence: float | None = None

    def params(self) -> dict[str, Any]:
        return {"keys": self.keys, "place": self.place, "since": self.since,
                "until": self.until, "kind": self.kind, "min_confidence": self.min_confidence}


def count_meetings(driver: neo4j.Driver, database: str, where: ExportFilter) -> int:
    with session(driver, database) as s:
        record = s.run(q.MEETING_COUNT, where.params()).single()
        return int(record["total"]) if record else 0


def meetings(driver: neo4j.Driver, database: str, where: ExportFilter) -> Iterator[dict[str, Any]]:
    """One row per meeting, oldest first, streamed as Neo4j sends it."""
    with session(driver, database) as s:
        for record in s.run(q.MEETINGS, where.params()):
            yield plain(dict(zip(record.keys(), record.values(), strict=True)))


def encounter(row: dict[str, Any], source: str, target: str) -> tuple[str, str | None]:
    """(CAMEO code, PLOVER CONSULT mode) of a meeting, seen from `source` meeting `target`.

    CAMEO: a phone call is 041, a negotiation 046; else where it was held decides: in the
    target's country, the source made a visit (042); in the source's, it hosted one (043);
    in another known country, they met at a third location (044); place unknown: consult (040).
    PLOVER CONSULT modes: phone (a call), multilateral (three or more countries), visit (held in
    one side's country), third-party (held elsewhere); none when the place is unknown."""
    kind, host, n = row.get("kind"), row.get("place_country"), len(row.get("countries") or [])
    if kind == "phone_call":
        return "041", "phone"
    mode = ("multilateral" if n > 2 else "visit" if host in (source, target)
            else "third-party" if host else None)
    if kind == "negotiation":
        return "046", mode
    if host == target:
        return "042", mode
    if host == source:
        return "043", mode
    return ("044" if host else "040"), mode


def dyads(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """One row per pair of participating countries per meeting (source < target by code), the
    shape GDELT and ICEWS users load; meetings with fewer than two countries give none."""
    for row in rows:
        countries = row.get("countries") or []
        for source, target in combinations(sorted(set(countries)), 2):
            cameo, mode = encounter(row, source, target)
            yield {"meeting_id": row["id"], "date": row["date"],
                   "date_precision": row["date_precision"], "kind": row["kind"],
                   "status": row["status"], "confidence": row["confidence"], "source": source,
                   "target": target, "cameo": cameo, "cameo_label": CAMEO_LABELS[cameo],
                   "plover": "CONSULT", "plover_mode": mode, "place": row["place"],
                   "place_country": row["place_country"], "n_countries": len(countries),
                   "reports": row["reports"]}


def write_rows(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], fmt: RowFormat,
               out: Path | IO[str], progress: Callable[[], None] | None = None) -> int:
    """Write the rows in `fmt` (a path, or a text stream for csv/jsonl); returns how many."""
    if fmt == "parquet":
        if not isinstance(out, Path):
            raise ValueError("parquet is written to a file, not a stream")
        return _parquet(rows, columns, out, progress)
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8", newline="") as fh:
            return write_rows(rows, columns, fmt, fh, progress)
    return sum(1 for _ in _text_rows(rows, columns, fmt, out, progress))


def text_chunks(rows: Iterable[dict[str, Any]], columns: tuple[str, ...],
                fmt: Literal["csv", "jsonl"]) -> Iterator[str]:
    """The export as text in chunks of `CHUNK_ROWS` rows (for a streamed HTTP answer)."""
    buffer = _Buffer()
    for n, _ in enumerate(_text_rows(rows, columns, fmt, buffer, None), 1):
        if n % CHUNK_ROWS == 0:
            yield buffer.take()
    if buffer.parts:
        yield buffer.take()


class _Buffer:
    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return len(text)

    def take(self) -> str:
        text, self.parts = "".join(self.parts), []
        return text


def _text_rows(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], fmt: str,
               out: Any, progress: Callable[[], None] | None) -> Iterator[None]:
    writer = csv.writer(out, lineterminator="\n") if fmt == "csv" else None
    if writer:
        writer.writerow(columns)
    for row in rows:
        if writer:
            writer.writerow([_cell(row.get(c)) for c in columns])
        else:
            out.write(json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False) + "\n")
        if progress:
            progress()
        yield None


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return CSV_LIST_SEPARATOR.join(str(v) for v in value)
    return "" if value is None else value


def _parquet(rows: Iterable[dict[str, Any]], columns: tuple[str, ...], path: Path,
             progress: Callable[[], None] | None) -> int:
    import pyarrow as pa  # type: ignore[import-untyped]
    import pyarrow.parquet as pq  # type: ignore[import-untyped]

    numbers = {"confidence": pa.float64(), "reports": pa.int64(), "n_countries": pa.int64()}
    schema = pa.schema([(c, pa.list_(pa.string()) if c in LIST_COLUMNS
                         else numbers.get(c, pa.string())) for c in columns])
    written = 0
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(row)
            if progress:
                progress()
            if len(batch) >= PARQUET_ROWS:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                written, batch = written + len(batch), []
        if batch or not written:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            written += len(batch)
    return written


def graph(driver: neo4j.Driver, database: str) -> Any:
    """The graph of entities, meetings and issues as a networkx MultiDiGraph (GraphML-ready:
    scalar attributes only, missing ones left out)."""
    import networkx as nx  # type: ignore[import-untyped]

    g = nx.MultiDiGraph()
    with session(driver, database) as s:
        for record in s.run(q.GRAPH_NODES):
            attrs = _scalars(plain(record.data()))
            g.add_node(attrs.pop("id"), **attrs)
        for record in s.run(q.GRAPH_EDGES):
            attrs = _scalars(plain(record.data()))
            g.add_edge(attrs.pop("source"), attrs.pop("target"), key=attrs["type"], **attrs)
    return g


def write_graphml(driver: neo4j.Driver, database: str, path: Path) -> tuple[int, int]:
    """Write the graph as GraphML; returns (nodes, edges)."""
    import networkx as nx

    g = graph(driver, database)
    nx.write_graphml(g, path)
    return g.number_of_nodes(), g.number_of_edges()


def _scalars(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if isinstance(v, str | int | float | bool)}
