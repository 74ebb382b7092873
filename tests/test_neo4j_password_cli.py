"""`diplograph neo4j password`: the password alone on stdout, or a clear error."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.cli import cli


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("NEO4J_URI", "NEO4J_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DIPLOGRAPH_NEO4J_HOME", str(tmp_path))
    monkeypatch.chdir(tmp_path)  # no .env of the working tree
    return tmp_path


def run() -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["neo4j", "password"])
    return result.exit_code, result.stdout, result.stderr


def test_prints_the_managed_servers_password_alone(home: Path) -> None:
    (home / "password").write_text("0123abcd\n")
    code, out, err = run()
    assert code == 0 and out == "0123abcd\n"
    assert str(home / "password") in err


def test_before_the_first_start_says_so_and_generates_nothing(home: Path) -> None:
    code, out, err = run()
    assert code == 1 and out == ""
    assert "diplograph neo4j start" in err and not (home / "password").exists()


def test_neo4j_password_wins(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_PASSWORD", "from-env")
    assert run()[:2] == (0, "from-env\n")


def test_a_remote_server_without_password_is_an_error(home: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEO4J_URI", "bolt://db.example:7687")
    code, out, err = run()
    assert code == 1 and out == "" and "NEO4J_PASSWORD is not" in err
