"""Labels: gold meetings aligned to the triggers whose sentence their evidence quotes."""

from __future__ import annotations

from ingest.evaluation.gold import GoldArticle, GoldMeeting
from ingest.evaluation.names import normalise
from ingest.evaluation.scoring import gold_parties, org_party
from ingest.extraction.learned.candidates import Event
from ingest.extraction.learned.options import PartyOption

Spans = list[tuple[int, int]]


def evidence_spans(gold: GoldArticle) -> list[Spans]:
    """Character spans of each gold meeting's evidence pieces in the article text."""
    out: list[Spans] = []
    for m in gold.meetings:
        spans: Spans = []
        for piece in m.evidence.split(" [...] "):
            at = gold.text.find(piece.strip()) if piece.strip() else -1
            if at >= 0:
                spans.append((at, at + len(piece.strip())))
        out.append(spans)
    return out


def party_key(option: PartyOption) -> str | None:
    """The scoring name of a party option (None for organisations that are not scored)."""
    return normalise(option.name) if option.kind == "Country" else org_party(option.name)


def gold_for(ev: Event, gold: GoldArticle, spans: list[Spans]) -> GoldMeeting | None:
    """The gold meeting a trigger reports: quoted around its sentence, best party overlap."""
    lo, hi = ev.sent.start_char, ev.sent.end_char
    near = [g for g, sp in zip(gold.meetings, spans, strict=True)
            if any(s < hi and e > lo for s, e in sp)]
    if not near:
        return None
    rule = {normalise(n) for n in ev.frame.parties.sides}
    every = {party_key(o) for o in ev.parties}

    def overlap(g: GoldMeeting) -> tuple[int, int]:
        parties = gold_parties(g)
        return len(parties & rule), len(parties & every)
    return max(near, key=overlap)


def status_label(g: GoldMeeting | None) -> str:
    """The event class: none, held (incl. background) or planned."""
    if g is None:
        return "none"
    return "planned" if g.status == "planned" else "held"
