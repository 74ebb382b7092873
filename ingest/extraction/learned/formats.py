"""Negotiating formats ("the P5+1", "world powers" in nuclear talks) take part as their members."""

from __future__ import annotations

from functools import cache

from ingest.extraction.facts import DocFacts
from ingest.extraction.learned.candidates import Event
from reference.gazetteer import read_json


@cache
def formats() -> frozenset[str]:
    """Names of the formats whose members are the sides (reference/data/formats.json)."""
    return frozenset(read_json("formats.json")["formats"])


def format_members(facts: DocFacts, ev: Event) -> list[tuple[str, int]]:
    """(country, token) for each member of a format named in the trigger's sentence."""
    out: list[tuple[str, int]] = []
    for m in facts.in_sent(ev.sent):
        if m.kind == "org" and m.name in formats():
            out += [(facts.gaz.countries[c].name, m.end - 1) for c in m.members
                    if c in facts.gaz.countries]
    return out
