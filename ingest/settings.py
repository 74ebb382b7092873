"""The worker's settings (queue, extraction, liveness): one class, read from the environment."""

from __future__ import annotations

import logging
import os
from typing import Any

from pydantic import Field, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

log = logging.getLogger(__name__)

# Before claim_batch and pipe_batch had names of their own, this one variable set both.
OLD_BATCH = "DIPLOGRAPH_BATCH_SIZE"


class WorkerSettings(BaseSettings):
    """What `diplograph worker` and the API's worker thread run with: DIPLOGRAPH_WORKER_*,
    plus DIPLOGRAPH_SPACY_MODEL and DIPLOGRAPH_EXTRACT_TIMEOUT, from the environment or .env.
    (`diplograph eval`/`train` read the model and pipe batch from here too.)"""

    # Two older names keep their variables (aliases); in code every field goes by its name.
    model_config = SettingsConfigDict(env_prefix="DIPLOGRAPH_WORKER_", env_file=".env",
                                      env_file_encoding="utf-8", extra="ignore",
                                      validate_by_name=True, validate_by_alias=True)

    spacy_model: str = Field("en_core_web_sm", validation_alias="DIPLOGRAPH_SPACY_MODEL")
    # Seconds one article's extraction may take before it is stopped and the article fails
    # (a 1 MB article, the largest accepted, parses in well under this on one core).
    extract_timeout: float = Field(60.0, gt=0, le=3600,
                                   validation_alias="DIPLOGRAPH_EXTRACT_TIMEOUT")
    # Articles a worker claims at once, extracts, and writes in one transaction.
    claim_batch: int = Field(32, ge=1, le=10_000)
    # Texts spaCy parses per `nlp.pipe` batch (speed only: results do not depend on it).
    pipe_batch: int = Field(32, ge=1, le=10_000)
    lease_seconds: float = Field(120.0, gt=0)
    max_attempts: int = Field(3, ge=1)
    poll_seconds: float = Field(1.0, gt=0)
    max_backoff_seconds: float = Field(30.0, gt=0)
    # Fault drills only: sleep this long after claiming a batch, before extracting it.
    drill_pause_seconds: float = Field(0.0, ge=0)
    # Busy this long without progress: /ready reports the worker stalled (default: the
    # extraction time budget, `extract_timeout`).
    stall_seconds: float | None = Field(None, gt=0)
    # How often a worker records its liveness in Neo4j.
    pulse_seconds: float = Field(5.0, gt=0)

    @model_validator(mode="before")
    @classmethod
    def _old_batch_size(cls, data: Any) -> Any:
        """DIPLOGRAPH_BATCH_SIZE still sets both batches, unless they are given by name."""
        old = os.environ.get(OLD_BATCH)
        if old is None or not isinstance(data, dict):
            return data
        log.warning("%s is deprecated: set DIPLOGRAPH_WORKER_CLAIM_BATCH (articles per claim) "
                    "and DIPLOGRAPH_WORKER_PIPE_BATCH (texts per nlp.pipe batch)", OLD_BATCH)
        return {"claim_batch": old, "pipe_batch": old, **data}

    @property
    def stall_after(self) -> float:
        """Seconds busy without progress before the worker counts as stalled."""
        return self.stall_seconds or self.extract_timeout
