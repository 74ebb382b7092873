"""The Neo4j settings that make the Browser load diplograph's style and guide on connect."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from graph.browser.conf import BrowserSettings, browser_conf, compose_env, post_connect_cmd
from graph.local.config import render_conf
from graph.settings import Neo4jSettings


def conf_lines(text: str) -> dict[str, str]:
    return dict(line.split("=", 1) for line in text.splitlines() if "=" in line)


def test_post_connect_applies_the_style_then_opens_the_guide() -> None:
    assert post_connect_cmd("http://localhost:8000") == (
        "style http://localhost:8000/browser/style.grass; "
        "guide http://localhost:8000/browser/guide.html")


def test_managed_server_conf_carries_the_browser_settings(tmp_path: Path) -> None:
    settings = Neo4jSettings(DIPLOGRAPH_NEO4J_HOME=tmp_path)
    browser = BrowserSettings(DIPLOGRAPH_API_URL="http://api.example:9000/")
    lines = conf_lines(render_conf(settings, browser))
    assert lines["browser.post_connect_cmd"] == post_connect_cmd("http://api.example:9000")
    # The Browser compares hostnames without ports; 5.26 still spells the setting "whitelist".
    assert lines["browser.remote_content_hostname_whitelist"] == (
        "guides.neo4j.com,localhost,api.example")
    assert lines["client.allow_telemetry"] == "false"


def test_api_url_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch,
                                            tmp_path: Path) -> None:
    monkeypatch.setenv("DIPLOGRAPH_API_URL", "http://localhost:18000")
    settings = Neo4jSettings(DIPLOGRAPH_NEO4J_HOME=tmp_path)
    lines = conf_lines(render_conf(settings))
    assert "http://localhost:18000/browser/guide.html" in lines["browser.post_connect_cmd"]


def test_extra_conf_still_wins(tmp_path: Path) -> None:
    settings = Neo4jSettings(DIPLOGRAPH_NEO4J_HOME=tmp_path)
    settings = settings.model_copy(update={"extra_conf": {"browser.post_connect_cmd": "play x"}})
    assert conf_lines(render_conf(settings))["browser.post_connect_cmd"] == "play x"


@pytest.mark.parametrize("url", ["localhost:8000", "ftp://localhost", "http://",
                                 "http://localhost:8000/x;play evil", "http://a b"])
def test_api_urls_the_browser_cannot_use_are_refused(url: str) -> None:
    with pytest.raises(ValidationError, match="DIPLOGRAPH_API_URL"):
        BrowserSettings(DIPLOGRAPH_API_URL=url)


def test_compose_environment_names_follow_the_docker_image_convention() -> None:
    env = compose_env("http://localhost:8000")
    assert env == {
        "NEO4J_browser_post__connect__cmd": post_connect_cmd("http://localhost:8000"),
        "NEO4J_browser_remote__content__hostname__whitelist": "guides.neo4j.com,localhost",
        "NEO4J_client_allow__telemetry": "false",
    }
    assert len(env) == len(browser_conf("http://localhost:8000"))
