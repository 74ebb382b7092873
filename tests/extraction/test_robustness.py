"""Hostile input never crashes the extractor, and the output is deterministic."""

from __future__ import annotations

import pytest
from spacy.language import Language

from graph.records import ArticleText
from ingest.extraction import EXTRACTOR_VERSION, MAX_TEXT_CHARS, extract_many
from tests.extraction.conftest import Run

HOSTILE = [
    "",
    "   \n\t  ",
    "\x00\x01\x02 Japan \x07 and \x1b[31m Peru met \x7f on Monday.",
    "<html><body><p>Chile and <b>Peru</b> met in <i>Lima</i>.</p><script>x()</script></body>",
    "التقى وزير الخارجية المصري نظيره الأردني في عمان. שיחות בין ישראל לירדן.",
    "!!!! ???? .... ,,,, ''''",
    "Kim" * 5000,
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_does_not_crash(run: Run, text: str) -> None:
    result = run(text)
    assert result.extractor_version == EXTRACTOR_VERSION
    for m in result.meetings:
        assert text[m.start:m.end] == m.evidence


def test_html_text_still_yields_the_meeting(run: Run) -> None:
    result = run(HOSTILE[3])
    assert {frozenset(m.countries) for m in result.meetings} == {frozenset({"Chile", "Peru"})}


def test_one_megabyte_text(nlp: Language) -> None:
    sentence = "Chile and Peru held talks in Lima on Monday. "
    text = sentence * (MAX_TEXT_CHARS // len(sentence) + 10)
    assert len(text) > MAX_TEXT_CHARS
    (result,) = extract_many(nlp, [ArticleText(text=text)])
    assert result.meetings and all(m.end <= MAX_TEXT_CHARS for m in result.meetings)


def test_deterministic(run: Run) -> None:
    text = "Chile and Peru held talks in Lima on Monday. Bolivia's president visited Quito."
    assert run(text) == run(text)


def test_extract_many_keeps_order(nlp: Language) -> None:
    texts = ["Chile and Peru met in Lima.", "", "Ghana and Togo held talks in Accra."]
    results = list(extract_many(nlp, [ArticleText(text=t) for t in texts], batch_size=2))
    countries = [sorted({c for m in r.meetings for c in m.countries}) for r in results]
    assert countries == [["Chile", "Peru"], [], ["Ghana", "Togo"]]
