"""`diplograph ingest`: exit status, unused fields ignored with a warning, undated articles
warned about, and output without progress bars or driver notices when quiet."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import neo4j
import pytest
from typer.testing import CliRunner

from app.cli import cli
from graph.settings import Neo4jSettings
from tests.service.test_workers import env_for


@pytest.fixture
def neo4j_env(neo4j_settings: Neo4jSettings, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    env = env_for(neo4j_settings)
    for key, value in env.items():
        if key.startswith("NEO4J_"):
            monkeypatch.setenv(key, value)
    return env


def ingest(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["ingest", "--direct", "--quiet", *args])
    return result.exit_code, result.output


def test_unused_fields_are_ignored_with_one_warning(empty_graph: neo4j.Driver, tmp_path: Path,
                                                     neo4j_env: dict[str, str]) -> None:
    rows = [{"text": f"Japan and China held talks, report {i}.", "published": "2024-05-01",
             "author": "AP staff", "tags": ["asia"]} for i in range(3)]
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows))
    code, output = ingest(str(path))
    assert code == 0, output
    assert "3 new, 0 already known, 0 failed" in output
    assert "ignored fields" in output and "author (3), tags (3)" in output
    assert "without a publication date" not in output
    stored = empty_graph.execute_query("MATCH (a:Article) RETURN a.published AS p, a.author AS au")
    assert len(stored.records) == 3 and all(r["au"] is None for r in stored.records)


def test_any_failure_exits_1_and_undated_text_is_warned(empty_graph: neo4j.Driver, tmp_path: Path,
                                                         neo4j_env: dict[str, str]) -> None:
    (tmp_path / "a.txt").write_text("Japan and China held talks in Tokyo on Wednesday.")
    (tmp_path / "b.json").write_text(json.dumps({"text": "  "}))
    code, output = ingest(str(tmp_path))
    assert code == 1, output
    assert "1 new, 0 already known, 1 failed" in output
    assert "b.json: text: Value error, text is empty" in output
    assert "1 article(s) without a publication date" in output
    assert "relative dates" in output and "stay unresolved" in output
    code, output = ingest(str(tmp_path / "a.txt"))  # all stored (known): success
    assert code == 0 and "0 new, 1 already known, 0 failed" in output


def test_nothing_readable_exits_1(empty_graph: neo4j.Driver, tmp_path: Path,
                                  neo4j_env: dict[str, str]) -> None:
    code, output = ingest(str(tmp_path / "missing.json"))
    assert code == 1 and "no such file" in output


def test_a_real_run_prints_no_driver_notices(empty_graph: neo4j.Driver, tmp_path: Path,
                                             neo4j_env: dict[str, str]) -> None:
    """In a real process (logging as `diplograph` sets it up): the schema is applied again,
    yet no INFO notice per existing index, and no progress bar on stdout."""
    (tmp_path / "a.json").write_text(json.dumps({"text": "Kim met Putin.",
                                                 "published": "2019-04-25"}))
    cmd = [sys.executable, "-c", "from app.cli import main; main()", "ingest", "--direct",
           str(tmp_path)]
    done = subprocess.run(cmd, env=neo4j_env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "1 new, 0 already known, 0 failed"
    assert "neo4j.notifications" not in done.stderr and "already exists" not in done.stderr
