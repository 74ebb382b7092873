"""The scores of shared/eval/README.md: pairs, meetings, place, date, persons, roles."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations

from graph.records import Extraction, Meeting
from ingest.evaluation.gold import GoldArticle, GoldMeeting
from ingest.evaluation.metrics import Counts, Ratio
from ingest.evaluation.names import MAJOR_ORGS, normalise, surname

Pair = frozenset[str]


@dataclass(frozen=True)
class Miss:
    """One error for --errors: what was missed or wrongly found, and where."""

    article: str
    metric: str
    kind: str  # "miss" | "false"
    item: str
    evidence: str


@dataclass
class Score:
    """All metrics, accumulated over articles, with the errors behind them."""

    pairs: Counts = field(default_factory=Counts)
    meetings: Counts = field(default_factory=Counts)
    place: Ratio = field(default_factory=Ratio)
    date: Ratio = field(default_factory=Ratio)
    persons: Ratio = field(default_factory=Ratio)
    roles: Counts = field(default_factory=Counts)
    errors: list[Miss] = field(default_factory=list)

    def summary(self) -> dict[str, dict[str, float | int]]:
        """Machine-readable metrics."""
        return {"meeting_pairs": self.pairs.summary(), "meetings": self.meetings.summary(),
                "place_accuracy": self.place.summary(), "date_accuracy": self.date.summary(),
                "person_recall": self.persons.summary(), "roles": self.roles.summary()}


def org_party(name: str) -> str | None:
    """A major international organisation's comparable name, else None."""
    norm = normalise(name)
    return norm if norm in MAJOR_ORGS else None


def gold_parties(m: GoldMeeting) -> set[str]:
    """Countries plus major organisations of a gold meeting."""
    orgs = {org_party(p.name) for p in m.participants if p.type == "Organization"}
    return {normalise(c) for c in m.countries} | {o for o in orgs if o}


def pred_parties(m: Meeting) -> set[str]:
    """Countries plus major organisations of a predicted meeting."""
    orgs = {org_party(p.name) for p in m.participants if p.type == "Organization"}
    return {normalise(c) for c in m.countries} | {o for o in orgs if o}


def pairs(parties: set[str]) -> set[Pair]:
    """Every unordered pair of parties."""
    return {frozenset(p) for p in combinations(sorted(parties), 2)}


def label(pair: Pair) -> str:
    """A readable pair."""
    return " – ".join(sorted(pair))


def score_pairs(gold: GoldArticle, pred: Extraction, score: Score) -> None:
    """Meeting pairs: predicted vs gold pair sets; past / non-state pairs optional."""
    required = {p for m in gold.meetings if not m.optional for p in pairs(gold_parties(m))}
    optional = {p for m in gold.meetings if m.optional for p in pairs(gold_parties(m))}
    found = {p for m in pred.meetings for p in pairs(pred_parties(m))}
    score.pairs.add(Counts(len(found & required), len(found - required - optional),
                           len(required - found)))
    for pair in sorted(required - found, key=label):
        ev = next(m.evidence for m in gold.meetings if pair in pairs(gold_parties(m)))
        score.errors.append(Miss(gold.id, "pair", "miss", label(pair), ev))
    for pair in sorted(found - required - optional, key=label):
        ev = next(m.evidence for m in pred.meetings if pair in pairs(pred_parties(m)))
        score.errors.append(Miss(gold.id, "pair", "false", label(pair), ev))


def jaccard(a: set[str], b: set[str]) -> float:
    """|a ∩ b| / |a ∪ b|."""
    return len(a & b) / len(a | b) if a | b else 0.0


def match_meetings(gold: list[GoldMeeting], pred: list[Meeting]) -> list[tuple[int, int]]:
    """One-to-one matches (gold index, predicted index), best Jaccard first, ≥ 0.5."""
    candidates = sorted(
        ((jaccard(gold_parties(g), pred_parties(p)), gi, pi)
         for gi, g in enumerate(gold) for pi, p in enumerate(pred)),
        key=lambda c: (-c[0], gold[c[1]].optional, c[1], c[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out: list[tuple[int, int]] = []
    for value, gi, pi in candidates:
        if value >= 0.5 and gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def score_meetings(gold: GoldArticle, pred: Extraction, score: Score) -> None:
    """Meetings matched one to one; optional gold meetings neither count nor punish."""
    matches = match_meetings(gold.meetings, list(pred.meetings))
    tp = sum(1 for gi, _ in matches if not gold.meetings[gi].optional)
    opt = sum(1 for gi, _ in matches if gold.meetings[gi].optional)
    required = sum(1 for m in gold.meetings if not m.optional)
    score.meetings.add(Counts(tp, len(pred.meetings) - tp - opt, required - tp))


def near(gm: GoldMeeting, pred: Extraction) -> list[Meeting]:
    """Predicted meetings sharing at least one pair with a gold meeting."""
    wanted = pairs(gold_parties(gm))
    return [m for m in pred.meetings if wanted & pairs(pred_parties(m))]


def score_place_date(gold: GoldArticle, pred: Extraction, score: Score) -> None:
    """Place and date accuracy over gold meetings that have them."""
    for gm in gold.meetings:
        close = near(gm, pred)
        if gm.location:
            hit = any((m.location or "").lower() == gm.location.lower() for m in close)
            score.place.add(Ratio(int(hit), 1))
            if not hit:
                score.errors.append(Miss(gold.id, "place", "miss", gm.location, gm.evidence))
        if gm.date:
            hit = any((m.date or "").startswith(gm.date) for m in close)
            score.date.add(Ratio(int(hit), 1))
            if not hit:
                score.errors.append(Miss(gold.id, "date", "miss", gm.date, gm.evidence))


def score_people(gold: GoldArticle, pred: Extraction, score: Score) -> None:
    """Person-participant recall (by surname) and role (surname, country) P/R/F1."""
    wanted = {p.name for m in gold.meetings for p in m.participants if p.type == "Person"}
    got = {w for m in pred.meetings for p in m.participants if p.type == "Person"
           for w in p.name.lower().replace(".", "").split()}
    for name in sorted(wanted):
        hit = surname(name) in got
        score.persons.add(Ratio(int(hit), 1))
        if not hit:
            score.errors.append(Miss(gold.id, "person", "miss", name, ""))
    g_roles = {(surname(r.person), normalise(r.country or "")) for r in gold.roles}
    p_roles = {(surname(r.person), normalise(r.country or "")) for r in pred.roles}
    score.roles.add(Counts(len(g_roles & p_roles), len(p_roles - g_roles),
                           len(g_roles - p_roles)))
    for role in sorted(g_roles - p_roles):
        score.errors.append(Miss(gold.id, "role", "miss", f"{role[0]} ({role[1]})", ""))
    for role in sorted(p_roles - g_roles):
        score.errors.append(Miss(gold.id, "role", "false", f"{role[0]} ({role[1]})", ""))


def evaluate(results: Iterable[tuple[GoldArticle, Extraction]]) -> Score:
    """Score every (gold, predicted) article pair, micro-averaged."""
    score = Score()
    for gold, pred in results:
        score_pairs(gold, pred, score)
        score_meetings(gold, pred, score)
        score_place_date(gold, pred, score)
        score_people(gold, pred, score)
    return score
