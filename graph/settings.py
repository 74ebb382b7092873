"""Settings for reaching Neo4j, or for running the managed local server, from env and .env."""

from __future__ import annotations

from pathlib import Path

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

DATA_HOME = Path.home() / ".local" / "share" / "diplograph"
CACHE_HOME = Path.home() / ".cache" / "diplograph"


def _env(*names: str) -> AliasChoices:
    return AliasChoices(*names)


class Neo4jSettings(BaseSettings):
    """Where Neo4j is. With no NEO4J_URI, diplograph manages a local server itself."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    uri: str | None = Field(None, validation_alias=_env("NEO4J_URI"))
    user: str = Field("neo4j", validation_alias=_env("NEO4J_USER", "NEO4J_USERNAME"))
    password: SecretStr | None = Field(None, validation_alias=_env("NEO4J_PASSWORD"))
    database: str = Field("neo4j", validation_alias=_env("NEO4J_DATABASE"))
    connection_timeout: float = Field(5.0, validation_alias=_env("NEO4J_CONNECTION_TIMEOUT"))

    # The managed local server (used only when NEO4J_URI is unset).
    home: Path = Field(DATA_HOME / "neo4j", validation_alias=_env("DIPLOGRAPH_NEO4J_HOME"))
    jar_cache: Path = Field(CACHE_HOME / "jars", validation_alias=_env("DIPLOGRAPH_JAR_CACHE"))
    bolt_port: int = Field(7687, validation_alias=_env("DIPLOGRAPH_NEO4J_BOLT_PORT"))
    http_port: int = Field(7474, validation_alias=_env("DIPLOGRAPH_NEO4J_HTTP_PORT"))
    heap: str = Field("1g", validation_alias=_env("DIPLOGRAPH_NEO4J_HEAP"))
    pagecache: str = Field("512m", validation_alias=_env("DIPLOGRAPH_NEO4J_PAGECACHE"))
    start_timeout: float = Field(180.0, validation_alias=_env("DIPLOGRAPH_NEO4J_START_TIMEOUT"))
    maven_repo: str = Field(
        "https://repo1.maven.org/maven2", validation_alias=_env("DIPLOGRAPH_MAVEN_REPO")
    )
    # Extra neo4j.conf lines for the managed server (the Browser style/guide settings use this).
    extra_conf: dict[str, str] = Field(default_factory=dict, exclude=True)

    @property
    def managed(self) -> bool:
        """True when diplograph runs the server itself."""
        return not self.uri
