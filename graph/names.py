"""Names to entities: through aliases, case-insensitively; unknown names come with close matches."""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, LiteralString

import neo4j

from graph.connection import session
from graph.cypher import reads as q
from graph.errors import GraphError
from graph.keys import entity_key, lookup_name
from reference.gazetteer import load_gazetteer

MAX_ALIASES_SCANNED = 50_000
SURNAME_SUGGESTIONS = 5


class UnknownName(GraphError):
    """No entity has this name or alias; `suggestions` lists close ones."""

    def __init__(self, name: str, suggestions: list[str]) -> None:
        hint = f" (did you mean: {', '.join(suggestions)}?)" if suggestions else ""
        super().__init__(f"no entity is called {name!r}{hint}")
        self.name = name
        self.suggestions = suggestions


@dataclass(frozen=True)
class Resolved:
    key: str
    name: str
    type: str


def _read(tx: neo4j.ManagedTransaction, query: LiteralString,
          **params: Any) -> list[dict[str, Any]]:
    return [r.data() for r in tx.run(query, params)]


@lru_cache(maxsize=1)
def reference_keys() -> Mapping[str, str]:
    """The reference data as lower-cased name → entity key ("dprk" → "PRK"), for names no
    article has used yet."""
    known: dict[str, str] = {}
    for text, surfaces in load_gazetteer().surfaces.items():
        for surface in surfaces:
            if surface.kind in ("name", "demonym", "capital"):
                known.setdefault(lookup_name(text), surface.key)
            elif surface.kind == "org":
                known.setdefault(lookup_name(text), entity_key("Organization", surface.key))
    return known


def country_codes() -> dict[str, str]:
    """The reference countries as the writer keys them: casefolded name, alias or demonym →
    ISO alpha-3."""
    codes: dict[str, str] = {}
    for text, surfaces in load_gazetteer().surfaces.items():
        for surface in surfaces:
            if surface.kind in ("name", "demonym"):
                codes.setdefault(text.casefold(), surface.key)
    return codes


class Names:
    """Resolves what users type (a name, an alias, an ISO code, an entity id, or a surname
    exactly one person bears); `known`
    (default: the reference data) names entities no article has used yet."""

    def __init__(self, driver: neo4j.Driver, database: str = "neo4j",
                 known: Mapping[str, str] | None = None) -> None:
        self.driver = driver
        self.database = database
        self.known = reference_keys() if known is None else known

    def resolve(self, name: str) -> Resolved:
        with session(self.driver, self.database) as tx_session:
            return tx_session.execute_read(self.resolve_in, name)

    def resolve_in(self, tx: neo4j.ManagedTransaction, name: str) -> Resolved:
        """Resolve within the caller's read transaction (one round trip less than `resolve`
        and then a query in a transaction of its own)."""
        rows = _read(tx, q.RESOLVE, name=lookup_name(name))
        rows = rows or _read(tx, q.BY_KEY, key=name.strip())
        known = self.known.get(lookup_name(name))
        rows = rows or (_read(tx, q.BY_KEY, key=known) if known else [])
        people = [] if rows or " " in lookup_name(name) else _read(
            tx, q.BY_SURNAME, name=lookup_name(name), limit=SURNAME_SUGGESTIONS)
        rows = rows or (people if len(people) == 1 else [])
        if rows:
            return Resolved(rows[0]["key"], rows[0]["name"], rows[0]["type"])
        if people:  # a surname several people bear: name them all, pick none
            raise UnknownName(name, [p["name"] for p in people])
        aliases = _read(tx, q.ALIASES, limit=MAX_ALIASES_SCANNED)
        raise UnknownName(name, self._close(name, [r["name"] for r in aliases]))

    def resolve_optional(self, name: str | None) -> Resolved | None:
        return self.resolve(name) if name else None

    @staticmethod
    def _close(name: str, known: list[str]) -> list[str]:
        wanted = lookup_name(name)
        close = difflib.get_close_matches(wanted, known, n=5, cutoff=0.6)
        partial = [k for k in known if wanted and (wanted in k or k in wanted) and len(k) > 2]
        return list(dict.fromkeys(close + sorted(partial, key=len)))[:5]
