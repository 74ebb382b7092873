"""Scoring extractions against hand-made gold articles (see shared/eval/README.md)."""

from ingest.evaluation.gold import GoldArticle, load_gold
from ingest.evaluation.scoring import Score, evaluate

__all__ = ["GoldArticle", "Score", "evaluate", "load_gold"]
