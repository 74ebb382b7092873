"""Deep links that open Neo4j Browser with a query in the editor, ready to draw on Ctrl+Enter:
`BrowserLinks` for the subgraph each API answer describes (`browser_url`), `browser_url` for any.

Browser 5.24 runs an editor holding several statements (`:param …` lines, then the query) as a
script and shows only "Completed" for it, never the graph. So a link's editor holds one
statement: each `$name` of the (fixed, diplograph-written) query is replaced by its value as a
Cypher literal, which is the only way a value enters the text, and the query returns paths, so
the Browser draws them.

Browser 5.24 reads `?cmd=edit&arg=...` by decoding the whole URL once and then cutting `arg` at
the first `&` or `#`, and it turns a raw `+` into a space before decoding. So the query is
percent-encoded whole (`+` becomes `%2B`), and neither the query nor a value may carry a raw
`&` or `#` past decoding: values are written as Cypher literals in which `&`, `#` (and `;`, where
the Browser would split statements) inside strings are `\\u` escapes, and a query containing
any of them is refused. `?dbms=bolt://neo4j@host:port` before `cmd` pre-fills the connect form
(user and address; the password is never in a link): see `link_base`.

Where the links point is decided once, by `links_for`: DIPLOGRAPH_BROWSER_URL when set, else the
managed server's own Browser (its HTTP port, the form pre-filled), else http://localhost:7474.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote, urlsplit

from graph.cypher import browser as q
from graph.settings import Neo4jSettings

DEFAULT_BROWSER = "http://localhost:7474"

_PARAM_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_PARAM_USE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_CUT = ("&", "#", ";")  # where the Browser would end the argument, or split the statement


def link_base(browser: str, bolt: str | None = None, user: str = "neo4j") -> str:
    """The Browser's address, with `?dbms=` pre-filling the connect form when `bolt` is given
    (`bolt://localhost:7687` → the form shows that address and user `neo4j`)."""
    base = browser.rstrip("/")
    if bolt is None:
        return base
    parts = urlsplit(bolt)
    connect = f"{parts.scheme}://{quote(user, safe='')}@{parts.netloc.rpartition('@')[2]}"
    return f"{base}/browser/?dbms={quote(connect, safe='')}"


def managed_base(settings: Neo4jSettings) -> str:
    """The managed server's Browser, the connect form filled with its address and user."""
    return link_base(f"http://localhost:{settings.http_port}",
                     f"bolt://localhost:{settings.bolt_port}")


class BrowserLinks:
    """The links the API's graph answers carry, each drawing the subgraph the answer describes."""

    def __init__(self, base: str = DEFAULT_BROWSER) -> None:
        self.base = base

    def who_met_whom(self, key: str) -> str:
        return browser_url(q.WHO_MET_WHOM, {"key": key}, self.base)

    def meetings(self, keys: list[str]) -> str:
        return browser_url(q.MEETINGS, {"keys": keys}, self.base)

    def entity(self, key: str) -> str:
        return browser_url(q.ENTITY, {"key": key}, self.base)

    def dyad(self, a: str, b: str) -> str:
        return browser_url(q.DYAD, {"a": a, "b": b}, self.base)

    def path(self, a: str, b: str, hops: int) -> str:
        return browser_url(q.PATH, {"a": a, "b": b, "hops": hops}, self.base)


def links_for(neo4j: Neo4jSettings, browser_url: str | None) -> BrowserLinks:
    """Links to `browser_url` (DIPLOGRAPH_BROWSER_URL) if given, else to the managed server's
    Browser, else to the default address."""
    if browser_url is not None:
        return BrowserLinks(browser_url)
    return BrowserLinks(managed_base(neo4j) if neo4j.managed else DEFAULT_BROWSER)


def browser_url(cypher: str, params: dict[str, Any] | None = None,
                base: str = DEFAULT_BROWSER) -> str:
    """A Browser URL whose editor holds the query alone, its parameters written in as literals.

    `base` is the Browser's address, optionally `link_base`'s (with `?dbms=`)."""
    bad = [c for c in _CUT if c in cypher]
    if bad:
        raise ValueError(f"the Browser cannot take {bad[0]!r} in a linked query")
    values = {_name(k): cypher_literal(v) for k, v in (params or {}).items()}

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            raise ValueError(f"the linked query uses ${name}, which has no value")
        return values[name]

    text = _PARAM_USE.sub(value, cypher.strip())  # one pass: a value's text is never re-read
    parts = urlsplit(base.rstrip("/"))
    if parts.query:
        page = f"{parts.scheme}://{parts.netloc}{parts.path}?{parts.query}&"
    else:
        page = f"{parts.scheme}://{parts.netloc}{parts.path or ''}/browser?"
    return f"{page}cmd=edit&arg={quote(text, safe='')}"


def _name(key: str) -> str:
    if not _PARAM_NAME.fullmatch(key):
        raise ValueError(f"not a parameter name: {key!r}")
    return key


def cypher_literal(value: Any) -> str:
    """A JSON-encoded value as a Cypher literal (map keys backticked); nothing else is allowed."""
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"not a finite number: {value!r}")
        return repr(value).replace("e+", "e")  # Cypher writes 1e16, not 1e+16
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list | tuple):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{_key(k)}: {cypher_literal(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"cannot link a parameter of type {type(value).__name__}")


def _string(value: str) -> str:
    # JSON's escapes are all valid in Cypher strings; ASCII-only output keeps the URL plain.
    encoded = json.dumps(value, ensure_ascii=True)
    return (encoded.replace("&", "\\u0026").replace("#", "\\u0023")
            .replace(";", "\\u003B"))


def _key(key: object) -> str:
    if not isinstance(key, str):
        raise TypeError(f"map keys must be strings, got {key!r}")
    if any(c in key for c in _CUT):  # a backticked key has no escapes for these
        raise ValueError(f"the Browser cannot take {key!r} as a map key in a link")
    return "`" + key.replace("`", "``") + "`"
