"""The annotated corpus in the repository: gold articles, their source groups, parsing."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language

from graph.records import ArticleText
from ingest.evaluation.gold import GoldArticle, load_gold
from ingest.extraction.extractor import read_facts
from ingest.extraction.learned.candidates import find_events
from ingest.extraction.learned.train import Parsed
from ingest.extraction.text import prepare

CORPUS = Path(__file__).resolve().parents[3] / "corpus"


def groups(corpus: Path = CORPUS) -> dict[str, tuple[int, int]]:
    """Source group → inclusive range of train article numbers (corpus/groups.json)."""
    data = json.loads((corpus / "groups.json").read_text("utf-8"))
    return {name: (int(lo[1:]), int(hi[1:])) for name, (lo, hi) in data["train"].items()}


def group_of(article_id: str, table: dict[str, tuple[int, int]]) -> str:
    """The source group of an article id ("t031" → its group; other ids → "other")."""
    if article_id.startswith("t") and article_id[1:].isdigit():
        number = int(article_id[1:])
        for name, (lo, hi) in table.items():
            if lo <= number <= hi:
                return name
    return "other"


def parse(nlp: Language, gold: Iterable[GoldArticle], table: dict[str, tuple[int, int]],
          group: str | None = None) -> list[Parsed]:
    """Parse gold articles and build their candidates."""
    items = list(gold)
    texts = ((prepare(g.text), g) for g in items)
    out: list[Parsed] = []
    for doc, g in nlp.pipe(texts, as_tuples=True, batch_size=16):
        facts = read_facts(doc, ArticleText(text=g.text, published=g.published, title=g.title))
        out.append(Parsed(g, facts, find_events(facts, g.title), group or group_of(g.id, table)))
    return out


def load_split(nlp: Language, folder: Path, corpus: Path = CORPUS,
               group: str | None = None) -> list[Parsed]:
    """A corpus folder, parsed."""
    return parse(nlp, load_gold(folder), groups(corpus), group)
