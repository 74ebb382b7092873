"""Walks over the dependency parse that end by construction.

spaCy builds a new Token object at every access, so tokens are compared by index (`.i`), never
by identity, and every walk up the heads is capped by the sentence's length.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token


def is_root(tok: Token) -> bool:
    """The token heads itself (the root of its sentence)."""
    return tok.head.i == tok.i


def same(a: Token | None, b: Token | None) -> bool:
    """The same position in the same Doc."""
    return a is not None and b is not None and a.i == b.i and a.doc is b.doc


def up(tok: Token, limit: int | None = None) -> Iterator[Token]:
    """The heads above `tok`, nearest first, at most `limit` (and never more than the
    sentence's length, so a malformed parse with a cycle cannot loop)."""
    cap = len(tok.sent) if limit is None else min(limit, len(tok.sent))
    for _ in range(cap):
        if is_root(tok):
            return
        tok = tok.head
        yield tok
