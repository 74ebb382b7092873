"""Property-based fuzzing of the real extractor, and hostile articles through a real worker.

Arbitrary Unicode, control and format characters, right-to-left scripts, HTML, metacharacters,
empty and whitespace-only text: the extractor never raises, every evidence span is a slice of the
text, and a batch gives what its articles give one by one. The 1 MB case is
tests/extraction/test_robustness.py::test_one_megabyte_text (not repeated here: ~40 s).
"""

from __future__ import annotations

import neo4j
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from graph.articles import ArticleStore, NewArticle
from graph.names import country_codes
from graph.records import ArticleText, Extraction
from ingest.settings import WorkerSettings
from ingest.worker import Extractor, Worker
from tests.reliability.conftest import statuses
from tests.service.conftest import run_until_empty

SENTENCES = ["Chile and Peru held talks in Lima on 3 May 2021.",
             "Japanese Foreign Minister Yoko Kamikawa met Wang Yi in Beijing on Tuesday.",
             "President Macron hosted Chancellor Scholz in Paris.",
             "Kenya and Ghana signed a deal."]
META = ["'", '"', "`", "}", "{", "//", "<script>alert(1)</script>", "$x", "\\", "&amp;", "]]>"]
TAGS = ["<p>", "</p>", "<b>", "</b>", "<div class='x'>", "</div>", "<br/>", "<!-- c -->",
        "<script>var a = '}';</script>", "&nbsp;", "&lt;", "<table><tr><td>", "</td></tr>"]

control = st.characters(categories=["Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Co"])
rtl = st.characters(min_codepoint=0x0590, max_codepoint=0x08FF)
pieces = st.one_of(st.sampled_from(SENTENCES), st.sampled_from(META), st.sampled_from(TAGS),
                   st.text(max_size=20), st.text(alphabet=rtl, max_size=20),
                   st.text(alphabet=control, max_size=5))
TEXTS = st.one_of(
    st.text(max_size=300),                                            # any Unicode
    st.text(alphabet=control, max_size=100),                          # control/format/space
    st.text(alphabet=rtl, max_size=200),                              # Hebrew, Arabic, Syriac…
    st.sampled_from(["", " ", "\n", "\t\r\n \u00a0\u2028\u2029\u3000\ufeff"]),
    st.lists(pieces, max_size=25).map(" ".join),                      # mixtures
    st.lists(pieces, max_size=25).map("".join),                       # mixtures, glued
)


def check(text: str, result: Extraction) -> None:
    assert result.extractor_version
    for span in (*result.meetings, *result.roles, *result.relations):
        assert 0 <= span.start <= span.end <= len(text)
        assert text[span.start:span.end] == span.evidence
    for entity in result.entities:
        assert entity.name.strip()
    result.model_dump_json()  # serialisable, as the writer needs


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=TEXTS)
def test_extractor_never_raises_and_spans_are_slices(extractor: Extractor, text: str) -> None:
    (result,) = extractor([ArticleText(text=text)])
    check(text, result)


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(texts=st.lists(TEXTS, min_size=2, max_size=5))
def test_a_batch_gives_what_each_article_gives(extractor: Extractor, texts: list[str]) -> None:
    together = extractor([ArticleText(text=t) for t in texts])
    assert together == [extractor([ArticleText(text=t)])[0] for t in texts]


HOSTILE = ["\x00\x01\x02\x1b[31m Chile and Peru met \x7f in Lima.",
           "<html><body><p>Chile and <b>Peru</b> met in <i>Lima</i>.</p><script>x()</script>",
           "التقى وزير الخارجية المصري نظيره الأردني في عمان. שיחות בין ישראל לירדן.",
           "\u202eChile and Peru held talks in Lima.\u202c", " \n\t ", "",
           "O'Brien `}` // {\"a\": 1} <script>alert('x')</script> met Wang Yi in Beijing.",
           "Kim" * 5000, "🇯🇵🤝🇨🇳 " * 200, "a\u0301" * 3000]


@pytest.mark.neo4j
def test_hostile_articles_never_crash_a_worker(empty_graph: neo4j.Driver,
                                               extractor: Extractor) -> None:
    store = ArticleStore(empty_graph)
    stored = store.store([NewArticle(text=t, url=f"https://h.example/{i}")
                          for i, t in enumerate(HOSTILE)])
    worker = Worker(empty_graph, extractor, WorkerSettings(claim_batch=4), name="w",
                    codes=country_codes())
    run_until_empty(worker)  # raises if the worker does
    got = statuses(empty_graph)
    assert {got[s.id]["status"] for s in stored} == {"done"}, got
