"""Neo4j Browser settings that make it load diplograph's style and guide when it connects."""

from __future__ import annotations

from urllib.parse import urlsplit

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from graph.browser.assets import GUIDE_PATH, STYLE_PATH

# Browser 5.24's own default allowlist; diplograph adds the API's host to it.
DEFAULT_ALLOWLIST = ("guides.neo4j.com", "localhost")


class BrowserSettings(BaseSettings):
    """Where the analyst's web browser reaches the diplograph API, which serves style and guide."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    api_url: str = Field("http://localhost:8000", validation_alias="DIPLOGRAPH_API_URL")

    @field_validator("api_url")
    @classmethod
    def _plain_http_url(cls, value: str) -> str:
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"DIPLOGRAPH_API_URL must be an http(s) URL, got {value!r}")
        if any(c in value for c in ";`\"' \n"):  # the Browser splits post-connect commands on ';'
            raise ValueError(f"DIPLOGRAPH_API_URL has a character the Browser refuses: {value!r}")
        return value.rstrip("/")


def style_url(api_url: str) -> str:
    return api_url.rstrip("/") + STYLE_PATH


def guide_url(api_url: str) -> str:
    return api_url.rstrip("/") + GUIDE_PATH


def post_connect_cmd(api_url: str) -> str:
    """Browser commands (without their ':') run on connect: apply the style, open the guide."""
    return f"style {style_url(api_url)}; guide {guide_url(api_url)}"


def hostname_allowlist(api_url: str) -> str:
    """Hosts the Browser may fetch guides and styles from (it compares hostnames, not ports)."""
    host = urlsplit(api_url).hostname or "localhost"
    hosts = [*DEFAULT_ALLOWLIST, *([host] if host not in DEFAULT_ALLOWLIST else [])]
    return ",".join(hosts)


def browser_conf(api_url: str) -> dict[str, str]:
    """The neo4j.conf lines for the managed server."""
    return {
        "browser.post_connect_cmd": post_connect_cmd(api_url),
        # Neo4j 5.26 still names this setting "whitelist"; "..._allowlist" fails strict validation.
        "browser.remote_content_hostname_whitelist": hostname_allowlist(api_url),
        # No product analytics from the Browser (its banner hides the first frame, and the
        # requests only fail on closed networks).
        "client.allow_telemetry": "false",
    }


def compose_env(api_url: str) -> dict[str, str]:
    """The same settings as the official Docker image's NEO4J_* environment variables."""
    return {
        "NEO4J_" + key.replace("_", "__").replace(".", "_"): value
        for key, value in browser_conf(api_url).items()
    }
