"""Fixtures for the extraction tests: one spaCy pipeline per session, and a runner."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from spacy.language import Language

from graph.records import ArticleText, Extraction
from ingest.evaluation.gold import load_gold
from ingest.extraction import extract_article, load_pipeline
from ingest.extraction.learned.corpus import CORPUS, groups, parse
from ingest.extraction.learned.train import Parsed

PUBLISHED = date(2021, 3, 10)  # a Wednesday

Run = Callable[..., Extraction]


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The extraction pipeline, loaded once."""
    return load_pipeline()


@pytest.fixture(scope="session")
def run(nlp: Language) -> Run:
    """Extract from a text published on PUBLISHED (or another date)."""
    def _run(text: str, published: date | None = PUBLISHED) -> Extraction:
        return extract_article(nlp, ArticleText(text=text, published=published))
    return _run


def pairs(result: Extraction) -> set[frozenset[str]]:
    """Country pairs of all meetings."""
    out: set[frozenset[str]] = set()
    for m in result.meetings:
        names = sorted(m.countries)
        out |= {frozenset((a, b)) for i, a in enumerate(names) for b in names[i + 1:]}
    return out


# A few articles from each of three source groups keep the training and CV tests fast.
SAMPLE = ("t001", "t002", "t003", "t026", "t027", "t028", "t126", "t127", "t128")


@pytest.fixture(scope="session")
def sample(nlp: Language) -> list[Parsed]:
    """SAMPLE from corpus/train, parsed once for every test that trains or cross-validates."""
    if not (CORPUS / "train").is_dir():
        pytest.skip("corpus/train not available")
    gold = [g for g in load_gold(CORPUS / "train") if g.id in SAMPLE]
    return parse(nlp, gold, groups())
