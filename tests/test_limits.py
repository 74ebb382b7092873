"""One text limit: the API accepts at most what the extractor reads, never more."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from app.models import ArticleCreate
from app.settings import ApiSettings
from ingest.extraction.version import MAX_TEXT_CHARS


def test_api_limit_defaults_to_the_extractors() -> None:
    assert ApiSettings().max_text_chars == MAX_TEXT_CHARS


def test_a_limit_above_the_extractors_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIPLOGRAPH_MAX_TEXT_CHARS", str(MAX_TEXT_CHARS + 1))
    with pytest.raises(ValidationError, match="max_text_chars"):
        ApiSettings()
    monkeypatch.setenv("DIPLOGRAPH_MAX_TEXT_CHARS", "5000")
    assert ApiSettings().max_text_chars == 5000  # lowering it is fine


def test_the_openapi_text_names_the_same_limit() -> None:
    described = ArticleCreate.model_json_schema()["properties"]["text"]["description"]
    assert f"{MAX_TEXT_CHARS:,}" in described
