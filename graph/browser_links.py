"""Deep links that open Neo4j Browser with a query (and its parameters) in the editor.

Browser 5.24 reads `?cmd=edit&arg=...` by decoding the whole URL once and then cutting `arg` at
the first `&` or `#`, and it turns a raw `+` into a space before decoding. So the query is
percent-encoded whole (`+` becomes `%2B`), and neither the query nor a value may carry a raw
`&` or `#` past decoding: values are written as Cypher literals in which `&` and `#` inside
strings are `\\u` escapes, and a query containing either character is refused.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

_PARAM_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_CUT = ("&", "#")  # where the Browser's URL parser would end the argument


def browser_url(cypher: str, params: dict[str, Any] | None = None,
                base: str = "http://localhost:7474") -> str:
    """A Browser URL whose editor holds `:param` lines for params, then the query."""
    bad = [c for c in _CUT if c in cypher]
    if bad:
        raise ValueError(f"the Browser cannot take {bad[0]!r} in a linked query")
    lines = [f":param {_name(k)} => {cypher_literal(v)};" for k, v in (params or {}).items()]
    text = "\n".join([*lines, cypher.strip()])
    return f"{base.rstrip('/')}/browser?cmd=edit&arg={quote(text, safe='')}"


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
    return encoded.replace("&", "\\u0026").replace("#", "\\u0023")


def _key(key: object) -> str:
    if not isinstance(key, str):
        raise TypeError(f"map keys must be strings, got {key!r}")
    if any(c in key for c in _CUT):  # a backticked key has no escapes for these
        raise ValueError(f"the Browser cannot take {key!r} as a map key in a link")
    return "`" + key.replace("`", "``") + "`"
