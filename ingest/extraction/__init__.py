"""diplograph's extraction step: article text in, typed Extraction records out."""

from ingest.extraction.extractor import extract, extract_article, extract_many
from ingest.extraction.pipeline import load_pipeline
from ingest.extraction.version import EXTRACTOR_VERSION, MAX_TEXT_CHARS

__all__ = ["EXTRACTOR_VERSION", "MAX_TEXT_CHARS", "extract", "extract_article", "extract_many",
           "load_pipeline"]
