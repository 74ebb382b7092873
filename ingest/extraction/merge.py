"""Merging drafts that report the same encounter."""

from __future__ import annotations

from ingest.extraction.meetings import KIND_RANK, Draft


def clash(a: Draft, b: Draft) -> bool:
    """Two different named places (neither being the country of the other)."""
    if a.place is None or b.place is None or a.place.name == b.place.name:
        return False
    if a.place.country is None or b.place.country is None:
        return False  # a name the gazetteer cannot place may lie in (or be) the other
    return a.place.name != b.place.country and b.place.name != a.place.country


def compatible(a: Draft, b: Draft) -> bool:
    """Same sides and status, and no conflicting dates."""
    if a.key != b.key or a.status != b.status or clash(a, b):
        return False
    if a.sent.start == b.sent.start:
        return True
    if (a.kind == "visit") != (b.kind == "visit"):
        return False
    if a.when is not None and b.when is not None:
        return a.when.value.startswith(b.when.value) or b.when.value.startswith(a.when.value)
    return a.kind == b.kind or "meeting" in (a.kind, b.kind) or "talks" in (a.kind, b.kind)


def absorb(into: Draft, other: Draft) -> None:
    """Fill what `into` lacks from `other` (date, place, people, a more specific kind)."""
    if into.when is None or (other.when is not None
                             and len(other.when.value) > len(into.when.value)
                             and other.when.value.startswith(into.when.value[:4])):
        into.when = other.when or into.when
    if into.place is None or (into.place.name == into.place.country and other.place is not None
                              and other.place.country == into.place.country):
        into.place = other.place or into.place
    for person in other.parties.people:
        if person not in into.parties.people:
            into.parties.people.append(person)
    if KIND_RANK[other.kind] < KIND_RANK[into.kind] and other.kind != "visit":
        into.kind = other.kind
    into.hosts |= other.hosts
    if other.score is not None:
        into.score = max(into.score or 0.0, other.score)
    for side, belief in other.side_scores.items():
        if side in into.parties.sides:
            into.side_scores[side] = max(into.side_scores.get(side, 0.0), belief)


def merge(drafts: list[Draft]) -> list[Draft]:
    """Distinct encounters, in order of first report."""
    merged: list[Draft] = []
    by_key: dict[frozenset[str], list[Draft]] = {}
    for draft in drafts:
        same = by_key.setdefault(draft.key, [])
        target = next((m for m in same if compatible(m, draft)), None)
        if target is None:
            merged.append(draft)
            same.append(draft)
        else:
            absorb(target, draft)
    return merged
