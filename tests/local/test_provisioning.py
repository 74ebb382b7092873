"""Provisioning errors are clear, one line, and name what is wrong."""

from __future__ import annotations

import hashlib
from pathlib import Path

import httpx
import pytest

from graph.errors import ProvisionError
from graph.local import jars
from graph.local import java as java_mod
from graph.local.config import java_command, render_conf
from graph.settings import Neo4jSettings


def _jar(sha: str) -> jars.Jar:
    return jars.Jar("org.example", "thing", "1.0", "", sha, 5)


def test_lock_lists_the_server_entry_point_and_browser() -> None:
    names = {(j.group, j.artifact) for j in jars.read_lock()}
    assert ("org.neo4j", "neo4j") in names
    assert ("org.neo4j.app", "neo4j-server") in names
    assert ("org.neo4j.client", "neo4j-browser") in names
    assert all(len(j.sha256) == 64 for j in jars.read_lock())


def test_checksum_mismatch_is_refused(tmp_path: Path) -> None:
    def serve(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"tampered")

    client = httpx.Client(transport=httpx.MockTransport(serve))
    with client, pytest.raises(ProvisionError, match="checksum mismatch"):
        jars._fetch(_jar("0" * 64), tmp_path, "https://repo.invalid", client)
    assert not (tmp_path / "thing-1.0.jar").exists()


def test_download_failure_names_the_url(tmp_path: Path) -> None:
    def serve(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404)

    client = httpx.Client(transport=httpx.MockTransport(serve))
    with client, pytest.raises(ProvisionError, match="download failed: https://repo.invalid/org/"):
        jars._fetch(_jar("0" * 64), tmp_path, "https://repo.invalid", client)


def test_good_download_is_kept(tmp_path: Path) -> None:
    body = b"hello"
    jar = _jar(hashlib.sha256(body).hexdigest())
    transport = httpx.MockTransport(lambda r: httpx.Response(200, content=body))
    with httpx.Client(transport=transport) as c:
        assert jars._fetch(jar, tmp_path, "https://repo.invalid", c).read_bytes() == body


def test_no_java_is_one_clear_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(java_mod, "_candidates", lambda: [])
    with pytest.raises(ProvisionError, match="no Java 17 or 21 found") as info:
        java_mod.find_java()
    assert "\n" not in str(info.value)


def test_conf_and_command_follow_the_distribution(tmp_path: Path) -> None:
    settings = Neo4jSettings().model_copy(update={"home": tmp_path, "bolt_port": 1234})
    conf = render_conf(settings)
    assert "server.bolt.listen_address=:1234" in conf
    assert f"server.directories.data={tmp_path / 'data'}" in conf
    command = java_command(Path("/bin/java"), [Path("a.jar")], settings)
    assert "--add-opens=java.base/java.nio=ALL-UNNAMED" in command
    assert command[-3] == "org.neo4j.server.CommunityEntryPoint"
