"""The learned extractor: reproducible training, honest cross-validation, a loadable model."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language

from ingest.extraction.learned.build import digest, model_text
from ingest.extraction.learned.corpus import group_of, groups
from ingest.extraction.learned.cv import cross_validate, folds
from ingest.extraction.learned.linear import MODEL_PATH, Linear, average, load_model
from ingest.extraction.learned.model_version import MODEL_HASH
from ingest.extraction.learned.train import BAGS, Parsed, fit, fit_once
from ingest.extraction.version import EXTRACTOR_VERSION
from tests.extraction.conftest import Run


def test_training_is_reproducible(sample: list[Parsed]) -> None:
    assert model_text(fit(sample)) == model_text(fit(sample))


def test_cv_never_scores_a_trained_group(sample: list[Parsed]) -> None:
    report = cross_validate(sample, 6)
    scored = [g for _, held in report.folds for g in held]
    assert sorted(scored) == sorted({p.group for p in sample})  # each group scored once
    for trained, held in report.folds:
        assert not set(trained) & set(held)
        trained_ids = {p.gold.id for p in sample if p.group in trained}
        held_ids = {p.gold.id for p in sample if p.group in held}
        assert trained_ids and held_ids and not trained_ids & held_ids


def test_folds_deal_whole_groups() -> None:
    names = ["a", "b", "c", "d", "e"]
    assert folds(names, 2) == [["a", "c", "e"], ["b", "d"]]
    assert folds(names, 9) == [[n] for n in names]


def test_source_groups_cover_the_train_ids() -> None:
    table = groups()
    assert group_of("t001", table) == "reuters-1987"
    assert group_of("t150", table) == "state-dept"
    assert group_of("a00", table) == "other"
    assert len(table) == 6


def test_committed_model_matches_its_hash() -> None:
    text = MODEL_PATH.read_text("utf-8")
    assert digest(text) == MODEL_HASH
    assert EXTRACTOR_VERSION.endswith(MODEL_HASH)
    assert len(text) < 2_000_000


def test_nothing_loads_at_import() -> None:
    code = ("import sys, ingest.extraction, ingest.extraction.learned.linear as l;"
            "print(l.load_model.cache_info().currsize, 'sklearn' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.split() == ["0", "False"]


def test_linear_round_trip() -> None:
    binary = Linear(("0", "1"), (0.5,), {"a": (1.0,), "b": (-2.0,)})
    multi = Linear(("held", "none", "planned"), (0.0, 0.1, -0.1), {"a": (1.0, 0.0, -1.0)})
    for model in (binary, multi):
        again = Linear.from_json(model.to_json())
        feats = {"a": 1.0, "b": 1.0, "unseen": 3.0}
        assert again.proba(feats) == pytest.approx(model.proba(feats))
        assert sum(model.proba(feats).values()) == pytest.approx(1.0)
    assert binary.positive({"b": 1.0}) < 0.5 < binary.positive({"a": 1.0})


def test_committed_model_finds_a_made_up_meeting(run: Run) -> None:
    load_model()
    result = run("The foreign ministers of Chile and Peru held talks in Lima on Monday.")
    (meeting,) = result.meetings
    assert set(meeting.countries) == {"Chile", "Peru"}
    assert meeting.location == "Lima" and meeting.date == "2021-03-08"
    assert meeting.status == "held" and 0.5 <= meeting.confidence <= 1.0


def test_committed_model_keeps_a_summit_whole(run: Run) -> None:
    result = run("Leaders of Norway, Sweden, Finland and Denmark held a summit in Oslo on Friday.")
    (meeting,) = result.meetings
    assert set(meeting.countries) == {"Norway", "Sweden", "Finland", "Denmark"}
    assert meeting.location == "Oslo"


def test_committed_model_reads_a_plan(run: Run) -> None:
    result = run("The president of Kenya will visit Tanzania next week for talks in Dodoma.")
    assert [m.status for m in result.meetings] == ["planned"]
    assert set(result.meetings[0].countries) == {"Kenya", "Tanzania"}


def test_lexical_features_see_names_only_as_names(nlp: Language) -> None:
    from ingest.extraction.learned.linear import word

    doc = nlp("Foreign Minister Alvarez met envoys from Norway in Lima.")
    assert {word(t) for t in doc if t.text in ("Alvarez", "Norway", "Lima")} == {"<NAME>"}
    assert word(doc[3]) == "met" and word(doc[4]) == "envoys"


def test_average_is_the_mean_of_the_weights() -> None:
    one = Linear(("0", "1"), (1.0,), {"a": (2.0,)})
    two = Linear(("0", "1"), (-1.0,), {"a": (4.0,), "b": (-2.0,)})
    odd = Linear(("held", "none"), (9.0, 9.0), {"a": (9.0, 9.0)})  # other classes: left out
    mean = average([one, two, odd, one])
    assert mean.classes == ("0", "1")
    assert mean.intercept == pytest.approx((1.0 / 3,))
    assert mean.coef["a"] == pytest.approx((8.0 / 3,))
    assert mean.coef["b"] == pytest.approx((-2.0 / 3,))


def test_fit_averages_seeded_subsamples(sample: list[Parsed]) -> None:
    bagged = fit(sample)
    assert len(sample) >= BAGS
    single = fit_once(sample)
    assert model_text(bagged) != model_text(single)  # the subsamples differ from the whole
