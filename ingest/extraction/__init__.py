"""diplograph's extraction step: article text in, typed Extraction records out.

The names below are loaded on first use (PEP 562), so importing a sibling module — the
reference data, the version — never imports spaCy; only extracting does.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ingest.extraction.extractor import extract, extract_article, extract_many
    from ingest.extraction.pipeline import load_pipeline
    from ingest.extraction.version import EXTRACTOR_VERSION, MAX_TEXT_CHARS

_HOMES = {"extract": "extractor", "extract_article": "extractor", "extract_many": "extractor",
          "load_pipeline": "pipeline", "EXTRACTOR_VERSION": "version",
          "MAX_TEXT_CHARS": "version"}

__all__ = ["EXTRACTOR_VERSION", "MAX_TEXT_CHARS", "extract", "extract_article", "extract_many",
           "load_pipeline"]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{home}"), name)
