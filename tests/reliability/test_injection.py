"""No user string ever reaches Cypher query text; metacharacters are stored and returned verbatim.

Statically: every Cypher constant under graph/ is a module-level `LiteralString`, and no call to
`run`/`execute_query` in app/, graph/, ingest/ builds its query text. Dynamically: the real app and
worker run on a recording proxy of the real driver, with hostile strings in every field; each query
text Neo4j receives must be one of those constants, and none may contain the hostile strings.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import neo4j
import pytest

import graph
import graph.bootstrap
from graph.connection import open_driver
from graph.names import country_codes
from graph.settings import Neo4jSettings
from ingest.settings import WorkerSettings
from ingest.worker import Extractor, Worker
from tests.reliability.conftest import ROOT
from tests.reliability.recording import RecordingDriver
from tests.service.conftest import make_client, run_until_empty

pytestmark = pytest.mark.neo4j

HOSTILE = ["O'Brien", 'say "hi"', "`tick`", "} RETURN 1 //", "// comment", "<script>x()</script>",
           "$injected", "\\u0027", "') DETACH DELETE n //", '{"json": [1]}', "\u202eevil\u202c"]
PAYLOAD = " ".join(HOSTILE)
SOURCES = ("app", "graph", "ingest")


def constants() -> set[str]:
    """Every module-level string (or tuple of strings) constant in the graph package."""
    found: set[str] = set()
    for info in pkgutil.walk_packages(graph.__path__, "graph."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            items = value if isinstance(value, (tuple, list)) else (value,)
            found.update(v for v in items if isinstance(v, str))
    return found | literal_queries()


def driver_calls() -> Iterator[tuple[Path, ast.Call]]:
    for package in SOURCES:
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and node.func.attr in ("run", "execute_query") and node.args):
                    yield path, node


def literal_queries() -> set[str]:
    """String literals passed straight to run/execute_query (e.g. "CALL db.awaitIndexes(300)")."""
    return {n.args[0].value for _, n in driver_calls()
            if isinstance(n.args[0], ast.Constant) and isinstance(n.args[0].value, str)}


def built_in_place(node: ast.expr) -> bool:
    """Query text assembled at the call: an f-string, `+`/`%` on strings, or `.format(...)`."""
    return (isinstance(node, (ast.JoinedStr, ast.BinOp))
            or (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("format", "join", "replace")))


def test_no_query_text_is_built_at_a_call() -> None:
    calls = list(driver_calls())
    assert len(calls) > 10  # the scan sees the driver calls, so it can fail
    built = [f"{p.relative_to(ROOT)}:{n.lineno}" for p, n in calls if built_in_place(n.args[0])]
    assert built == []


def test_cypher_constants_are_module_level_literal_strings() -> None:
    modules = sorted((ROOT / "graph" / "cypher").glob("*.py")) + [ROOT / "graph" / "schema.py"]
    checked = 0
    for path in modules:
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.Assign) and isinstance(node.value, (ast.Constant, ast.BinOp)):
                names = [getattr(t, "id", "?") for t in node.targets]
                raise AssertionError(f"{path.name}: {names} is not typed LiteralString")
            if isinstance(node, ast.AnnAssign):
                checked += 1
                assert "LiteralString" in ast.unparse(node.annotation), (path.name, node.lineno)
    assert checked > 20


def test_every_query_parameter_is_typed_literal_string() -> None:
    loose = []
    for path in (ROOT / "graph").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                for arg in node.args.args:
                    if arg.arg == "query" and "LiteralString" not in ast.unparse(
                            arg.annotation or ast.Constant("")):
                        loose.append(f"{path.relative_to(ROOT)}:{node.name}")
    assert loose == []


def unexpected(seen: list[str], allowed: set[str]) -> list[str]:
    """Query texts that are not constants, or that carry any hostile string."""
    return [q for q in seen if q not in allowed or any(h in q for h in HOSTILE)]


def test_the_check_catches_a_built_query() -> None:
    seen = ["MATCH (a:Article {id: $id}) RETURN a",
            f"MATCH (e:Entity) WHERE e.name = '{HOSTILE[0]}' RETURN e"]
    assert unexpected(seen, {seen[0]}) == [seen[1]]


@pytest.fixture
def seen(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The app's driver, wrapped in the recording proxy."""
    queries: list[str] = []
    monkeypatch.setattr(graph.bootstrap, "open_driver",
                        lambda s: RecordingDriver(open_driver(s), queries))
    return queries


def hostile_article() -> dict[str, Any]:
    text = (f"Chile and Peru held talks in Lima on 3 May 2021. Foreign minister O'Brien said: "
            f"{PAYLOAD}. Ghana and Togo held talks in Accra on 4 May 2021.")
    return {"text": text, "title": PAYLOAD, "url": f"https://x.example/{PAYLOAD}",
            "source": PAYLOAD}


def test_hostile_strings_never_reach_query_text(empty_graph: neo4j.Driver, seen: list[str],
                                                neo4j_settings: Neo4jSettings,
                                                extractor: Extractor) -> None:
    body = hostile_article()
    with make_client(neo4j_settings) as c:
        posted = c.post("/articles", json=body)
        assert posted.status_code == 202, posted.text
        recording = cast(neo4j.Driver, RecordingDriver(empty_graph, seen))
        worker = Worker(recording, extractor, WorkerSettings(claim_batch=4), name="w",
                        codes=country_codes())
        run_until_empty(worker)
        got = c.get(f"/articles/{posted.json()['id']}").json()
        assert got["status"] == "done", got
        assert (got["title"], got["source"]) == (PAYLOAD, PAYLOAD)
        for h in HOSTILE:
            for path, params in (("/who-met-whom", {"name": h}), ("/entities", {"q": h}),
                                 ("/meetings", {"participant": h}),
                                 ("/relations", {"a": "Chile", "b": h}),
                                 ("/path", {"from": h, "to": "Peru"})):
                r = c.get(path, params=params)
                assert r.status_code in (200, 404), (path, h, r.text)
                if r.status_code == 404 and "name" in r.json():
                    assert r.json()["name"] == h
        person = c.get("/entities", params={"q": "O'Brien"}).json()["data"]
        assert [e["name"] for e in person] == ["O'Brien"]
        report = c.get("/who-met-whom", params={"name": "Chile"}).json()
        evidence = report["counterparts"][0]["items"][0]["reports"][0]
        assert evidence["title"] == PAYLOAD and evidence["evidence"] in body["text"]
    stored = empty_graph.execute_query("MATCH (a:Article) RETURN a.text AS t").records
    assert [r["t"] for r in stored] == [body["text"]]
    assert len(seen) > 20
    assert unexpected(seen, constants()) == []
