"""Learned merging: whether a later draft with alike sides reports an earlier encounter."""

from __future__ import annotations

from collections.abc import Callable

from ingest.extraction.learned.linear import Features, Linear, bucket, word
from ingest.extraction.lexicon import cue_words
from ingest.extraction.meetings import Draft
from ingest.extraction.merge import absorb, clash, compatible

# Words that mark a second encounter ("met again", "another round") or a look back.
CUES = cue_words("merge_cues")


def date_relation(a: Draft, b: Draft) -> str:
    """Same, compatible (one a prefix), conflicting or missing dates; "default" where they
    differ but one is a default (the opening's or publication's date, not read near its
    trigger): a re-mention dated by the publication is no other day (grouped CV meeting F1
    0.695 -> 0.699, docs/extraction.md)."""
    if a.when is None or b.when is None:
        return "missing" if a.when is None and b.when is None else "one"
    if a.when.value == b.when.value:
        return "same"
    ok = a.when.value.startswith(b.when.value) or b.when.value.startswith(a.when.value)
    if ok:
        return "prefix"
    return "conflict" if a.date_read and b.date_read else "default"


def place_relation(a: Draft, b: Draft) -> str:
    """Same, clashing or missing places."""
    if a.place is None or b.place is None:
        return "missing" if a.place is None and b.place is None else "one"
    if a.place.name == b.place.name:
        return "same"
    return "clash" if clash(a, b) else "within"


def merge_feats(a: Draft, b: Draft) -> Features:
    """Whether draft b (later in the text) reports the encounter of draft a."""
    gap = b.sent.start - a.sent.end
    root = b.trigger.root(b.sent.doc)
    f: Features = {"bias_merge": 1.0, "same_sent": float(a.sent.start == b.sent.start),
                   f"gap={bucket(max(gap, 0), (0, 30, 80, 200, 500))}": 1.0,
                   "rule_compatible": float(compatible(a, b)),
                   f"status={a.status}|{b.status}": 1.0,
                   f"kinds={'|'.join(sorted((a.kind, b.kind)))}": 1.0,
                   f"dates={date_relation(a, b)}": 1.0, f"places={place_relation(a, b)}": 1.0,
                   f"sides={min(len(a.key), 4)}": 1.0, f"keys={key_relation(a, b)}": 1.0,
                   f"bscore={bucket(int(10 * (b.score or 0.0)), (3, 5, 7, 9))}": 1.0}
    for c in root.children:
        if c.lower_ in CUES:
            f[f"bdet={c.lower_}"] = 1.0
    for tok in b.sent:
        if tok.lower_ in ("again", "another", "second", "previous", "earlier", "last"):
            f[f"bword={word(tok)}"] = 1.0
    return f


def key_relation(a: Draft, b: Draft) -> str:
    """The later draft's sides against the earlier's: the same, one more, or one fewer."""
    if a.key == b.key:
        return "same"
    return "super" if b.key > a.key else "sub" if b.key < a.key else "other"


def alike(a: Draft, b: Draft) -> bool:
    """Sides that may be one encounter: the same, or (in the same or the next sentence) one
    side more or fewer among two or more shared. "A and B discussed C's policy" re-tells "A
    and B met" with C as a topic; further away, A–B and A–B–C are mostly two meetings (grouped
    CV meeting F1 0.706 -> 0.714 with the sentence limit, 0.700 without; docs/extraction.md).
    The encounter keeps the sides it was first told with."""
    if a.key == b.key:
        return True
    return len(a.key ^ b.key) == 1 and len(a.key & b.key) >= 2 and b.sent.start <= a.sent.end


def distinct(a: Draft, b: Draft) -> bool:
    """Another day or another venue is another encounter (the annotation rule, not learned);
    a venue only when the place model is sure of both places (`Draft.place_sure`)."""
    dates = date_relation(a, b)
    # a default date still tells apart a planned meeting from a held one (the visit it is on)
    if dates == "conflict" or (dates == "default" and a.status != b.status):
        return True
    return place_relation(a, b) == "clash" and a.place_sure and b.place_sure


def learned_merge(drafts: list[Draft], model: Linear, cut: float) -> list[Draft]:
    """Distinct encounters: each draft joins the likeliest earlier one with alike sides."""
    return greedy(drafts, lambda a, b: -1.0 if distinct(a, b)
                  else model.positive(merge_feats(a, b)) - cut)


def greedy(drafts: list[Draft], decide: Callable[[Draft, Draft], float]) -> list[Draft]:
    """Merge in text order: a draft joins the earlier group scoring best (> 0), if any. The
    people of a joining draft's extra side stay (held-out person recall 0.688 vs 0.685 without
    them): mostly the side was right and the encounter's first telling missed it."""
    merged: list[Draft] = []
    for d in drafts:
        scored = [(decide(m, d), i) for i, m in enumerate(merged) if alike(m, d)]
        best = max(scored, default=None)
        if best is not None and best[0] >= 0:
            absorb(merged[best[1]], d)
        else:
            merged.append(d)
    return merged
