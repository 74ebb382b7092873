"""Fitting the linear models on labelled candidates (scikit-learn, deterministic)."""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from ingest.evaluation.gold import GoldArticle, GoldMeeting
from ingest.evaluation.names import normalise, surname
from ingest.evaluation.scoring import gold_parties, jaccard
from ingest.extraction.facts import DocFacts
from ingest.extraction.learned.align import Spans, evidence_spans, gold_for, party_key, status_label
from ingest.extraction.learned.candidates import Event
from ingest.extraction.learned.decode import drafts_of
from ingest.extraction.learned.linear import PARTS, Features, Linear, Model, average
from ingest.extraction.learned.merging import greedy, merge_feats
from ingest.extraction.learned.options import place_choices
from ingest.extraction.learned.roles import prominence, role_feats
from ingest.extraction.learned.split import split_feats
from ingest.extraction.meetings import Draft
from ingest.extraction.parties import Parties

SEED = 0
BAGS = 8  # fits averaged per model
BAG_SHARE = 0.8  # share of the articles each fit sees
C = {"event": 0.05, "party": 0.1, "place": 0.1, "date": 0.1, "split": 0.1, "merge": 0.1,
     "role": 0.3}
THRESHOLDS = {"event": 0.5, "party": 0.5, "place": 0.2, "date": 0.1, "split": 0.65, "merge": 0.5,
              "blocked": 0.9, "clash": 0.3}


@dataclass
class Parsed:
    """One gold article, parsed, with its candidates."""

    gold: GoldArticle
    facts: DocFacts
    events: list[Event]
    group: str


@dataclass
class Rows:
    """Training rows of the models."""

    x: dict[str, list[Features]] = field(default_factory=lambda: {k: [] for k in C})
    y: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in C})

    def add(self, model: str, feats: Features, label: str) -> None:
        """One row."""
        self.x[model].append(feats)
        self.y[model].append(label)


def label_article(p: Parsed, rows: Rows) -> None:
    """Rows of one article: every trigger; options of the triggers aligned to gold."""
    spans = evidence_spans(p.gold)
    label_roles(p, rows)
    for ev in p.events:
        g = gold_for(ev, p.gold, spans)
        rows.add("event", ev.feats, status_label(g))
        if g is None:
            continue
        group = linked(ev, g, p.gold, spans)
        wanted = set().union(*(gold_parties(h) for h in group))
        for o in ev.parties:
            rows.add("party", o.feats, str(int(party_key(o) in wanted)))
        split = split_label(group, wanted)
        chosen = gold_sides(ev, wanted)
        if split is not None and chosen.countable >= 3:
            rows.add("split", split_feats(p.facts, ev, chosen), split)
        if g.location:
            sides = {o.name for o in ev.parties if party_key(o) in gold_parties(g)}
            for pl in place_choices(ev.places, ev.parties, sides, ev.trig):
                rows.add("place", pl.feats, str(int(pl.place.name.lower() == g.location.lower())))
        if g.date:
            date = g.date
            for d in ev.dates:
                rows.add("date", d.feats, str(int(d.when.value.startswith(date))))


def label_roles(p: Parsed, rows: Rows) -> None:
    """Role rows: every role the rules give a party, right if role F1 would count it."""
    wanted = {(surname(r.person), normalise(r.country or "")) for r in p.gold.roles}
    ranks = prominence(p.facts)
    for role in p.facts.roles:
        if role.party is not None:
            right = (surname(role.person.name), normalise(role.party)) in wanted
            rows.add("role", role_feats(p.facts, role, ranks), str(int(right)))


def linked(ev: Event, g: GoldMeeting, gold: GoldArticle, spans: list[Spans]) -> list[GoldMeeting]:
    """The gold meetings quoted around the trigger's sentence that share a side with g."""
    lo, hi = ev.sent.start_char, ev.sent.end_char
    core = gold_parties(g)
    return [h for h, sp in zip(gold.meetings, spans, strict=True)
            if any(s < hi and e > lo for s, e in sp) and (h is g or gold_parties(h) & core)]


def split_label(group: list[GoldMeeting], wanted: set[str]) -> str | None:
    """ "1" when the sentence's gold meetings are a star of bilaterals, "0" when one meeting
    of three or more sides, None otherwise."""
    if len(group) == 1:
        return "0" if len(wanted) >= 3 else None
    sets = [gold_parties(h) for h in group]
    if all(len(s) == 2 for s in sets) and set.intersection(*sets):
        return "1"
    return None


def gold_sides(ev: Event, wanted: set[str]) -> Parties:
    """The trigger's party options that are gold sides, as the decoder would hold them."""
    parties = Parties()
    for o in sorted(ev.parties, key=lambda o: o.token):
        if party_key(o) in wanted:
            parties.add(o.name, o.kind, o.token)
    return parties


def fit_linear(x: list[Features], y: list[str], c: float) -> Linear:
    """One logistic regression, exported as named weights."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    if len(set(y)) < 2:  # too few rows to learn from: a constant belief
        return Linear(("0", "1"), (5.0 if y and y[0] == "1" else -5.0,), {})
    vec = DictVectorizer(sparse=True, sort=True)
    matrix = vec.fit_transform(x)
    clf = LogisticRegression(C=c, max_iter=3000, random_state=SEED)
    clf.fit(matrix, y)
    names = vec.get_feature_names_out()
    classes = tuple(str(k) for k in clf.classes_)
    coef = {str(n): tuple(float(clf.coef_[r, j]) for r in range(clf.coef_.shape[0]))
            for j, n in enumerate(names) if any(abs(clf.coef_[r, j]) > 1e-6
                                                for r in range(clf.coef_.shape[0]))}
    return Linear(classes, tuple(float(v) for v in clf.intercept_), coef)


def fit(parsed: Iterable[Parsed]) -> Model:
    """The models from labelled articles, each the average of BAGS fits on seeded subsamples
    of BAG_SHARE of the articles (weights averaged, so still one linear model per decision):
    a single fit moved grouped-CV scores by ±0.005 when a handful of training rows changed,
    and averaged it holds place accuracy about 0.01 higher (docs/extraction.md)."""
    items = list(parsed)
    if len(items) < BAGS:  # too few to subsample
        return fit_once(items)
    size = max(1, int(BAG_SHARE * len(items)))
    fits = [fit_once(random.Random(SEED + b).sample(items, size)) for b in range(BAGS)]
    parts = {k: average([getattr(m, k) for m in fits]) for k in (*PARTS, "role")}
    return Model(**parts, thresholds=dict(THRESHOLDS))


def fit_once(items: list[Parsed]) -> Model:
    """The models from labelled articles, fitted once."""
    rows = Rows()
    for p in items:
        label_article(p, rows)
    first = {k: fit_linear(rows.x[k], rows.y[k], C[k]) for k in C if k != "merge"}
    stage = Model(first["event"], first["party"], first["place"], first["date"],
                  first["split"], Linear(("0", "1"), (0.0,), {}), dict(THRESHOLDS),
                  first["role"])
    for p in items:
        label_merges(p, stage, rows)
    merge = fit_linear(rows.x["merge"], rows.y["merge"], C["merge"])
    return replace(stage, merge=merge)


def draft_gold(d: Draft, gold: GoldArticle, spans: list[Spans]) -> GoldMeeting | None:
    """The gold meeting a draft reports: quoted in its sentence, parties alike."""
    lo, hi = d.sent.start_char, d.sent.end_char
    keys = {normalise(n) for n in d.parties.sides}
    best: tuple[float, GoldMeeting] | None = None
    for g, sp in zip(gold.meetings, spans, strict=True):
        if any(s < hi and e > lo for s, e in sp):
            value = jaccard(gold_parties(g), keys)
            if value >= 0.5 and (best is None or value > best[0]):
                best = (value, g)
    return best[1] if best else None


def label_merges(p: Parsed, stage: Model, rows: Rows) -> None:
    """Merge rows from the first-stage drafts of a training article, merged by the gold."""
    spans = evidence_spans(p.gold)
    drafts = [d for d in drafts_of(p.facts, p.events, stage) if not d.joins]
    gold = {id(d): draft_gold(d, p.gold, spans) for d in drafts}

    def oracle(a: Draft, b: Draft) -> float:
        ga, gb = gold[id(a)], gold[id(b)]
        same = gb is None or ga is gb
        rows.add("merge", merge_feats(a, b), str(int(same)))
        return 1.0 if same else -1.0
    greedy(drafts, oracle)
