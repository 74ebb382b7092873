"""Text preparation: clip to the size limit and blank out markup, keeping every offset."""

from __future__ import annotations

import re

from ingest.extraction.version import MAX_TEXT_CHARS

# HTML/XML tags, entities-free: each is replaced by as many spaces, so offsets stay true.
TAG = re.compile(r"<(?:script|style)\b[^>]{0,500}>.*?</(?:script|style)\s*>|<[^<>\n]{1,500}>",
                 re.I | re.S)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def blank(match: re.Match[str]) -> str:
    """Spaces (keeping newlines) of the same length as the match."""
    return re.sub(r"[^\n]", " ", match.group(0))


def prepare(text: str) -> str:
    """The text the pipeline parses: clipped, with tags and control characters blanked."""
    clipped = text[:MAX_TEXT_CHARS]
    return CONTROL.sub(" ", TAG.sub(blank, clipped))
