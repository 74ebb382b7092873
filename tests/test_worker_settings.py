"""One worker-settings class: old variable names kept, the two batches told apart."""

from __future__ import annotations

import logging
from typing import get_type_hints

import pytest

from app.main import Config
from app.runtime import WorkerThread
from ingest.process import build_worker
from ingest.settings import WorkerSettings


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DIPLOGRAPH_BATCH_SIZE", "DIPLOGRAPH_WORKER_CLAIM_BATCH",
                 "DIPLOGRAPH_WORKER_PIPE_BATCH", "DIPLOGRAPH_SPACY_MODEL"):
        monkeypatch.delenv(name, raising=False)


def test_settings_from_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIPLOGRAPH_SPACY_MODEL", "xx_model")
    monkeypatch.setenv("DIPLOGRAPH_EXTRACT_TIMEOUT", "7")
    monkeypatch.setenv("DIPLOGRAPH_WORKER_LEASE_SECONDS", "9")
    monkeypatch.setenv("DIPLOGRAPH_WORKER_CLAIM_BATCH", "8")
    monkeypatch.setenv("DIPLOGRAPH_WORKER_PIPE_BATCH", "3")
    monkeypatch.setenv("SPACY_MODEL", "not_ours")  # unprefixed names are not read
    s = WorkerSettings()
    assert (s.spacy_model, s.extract_timeout, s.lease_seconds) == ("xx_model", 7.0, 9.0)
    assert (s.claim_batch, s.pipe_batch) == (8, 3)


def test_fields_go_by_name_in_code() -> None:
    s = WorkerSettings(spacy_model="m", extract_timeout=5, claim_batch=2)
    assert (s.spacy_model, s.extract_timeout, s.claim_batch, s.pipe_batch) == ("m", 5.0, 2, 32)


def test_the_old_batch_size_sets_both_and_warns(monkeypatch: pytest.MonkeyPatch,
                                                caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setenv("DIPLOGRAPH_BATCH_SIZE", "5")
    with caplog.at_level(logging.WARNING):
        s = WorkerSettings()
    assert (s.claim_batch, s.pipe_batch) == (5, 5)
    assert "DIPLOGRAPH_BATCH_SIZE is deprecated" in caplog.text
    monkeypatch.setenv("DIPLOGRAPH_WORKER_PIPE_BATCH", "3")
    assert (WorkerSettings().pipe_batch, WorkerSettings(claim_batch=9).claim_batch) == (3, 9)


def test_stall_defaults_to_the_time_budget() -> None:
    assert WorkerSettings(extract_timeout=12).stall_after == 12.0
    assert WorkerSettings(extract_timeout=12, stall_seconds=3).stall_after == 3.0


def test_the_api_thread_and_the_worker_read_the_same_class() -> None:
    assert isinstance(Config().worker, WorkerSettings)
    assert get_type_hints(build_worker)["settings"] is WorkerSettings
    assert get_type_hints(WorkerThread.__init__)["settings"] is WorkerSettings
