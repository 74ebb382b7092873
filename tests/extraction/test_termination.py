"""Every extraction ends: headline-like fragments (meeting words, names, hyphenated pairs, no
finite verb, stray punctuation) run through the real extractor under the time budget.

The verbless-headline hang walked up the parse for ever; "never raises" was tested, "always
ends" was not. Each example runs in the supervised child process with a budget, so a
regression shows as an ExtractionTimeout instead of a test run that never returns.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.records import ArticleText, Extraction
from ingest.process import real_factory
from ingest.supervisor import ExtractionTimeout, Supervisor

BUDGET = 30.0  # generous: a one-line article extracts in milliseconds

MEETING_WORDS = ["talks", "Talks", "summit", "Summit", "meeting", "phone call", "visit",
                 "negotiations", "trade talks", "peace talks", "call", "meet", "met"]
NAMES = ["Japan", "South Korea", "Peru", "Ecuador", "Iran", "Norway", "Kenya", "Brazil", "EU",
         "NATO", "the US", "China", "Xi", "Lula", "Ruto", "Macron", "the Kremlin", "Geneva",
         "Nairobi", "the UN", "BRICS", "G7", "US", "UK"]
GLUE = ["between", "and", "with", "in", "on", "of", "at", "over", "after", "ahead of",
        "on the sidelines of", "to", "by", "-", "–", "/", "vs", "'s"]
PUNCT = ["", ".", ":", "?", "!", "…", " —", ";", ",", "\"", "'", "(", ")"]

word = st.one_of(st.sampled_from(MEETING_WORDS), st.sampled_from(NAMES), st.sampled_from(GLUE))
hyphen_pair = st.tuples(st.sampled_from(NAMES), st.sampled_from(NAMES)).map("-".join)
fragment = st.tuples(
    st.lists(st.one_of(word, hyphen_pair), min_size=1, max_size=10).map(" ".join),
    st.sampled_from(PUNCT),
).map("".join)


@pytest.fixture(scope="module")
def budgeted() -> Iterator[Supervisor]:
    """The real extractor in its supervised child process, BUDGET seconds per article."""
    supervisor = Supervisor(real_factory("en_core_web_sm", 32), BUDGET)
    supervisor.start()
    yield supervisor
    supervisor.close()


def finished(supervisor: Supervisor, texts: list[str]) -> list[Extraction]:
    results = supervisor([ArticleText(text=t) for t in texts])
    overran = [t for t, r in zip(texts, results, strict=True) if isinstance(r, ExtractionTimeout)]
    assert not overran, f"extraction did not end within {BUDGET:g} s: {overran}"
    assert all(isinstance(r, Extraction) for r in results), results
    return [r for r in results if isinstance(r, Extraction)]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(fragment, min_size=1, max_size=6))
def test_headline_fragments_always_finish(budgeted: Supervisor, texts: list[str]) -> None:
    finished(budgeted, texts)


# The one-liners that hung before (from the bug report, not from the gold corpus).
HEADLINES = ["Talks.", "Summit between Japan and South Korea.",
             "Russia-Ukraine talks in Istanbul", "Talks in Geneva on Iran's nuclear programme.",
             "Modi-Xi meeting on the sidelines of the BRICS summit",
             "US-China trade talks: what to expect", "Phone call between Erdogan and Putin.",
             "Talks held between Peru and Ecuador."]


def test_the_headlines_that_hung_finish_with_their_countries(budgeted: Supervisor) -> None:
    results = finished(budgeted, HEADLINES)
    countries = {text: {c for m in r.meetings for c in m.countries}
                 for text, r in zip(HEADLINES, results, strict=True)}
    assert countries["Summit between Japan and South Korea."] == {"Japan", "South Korea"}
    assert countries["Russia-Ukraine talks in Istanbul"] == {"Russia", "Ukraine"}
    assert countries["Talks."] == set()


def test_an_overrun_is_reported_and_the_rest_of_the_batch_still_extracts() -> None:
    from tests.reliability.endless import ENDLESS_MARKER, endless_factory

    supervisor = Supervisor(endless_factory(), timeout=3.0)
    try:
        texts = ["Chile and Peru held talks in Lima.", f"{ENDLESS_MARKER} Talks.",
                 "Norway and Kenya held talks in Oslo."]
        results = supervisor([ArticleText(text=t) for t in texts])
    finally:
        supervisor.close()
    assert isinstance(results[1], ExtractionTimeout)
    assert str(results[1]) == "extraction exceeded 3 s"
    first, last = results[0], results[2]
    assert isinstance(first, Extraction) and isinstance(last, Extraction)
    assert {c for m in first.meetings for c in m.countries} == {"Chile", "Peru"}
    assert {c for m in last.meetings for c in m.countries} == {"Norway", "Kenya"}
