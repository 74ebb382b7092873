"""The extract and eval commands, on a throwaway root CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from app.cli_extract import register

TEXT = "Chile and Peru held talks in Lima on Monday."


@pytest.fixture(scope="module")
def cli() -> typer.Typer:
    root = typer.Typer()
    register(root)
    return root


def invoke(cli: typer.Typer, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_extract_txt_with_published(cli: typer.Typer, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, "utf-8")
    code, out, _ = invoke(cli, "extract", str(path), "--published", "2021-03-10")
    assert code == 0
    data = json.loads(out)
    (meeting,) = data["meetings"]
    assert meeting["date"] == "2021-03-08" and set(meeting["countries"]) == {"Chile", "Peru"}
    assert {"participants", "location", "kind", "status", "evidence", "start", "end",
            "confidence"} <= set(meeting)
    assert data["extractor_version"]


def test_extract_json_file(cli: typer.Typer, tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_text(json.dumps({"text": TEXT, "published": "2021-03-10", "title": "t"}), "utf-8")
    code, out, _ = invoke(cli, "extract", str(path))
    assert code == 0 and json.loads(out)["meetings"][0]["date"] == "2021-03-08"


@pytest.mark.parametrize(("content", "args", "message"), [
    (None, [], "no such file"),
    ("{not json", [], "bad JSON"),
    ('{"title": "no text"}', [], "string 'text'"),
    (TEXT, ["--published", "10/03/2021"], "YYYY-MM-DD"),
])
def test_extract_errors_are_one_line(cli: typer.Typer, tmp_path: Path, content: str | None,
                                     args: list[str], message: str) -> None:
    path = tmp_path / ("a.json" if content and content.startswith("{") else "a.txt")
    if content is not None:
        path.write_text(content, "utf-8")
    code, _, err = invoke(cli, "extract", str(path), *args)
    assert code != 0
    assert message in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def gold_dir(tmp_path: Path) -> Path:
    gold = {"id": "t1", "published": "2021-03-10", "text": TEXT, "meetings": [
        {"participants": [], "countries": ["Chile", "Peru"], "location": "Lima",
         "date": "2021-03-08", "kind": "talks", "evidence": TEXT}],
        "roles": [], "issues": []}
    (tmp_path / "t1.json").write_text(json.dumps(gold), "utf-8")
    return tmp_path


def test_eval_json(cli: typer.Typer, tmp_path: Path) -> None:
    code, out, _ = invoke(cli, "eval", str(gold_dir(tmp_path)), "--json")
    assert code == 0
    metrics = json.loads(out)["metrics"]
    assert metrics["meeting_pairs"]["f1"] == 1.0
    assert metrics["place_accuracy"]["value"] == 1.0 and metrics["date_accuracy"]["value"] == 1.0


def test_eval_table_and_errors(cli: typer.Typer, tmp_path: Path) -> None:
    code, out, _ = invoke(cli, "eval", str(gold_dir(tmp_path)), "--errors")
    assert code == 0 and "meeting pairs" in out and "place accuracy" in out


def test_eval_missing_dir(cli: typer.Typer, tmp_path: Path) -> None:
    code, _, err = invoke(cli, "eval", str(tmp_path / "nope"))
    assert code != 0 and "no gold" in err
