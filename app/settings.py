"""Settings of the HTTP API (DIPLOGRAPH_*), read once by the composition root."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from ingest.extraction.version import MAX_TEXT_CHARS


class ApiSettings(BaseSettings):
    """API keys, limits, seeds and the in-process worker."""

    model_config = SettingsConfigDict(env_prefix="DIPLOGRAPH_", env_file=".env", extra="ignore")

    api_key: SecretStr | None = None
    reads_require_key: bool = False
    # At most what the extractor reads (its one limit): a higher setting is refused at start,
    # since the extractor would otherwise cut accepted text silently.
    max_text_chars: int = Field(MAX_TEXT_CHARS, gt=0, le=MAX_TEXT_CHARS)
    max_body_bytes: int = Field(16 * 1024 * 1024, gt=0)
    max_batch: int = Field(1000, gt=0)
    cors_origins: list[str] = Field(default_factory=list)
    # Where the Neo4j Browser links point; unset: see graph.browser.links.links_for.
    browser_url: str | None = None
    seeds_dir: Path = Path("seeds")
    ingest_seeds: bool = True
    run_worker: bool = True
    start_neo4j: bool = True
    retry_after_seconds: int = Field(5, ge=1)
    # API processes `diplograph serve` runs (--workers): one by default, since on a small box the
    # ingest worker and Neo4j share the cores with it (docs/performance.md, "API processes").
    api_workers: int = Field(1, ge=1)

    @field_validator("api_key", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        """DIPLOGRAPH_API_KEY= (empty, as docker compose passes it) means no key."""
        return None if isinstance(value, str) and not value.strip() else value
