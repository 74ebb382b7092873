"""Text preparation: clip to the size limit and blank out markup, keeping every offset."""

from __future__ import annotations

import re

from ingest.extraction.version import MAX_TEXT_CHARS

# HTML/XML tags, entities-free: each is replaced by as many spaces, so offsets stay true.
TAG = re.compile(r"<(?:script|style)\b[^>]{0,500}>.*?</(?:script|style)\s*>|<[^<>\n]{1,500}>",
                 re.I | re.S)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A line break inside running text ("Prime Minister\nJane Roe" in hard-wrapped wire copy).
SOFT_BREAK = re.compile(r"(?<=[^\s.!?:;\"”])\n(?=[^\s\n])")
NEWLINE_RUN = re.compile(r"\n\s*")
# Wire copy is wrapped at 60-80 characters; a text with many longer lines is not wrapped.
WRAP_WIDTH = 100


def blank(match: re.Match[str]) -> str:
    """Spaces (keeping newlines) of the same length as the match."""
    return re.sub(r"[^\n]", " ", match.group(0))


def unwrap(text: str) -> str:
    """Hard-wrapped text (most line breaks fall inside sentences) with those soft breaks made
    spaces, so titles and names split over two lines still read as one phrase; paragraph
    breaks (a blank line or an indent) stay. Same length, so every offset stays true."""
    soft = len(SOFT_BREAK.findall(text))
    if soft < 3 or 2 * soft < len(NEWLINE_RUN.findall(text)):
        return text
    lines = [line for line in text.split("\n") if line.strip()]
    if sum(len(line) > WRAP_WIDTH for line in lines) * 10 > len(lines):
        return text  # paragraphs a line each (web copy): its breaks end headlines and bylines
    return SOFT_BREAK.sub(" ", text)


def prepare(text: str) -> str:
    """The text the pipeline parses: clipped, with tags and control characters blanked and
    soft line breaks of hard-wrapped text made spaces."""
    clipped = text[:MAX_TEXT_CHARS]
    return unwrap(CONTROL.sub(" ", TAG.sub(blank, clipped)))
