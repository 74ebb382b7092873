"""Deterministic keys: article ids from content, entity and meeting keys from canonical names."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_TRACKING = re.compile(r"^(utm_.*|fbclid|gclid|mc_cid|mc_eid|ref)$", re.IGNORECASE)
_SPACE = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def normalize_url(url: str) -> str:
    """Lower-cased scheme and host, no fragment, no tracking parameters, no trailing slash."""
    parts = urlsplit(url.strip())
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if not _TRACKING.match(k)]
    path = parts.path.rstrip("/")
    netloc = parts.netloc.lower().removeprefix("www.")
    return urlunsplit((parts.scheme.lower() or "https", netloc, path, urlencode(sorted(query)), ""))


def normalize_text(text: str) -> str:
    """Unicode NFC with runs of whitespace collapsed."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def digest(value: str, length: int = 24) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()[:length]


def article_id(text: str, url: str | None) -> str:
    """The article's id: from its normalised URL when given, else from its normalised text."""
    if url and url.strip():
        return "u-" + digest(normalize_url(url))
    return "t-" + digest(normalize_text(text))


def slug(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    return _NOT_WORD.sub("-", folded).strip("-") or digest(name, 12)


def lookup_name(name: str) -> str:
    """How a name or alias is stored for case-insensitive lookup."""
    return normalize_text(name).casefold()


def entity_key(type_: str, name: str, iso3: str | None = None, country: str | None = None) -> str:
    """Country: ISO alpha-3; others: type prefix and slug (cities also by their country)."""
    if type_ == "Country":
        return iso3.upper() if iso3 else "country:" + slug(name)
    if type_ == "City":
        return f"city:{slug(country or '')}:{slug(name)}" if country else "city:" + slug(name)
    prefix = {"Person": "person", "Organization": "org"}[type_]
    return f"{prefix}:{slug(name)}"


def issue_key(name: str) -> str:
    return "issue:" + slug(name)


def meeting_key(sides: str, date: str | None, place: str | None) -> str:
    """A new meeting's key, from its sides, its date as first reported and its place."""
    return "meeting:" + digest(f"{sides}|{date or 'undated'}|{place or ''}", 20)
