"""Security promises: the API key guards writes, is compared in constant time and never logged;
error bodies carry no internals; CORS is opt-in; no known default Neo4j password anywhere."""

from __future__ import annotations

import re
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import neo4j
import pytest
import yaml

from graph.local.server import LocalNeo4j
from graph.settings import Neo4jSettings
from tests.reliability.conftest import ROOT, Procs
from tests.service.conftest import make_client

pytestmark = pytest.mark.neo4j

KEY = "k3y-" + secrets.token_hex(12)
WRONG = "wr0ng-" + secrets.token_hex(12)
GOOD = {"text": "Chile and Peru held talks in Lima on 3 May 2021.", "title": "Talks"}
# What must never show in an error body: tracebacks, source files, install paths.
INTERNALS = re.compile(r"Traceback|File \"|\.py\b|site-packages|/work/|/home/|/root/|/usr/lib")


def assert_no_internals(response: httpx.Response) -> None:
    assert not INTERNALS.search(response.text), (response.status_code, response.text[:500])


def error_responses(url: str) -> Iterator[httpx.Response]:
    """One request per error path the API has, with and without the key."""
    with httpx.Client(base_url=url, timeout=30) as c:
        yield c.post("/articles", json=GOOD)                                   # 401 no key
        yield c.post("/articles", json=GOOD, headers={"X-API-Key": WRONG})     # 401 wrong key
        yield c.post("/articles/reprocess", params={"stale": "true"},
                     headers={"X-API-Key": WRONG})                             # 401
        key = {"X-API-Key": KEY}
        yield c.post("/articles", json={"text": "  "}, headers=key)            # 422
        yield c.post("/articles", content=b"{oops", headers={**key, "Content-Type":
                                                            "application/json"})  # 422
        yield c.post("/articles", content=b"x=1", headers={**key, "Content-Type":
                                                          "text/plain"})       # 415
        yield c.post("/articles", json={"text": "a" * 300_000}, headers=key)   # 413 bytes
        yield c.post("/articles", content=iter([b'{"text": "', b"b" * 300_000, b'"}']),
                     headers={**key, "Content-Type": "application/json"})      # 413 chunked
        yield c.get("/articles/no-such-id")                                    # 404
        yield c.get("/who-met-whom", params={"name": "Atlantis"})              # 404
        yield c.get("/path", params={"from": "Japan", "to": "Japan", "max_hops": 99})  # 422
        yield c.delete("/articles")                                            # 405
        yield c.get("/no/such/route")                                          # 404


def test_api_key_is_required_on_writes_and_never_logged(empty_graph: neo4j.Driver,
                                                        procs: Procs) -> None:
    api = procs.api(DIPLOGRAPH_API_KEY=KEY, DIPLOGRAPH_MAX_BODY_BYTES="200000")
    statuses = []
    for response in error_responses(api.url):
        assert response.status_code < 500, response.text
        assert_no_internals(response)
        statuses.append(response.status_code)
    assert statuses[:3] == [401, 401, 401] and {413, 415, 422, 404, 405} <= set(statuses)
    accepted = httpx.post(api.url + "/articles", json=GOOD, headers={"X-API-Key": KEY})
    assert accepted.status_code == 202
    assert httpx.get(api.url + "/articles").status_code == 200  # reads open by default
    api.stop()
    logged = api.output()
    assert "POST /articles" in logged  # the log is on, so the next assertions can fail
    assert KEY not in logged and WRONG not in logged


def test_key_comparison_is_constant_time(empty_graph: neo4j.Driver, neo4j_settings: Neo4jSettings,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[Any, Any]] = []
    real = secrets.compare_digest

    def recording(a: Any, b: Any) -> bool:
        seen.append((a, b))
        return real(a, b)

    monkeypatch.setattr(secrets, "compare_digest", recording)
    with make_client(neo4j_settings, api_key=KEY) as c:
        assert c.post("/articles", json=GOOD, headers={"X-API-Key": WRONG}).status_code == 401
        assert c.post("/articles", json=GOOD, headers={"X-API-Key": KEY}).status_code == 202
    assert [(bytes(a), bytes(b)) for a, b in seen] == [(WRONG.encode(), KEY.encode()),
                                                       (KEY.encode(), KEY.encode())]


def test_reads_can_be_closed(empty_graph: neo4j.Driver, neo4j_settings: Neo4jSettings) -> None:
    with make_client(neo4j_settings, api_key=KEY, reads_require_key=True) as c:
        for path in ("/articles", "/entities?q=x", "/who-met-whom?name=Japan", "/meetings"):
            assert c.get(path).status_code == 401, path
            assert c.get(path, headers={"X-API-Key": KEY}).status_code in (200, 404), path
        assert c.get("/health").status_code == 200


def test_cors_allows_only_configured_origins(empty_graph: neo4j.Driver,
                                             neo4j_settings: Neo4jSettings) -> None:
    preflight = {"Access-Control-Request-Method": "POST"}
    with make_client(neo4j_settings) as c:
        r = c.options("/articles", headers={"Origin": "https://a.example", **preflight})
        assert "access-control-allow-origin" not in r.headers
    with make_client(neo4j_settings, cors_origins=["https://a.example"]) as c:
        ok = c.options("/articles", headers={"Origin": "https://a.example", **preflight})
        assert ok.headers["access-control-allow-origin"] == "https://a.example"
        other = c.options("/articles", headers={"Origin": "https://evil.example", **preflight})
        assert other.headers.get("access-control-allow-origin") != "https://evil.example"


def _password_refs(node: Any, path: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _password_refs(v, f"{path}.{k}")
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _password_refs(v, f"{path}[{i}]")
    elif isinstance(node, str) and ("PASSWORD" in node or "AUTH" in path):
        yield path, node


def test_compose_refuses_to_start_without_a_password() -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    refs = dict(_password_refs(compose))
    assert any(p.endswith("NEO4J_AUTH") for p in refs), refs
    assert any(p.endswith("NEO4J_PASSWORD") for p in refs), refs
    for where, value in refs.items():
        uses = re.findall(r"\$\{NEO4J_PASSWORD([^}]*)\}", value)
        assert uses, f"{where}: {value!r} does not take the password from NEO4J_PASSWORD"
        assert all(u.startswith(":?") for u in uses), f"{where}: {value!r} has a fallback"
    assert "NEO4J_AUTH: none" not in (ROOT / "docker-compose.yml").read_text()


KNOWN = re.compile(r"NEO4J_(PASSWORD|AUTH)\s*[:=]\s*[\"']?(neo4j/)?(neo4j|password|test|secret"
                   r"|changeme|admin)[\"']?\s*$", re.IGNORECASE | re.MULTILINE)


def test_no_known_default_password_is_shipped(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    shipped = [ROOT / "Dockerfile", ROOT / "docker-compose.yml", *ROOT.glob("scripts/*"),
               *ROOT.glob("app/**/*.py"), *ROOT.glob("graph/**/*.py"),
               *ROOT.glob("ingest/*.py")]
    for path in shipped:
        assert not KNOWN.search(path.read_text(errors="replace")), path
    monkeypatch.delenv("NEO4J_PASSWORD", raising=False)
    monkeypatch.chdir(tmp_path)  # no .env
    assert Neo4jSettings().password is None
    first = LocalNeo4j(Neo4jSettings(DIPLOGRAPH_NEO4J_HOME=str(tmp_path / "a")))
    second = LocalNeo4j(Neo4jSettings(DIPLOGRAPH_NEO4J_HOME=str(tmp_path / "b")))
    password = first.password()
    assert len(password) >= 16 and password != second.password()
    assert password == first.password()  # generated once, kept
    assert stat.S_IMODE((tmp_path / "a" / "password").stat().st_mode) == 0o600
