"""`diplograph ingest --direct` over files, folders and JSONL, into the real Neo4j."""

from __future__ import annotations

import json
from pathlib import Path

import neo4j
import pytest
from typer.testing import CliRunner

from app.cli import cli
from graph.settings import Neo4jSettings
from tests.service.test_workers import env_for


def test_ingest_direct_counts_new_known_failed(empty_graph: neo4j.Driver, tmp_path: Path,
                                               neo4j_settings: Neo4jSettings,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    for key, value in env_for(neo4j_settings).items():
        if key.startswith("NEO4J_"):
            monkeypatch.setenv(key, value)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Japan and China held talks in Tokyo.")
    (folder / "b.json").write_text(json.dumps({"text": "Kim met Putin.", "published": "2019-04"}))
    (folder / "c.jsonl").write_text('{"text": "One."}\n{"text": ""}\nnot json\n')
    result = CliRunner().invoke(cli, ["ingest", "--direct", str(folder)])
    assert result.exit_code == 1, result.output  # some failed: non-zero, the rest stored
    assert "2 new, 0 already known, 3 failed" in result.output
    again = CliRunner().invoke(cli, ["ingest", "--direct", str(folder / "a.txt")])
    assert "0 new, 1 already known, 0 failed" in again.output and again.exit_code == 0
    total = empty_graph.execute_query("MATCH (a:Article {status: 'queued'}) RETURN count(a) AS n")
    assert total.records[0]["n"] == 2
