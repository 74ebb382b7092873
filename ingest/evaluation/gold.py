"""Gold articles: the annotated files in shared/eval."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict


class GoldParticipant(BaseModel):
    """A gold participant."""

    model_config = ConfigDict(extra="ignore")
    name: str
    type: str


class GoldMeeting(BaseModel):
    """A gold meeting."""

    model_config = ConfigDict(extra="ignore")
    participants: list[GoldParticipant] = []
    countries: list[str] = []
    location: str | None = None
    date: str | None = None
    kind: str | None = None
    status: str | None = None
    non_state_party: bool = False
    evidence: str = ""

    @property
    def optional(self) -> bool:
        """Past and non-state meetings are neither rewarded nor punished."""
        return self.status == "past" or self.non_state_party


class GoldRole(BaseModel):
    """A gold role."""

    model_config = ConfigDict(extra="ignore")
    person: str
    title: str = ""
    country: str | None = None


class GoldArticle(BaseModel):
    """One gold file."""

    model_config = ConfigDict(extra="ignore")
    id: str
    published: date | None = None
    title: str | None = None
    text: str
    meetings: list[GoldMeeting] = []
    roles: list[GoldRole] = []
    issues: list[dict[str, Any]] = []


def load_gold(directory: Path) -> list[GoldArticle]:
    """Every *.json gold article in a directory, sorted by file name."""
    files = sorted(directory.glob("*.json"))
    return [GoldArticle.model_validate(json.loads(f.read_text("utf-8"))) for f in files]
