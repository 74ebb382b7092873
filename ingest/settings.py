"""Settings of the ingest side (spaCy model, batch size), read from the environment."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class IngestSettings(BaseSettings):
    """DIPLOGRAPH_SPACY_MODEL, _BATCH_SIZE and _EXTRACT_TIMEOUT, from the environment or .env."""

    model_config = SettingsConfigDict(env_prefix="DIPLOGRAPH_", env_file=".env",
                                      env_file_encoding="utf-8", extra="ignore")

    spacy_model: str = "en_core_web_sm"
    batch_size: int = Field(default=32, ge=1, le=10_000)
    # Seconds one article's extraction may take before it is stopped and the article fails
    # (a 1 MB article, the largest accepted, parses in well under this on one core).
    extract_timeout: float = Field(default=60.0, gt=0, le=3600)
