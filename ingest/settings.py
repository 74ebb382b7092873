"""Settings of the ingest side (spaCy model, batch size), read from the environment."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class IngestSettings(BaseSettings):
    """DIPLOGRAPH_SPACY_MODEL and DIPLOGRAPH_BATCH_SIZE, from the environment or .env."""

    model_config = SettingsConfigDict(env_prefix="DIPLOGRAPH_", env_file=".env",
                                      env_file_encoding="utf-8", extra="ignore")

    spacy_model: str = "en_core_web_sm"
    batch_size: int = Field(default=32, ge=1, le=10_000)
