"""Liveness and prompt shutdown of real processes: an API whose worker is stuck in an endless
extraction reports the stall on /ready, fails the article by timeout, and stops within 10 s of
SIGTERM mid-extraction; `diplograph worker` stops within 10 s of Ctrl+C mid-extraction. Claims
held at the stop go back to the queue (nothing acknowledged is lost)."""

from __future__ import annotations

import signal
import subprocess
import time

import httpx
import neo4j
import pytest

from graph.workers import WorkerRegistry
from tests.reliability.conftest import Procs, statuses, wait_for
from tests.reliability.endless import ENDLESS_MARKER

pytestmark = [pytest.mark.faults, pytest.mark.neo4j]

PROMPT = 10.0  # seconds: the shutdown promise


def stop_within(proc: subprocess.Popen[bytes], sig: signal.Signals) -> float:
    """Send `sig`; the seconds the process took to exit (fails past PROMPT)."""
    began = time.monotonic()
    proc.send_signal(sig)
    try:
        proc.wait(PROMPT)
    except subprocess.TimeoutExpired:
        raise AssertionError(f"still running {PROMPT:g} s after {sig.name}") from None
    return time.monotonic() - began


def post(url: str, text: str) -> str:
    answer = httpx.post(url + "/articles", json={"text": text}, timeout=10)
    assert answer.status_code == 202, answer.text
    return str(answer.json()["id"])


def test_api_reports_the_stall_fails_by_timeout_and_stops_promptly(
        empty_graph: neo4j.Driver, procs: Procs) -> None:
    api = procs.api(factory="tests.reliability.endless:create_app",
                    DIPLOGRAPH_RUN_WORKER="true", DIPLOGRAPH_EXTRACT_TIMEOUT="6",
                    DIPLOGRAPH_WORKER_STALL_SECONDS="1", DIPLOGRAPH_WORKER_PULSE_SECONDS="0.3")
    ordinary = post(api.url, "The foreign ministers of Chile and Peru met in Lima.")
    endless = post(api.url, f"{ENDLESS_MARKER} Leaders held talks in Oslo.")

    def stalled() -> bool:
        answer = httpx.get(api.url + "/ready", timeout=5)
        return answer.status_code == 503 and endless in answer.json().get("reason", "")
    wait_for(stalled, 60, "/ready never reported the stall", interval=0.2)
    assert httpx.get(api.url + "/health", timeout=5).status_code == 200  # the API still answers

    wait_for(lambda: statuses(empty_graph)[endless]["status"] == "failed", 30, "no timeout")
    article = httpx.get(f"{api.url}/articles/{endless}", timeout=5).json()
    assert article["error"] == "ExtractionTimeout: extraction exceeded 6 s"
    wait_for(lambda: statuses(empty_graph)[ordinary]["status"] == "done", 30, "ordinary not done")
    wait_for(lambda: httpx.get(api.url + "/ready", timeout=5).status_code == 200, 10,
             "not ready again after the stall")

    # Mid-extraction of another endless article, SIGTERM: out within PROMPT, claim released.
    again = post(api.url, f"{ENDLESS_MARKER} Ministers met in Quito.")
    wait_for(lambda: any(w.article == again for w in WorkerRegistry(empty_graph).live(60)), 30,
             "the worker never started on it", interval=0.2)
    stop_within(api.popen, signal.SIGTERM)
    got = statuses(empty_graph)[again]
    assert got["status"] == "queued" and got["attempts"] == 0, got


def test_worker_stops_promptly_on_ctrl_c_mid_extraction(empty_graph: neo4j.Driver,
                                                         procs: Procs) -> None:
    # A long real article: its parse takes far longer than the shutdown promise.
    sentence = "The foreign ministers of Chile and Peru held talks in Lima on trade. "
    text = sentence * 9_000  # ~620 KB
    api = procs.api()
    long_one = post(api.url, text)
    worker = procs.worker(DIPLOGRAPH_WORKER_PULSE_SECONDS="0.3")
    wait_for(lambda: statuses(empty_graph)[long_one]["status"] == "processing", 60, "never claimed")
    time.sleep(1.0)  # well inside its extraction
    assert statuses(empty_graph)[long_one]["status"] == "processing"
    took = stop_within(worker.popen, signal.SIGINT)
    got = statuses(empty_graph)[long_one]
    assert got["status"] == "queued" and got["attempts"] == 0, (got, took)
    assert WorkerRegistry(empty_graph).live(60) == []  # it left the registry
    assert "released 1 claimed article" in worker.output()
