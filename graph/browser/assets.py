"""The style (GraSS) and guide (HTML) the Browser loads from the API, and their paths."""

from __future__ import annotations

import html
import re
from functools import cache
from importlib.resources import files

STYLE_PATH = "/browser/style.grass"
GUIDE_PATH = "/browser/guide.html"
PATHS = (STYLE_PATH, GUIDE_PATH)  # the Browser writes their URLs: no query check
_COMMENT = re.compile(r"/\*.*?\*/\s*", re.DOTALL)


@cache
def _text(name: str) -> str:
    return files("graph.browser").joinpath(name).read_text(encoding="utf-8")


@cache
def style() -> str:
    """The style without its comments (the Browser's GraSS parser has none)."""
    return _COMMENT.sub("", _text("diplograph.grass"))


def guide(api_url: str) -> str:
    """The guide, its `{{api_url}}` placeholders filled in with the API's address."""
    return _text("guide.html").replace("{{api_url}}", html.escape(api_url.rstrip("/"), quote=True))
