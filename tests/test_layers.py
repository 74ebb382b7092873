"""The import rules of the layout: graph/ imports neither app/ nor ingest/; routes reach Neo4j only
through graph/ views; no app module but the composition root imports a route module."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def imported(path: Path) -> set[str]:
    """Every module a file imports, at any depth (function-level imports included)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{a.name}" for a in node.names)
    return names


def modules(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def offenders(package: str, banned: tuple[str, ...], exempt: tuple[str, ...] = ()) -> list[str]:
    found = []
    for path in modules(package):
        name = path.relative_to(ROOT).as_posix()
        if name in exempt:
            continue
        bad = sorted(m for m in imported(path)
                     if any(m == b or m.startswith(b + ".") for b in banned))
        found += [f"{name}: {m}" for m in bad]
    return found


def test_the_rule_sees_imports_inside_functions(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from neo4j import Driver\n    import app.routes.graph\n")
    assert imported(module) >= {"neo4j", "neo4j.Driver", "app.routes.graph"}


def test_graph_imports_neither_app_nor_ingest() -> None:
    assert offenders("graph", ("app", "ingest")) == []


def test_no_route_module_imports_the_driver() -> None:
    assert modules("app/routes")
    assert offenders("app/routes", ("neo4j",)) == []


@pytest.mark.parametrize("package", ["app", "ingest"])
def test_only_the_composition_root_imports_route_modules(package: str) -> None:
    exempt = tuple(p.relative_to(ROOT).as_posix() for p in modules("app/routes"))
    found = offenders(package, ("app.routes",), exempt=("app/main.py", *exempt))
    assert found == []
