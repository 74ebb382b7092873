"""Processes that do not extract never import spaCy (the CLI, the API without its worker)."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("module", ["app.cli", "app.main", "ingest.worker", "graph.writer"])
def test_importing_does_not_load_spacy(module: str) -> None:
    code = (f"import sys, {module}\n"
            "heavy = sorted(m for m in ('spacy', 'thinc', 'sklearn') if m in sys.modules)\n"
            "print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=120)
    assert out.stdout.strip() == "", f"import {module} loaded {out.stdout.strip()}"


def test_extraction_names_still_resolve_lazily() -> None:
    import ingest.extraction as extraction

    assert callable(extraction.extract_many) and extraction.MAX_TEXT_CHARS > 0
    with pytest.raises(AttributeError, match="no_such_name"):
        _ = extraction.no_such_name  # type: ignore[attr-defined]
