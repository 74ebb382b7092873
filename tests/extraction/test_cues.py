"""Cue words live in the data files only: every list there is read, every file has provenance."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.extraction import triggers
from ingest.extraction.lexicon import DATA_DIR, cue_offsets, cue_words, load_lexicon

SOURCES = Path(triggers.__file__).resolve().parent


def test_every_cue_list_is_read_by_the_extractor() -> None:
    code = "\n".join(p.read_text("utf-8") for p in SOURCES.rglob("*.py"))
    lists = [k for k in json.loads((DATA_DIR / "cues.json").read_text("utf-8"))
             if not k.startswith("_")]
    assert [k for k in lists if f'"{k}"' not in code] == []


def test_every_data_file_has_provenance() -> None:
    for path in DATA_DIR.glob("*.json"):
        assert json.loads(path.read_text("utf-8"))["_provenance"], path.name


def test_rules_read_the_lists_from_the_data_file() -> None:
    assert triggers.HYPO_MODALS == cue_words("hypothetical_modals") >= {"could", "might"}
    assert cue_offsets("relative_days")["yesterday"] == -1
    assert "call off" in load_lexicon().blocking_verbs


def test_an_unknown_list_fails_loudly() -> None:
    with pytest.raises(KeyError):
        cue_words("no_such_list")
