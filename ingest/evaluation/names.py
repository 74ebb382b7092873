"""Name normalisation for scoring: case, leading "the", possessives, common variants."""

from __future__ import annotations

import re
from functools import lru_cache

from reference.gazetteer import load_gazetteer

# Major international organisations whose participation counts as a party (README).
MAJOR_ORGS = frozenset({"european union", "nato", "united nations", "wto", "asean", "iaea",
                        "eurozone", "african union", "arab league", "g7", "g8", "g20", "imf",
                        "world bank", "osce", "gulf cooperation council", "opec", "sco",
                        "brics", "oas"})
# Institutions that count as the organisation they belong to, and spelled-out names the
# reference data keeps apart from the short form the README lists.
INSTITUTIONS = {"european commission": "european union", "european council": "european union",
                "european parliament": "european union", "council of the eu": "european union",
                "un security council": "united nations", "security council": "united nations",
                "shanghai cooperation organisation": "sco",
                "shanghai cooperation organization": "sco",
                "organization of american states": "oas",
                "organisation of american states": "oas", "gcc": "gulf cooperation council"}


def basic(name: str) -> str:
    """Lower case, no leading "the", no possessive, single spaces."""
    text = re.sub(r"\s+", " ", name.strip().lower())
    text = re.sub(r"^the ", "", text)
    return re.sub(r"['’]s?$", "", text).strip()


@lru_cache(maxsize=1)
def variants() -> dict[str, str]:
    """Common variant → canonical (lower case), from the reference data."""
    gaz = load_gazetteer()
    table: dict[str, str] = {}
    for country in gaz.countries.values():
        for alias in (country.name, *country.aliases):
            table.setdefault(basic(alias), basic(country.name))
    for org in gaz.organizations.values():
        for alias in (org.name, *org.aliases):
            table.setdefault(basic(alias), basic(org.name))
    table.update(INSTITUTIONS)
    return table


def normalise(name: str) -> str:
    """The comparable form of a country or organisation name."""
    key = basic(name)
    return variants().get(key, key)


def surname(name: str) -> str:
    """A person's surname for matching: the last word, lower case, no honorific."""
    words = basic(name).replace(".", "").split()
    return words[-1] if words else ""
