"""Fitting the linear models on labelled candidates (scikit-learn, deterministic)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ingest.evaluation.gold import GoldArticle
from ingest.evaluation.scoring import gold_parties
from ingest.extraction.facts import DocFacts
from ingest.extraction.learned.align import evidence_spans, gold_for, party_key, status_label
from ingest.extraction.learned.candidates import Event
from ingest.extraction.learned.linear import Features, Linear, Model

SEED = 0
C = {"event": 0.3, "party": 0.5, "place": 0.5, "date": 0.5}
THRESHOLDS = {"event": 0.5, "party": 0.5, "place": 0.2, "date": 0.1}


@dataclass
class Parsed:
    """One gold article, parsed, with its candidates."""

    gold: GoldArticle
    facts: DocFacts
    events: list[Event]
    group: str


@dataclass
class Rows:
    """Training rows of the four models."""

    x: dict[str, list[Features]] = field(default_factory=lambda: {k: [] for k in C})
    y: dict[str, list[str]] = field(default_factory=lambda: {k: [] for k in C})

    def add(self, model: str, feats: Features, label: str) -> None:
        """One row."""
        self.x[model].append(feats)
        self.y[model].append(label)


def label_article(p: Parsed, rows: Rows) -> None:
    """Rows of one article: every trigger; options of the triggers aligned to gold."""
    spans = evidence_spans(p.gold)
    for ev in p.events:
        g = gold_for(ev, p.gold, spans)
        rows.add("event", ev.feats, status_label(g))
        if g is None:
            continue
        wanted = gold_parties(g)
        for o in ev.parties:
            rows.add("party", o.feats, str(int(party_key(o) in wanted)))
        if g.location:
            for pl in ev.places:
                rows.add("place", pl.feats, str(int(pl.place.name.lower() == g.location.lower())))
        if g.date:
            date = g.date
            for d in ev.dates:
                rows.add("date", d.feats, str(int(d.when.value.startswith(date))))


def fit_linear(x: list[Features], y: list[str], c: float) -> Linear:
    """One logistic regression, exported as named weights."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

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
    """The four models from labelled articles."""
    rows = Rows()
    for p in parsed:
        label_article(p, rows)
    models = {k: fit_linear(rows.x[k], rows.y[k], C[k]) for k in C}
    return Model(models["event"], models["party"], models["place"], models["date"],
                 dict(THRESHOLDS))
