"""Confidence: participants and roles carry the model's probability, eval reports thresholds."""

from __future__ import annotations

from typing import Any, cast

from app.cli_learn import cv_markdown, cv_payload
from graph.records import Extraction, Meeting, Participant, Role
from ingest.evaluation.gold import GoldArticle
from ingest.evaluation.thresholds import CUTS, by_threshold, participants_at, score_at
from ingest.extraction.learned.cv import cross_validate
from ingest.extraction.learned.train import Parsed
from ingest.extraction.meetings import Draft
from ingest.extraction.merge import absorb
from ingest.extraction.parties import Parties
from tests.extraction.conftest import Run


def test_participants_and_roles_carry_probabilities(run: Run) -> None:
    result = run("Kenyan President Amara Odhiambo met Ghanaian Foreign Minister Kofi Mensah "
                 "in Accra on Monday to discuss trade.")
    (meeting,) = result.meetings
    assert {p.type for p in meeting.participants} == {"Country", "Person"}
    for p in meeting.participants:
        assert p.confidence is not None and 0.0 < p.confidence <= 1.0
    assert {(r.person, r.country) for r in result.roles} == {
        ("Amara Odhiambo", "Kenya"), ("Kofi Mensah", "Ghana")}
    assert all(0.0 < r.confidence <= 1.0 for r in result.roles)


def test_a_weak_rule_gives_a_less_confident_role(run: Run) -> None:
    adjacent = run("Kenyan President Amara Odhiambo spoke to reporters on Monday.")
    nearest = run("During a stop in Peru on Monday, President Carlos Rivas spoke to reporters.")
    (strong,) = adjacent.roles
    (weak,) = nearest.roles
    assert strong.country == "Kenya" and weak.country == "Peru"
    assert weak.confidence < strong.confidence


def test_a_merged_meeting_keeps_the_highest_belief_per_side() -> None:
    def draft(scores: dict[str, float]) -> Draft:
        parties = Parties()
        for name in scores:
            parties.add(name, "Country")
        return Draft(cast(Any, None), cast(Any, None), parties, "talks", "held", None, None,
                     set(), score=0.8, side_scores=scores)
    into = draft({"Chile": 0.6, "Peru": 0.9})
    absorb(into, draft({"Chile": 0.95, "Peru": 0.7}))
    assert into.side_scores == {"Chile": 0.95, "Peru": 0.9}


TEXT = "Chile and Peru held talks in Lima on Monday."


def gold_article() -> GoldArticle:
    return GoldArticle.model_validate({
        "id": "x1", "text": TEXT, "meetings": [{
            "participants": [{"name": "Ana Soto", "type": "Person"}],
            "countries": ["Chile", "Peru"], "evidence": TEXT}],
        "roles": [{"person": "Ana Soto", "country": "Chile"}]})


def prediction() -> Extraction:
    meeting = Meeting(evidence=TEXT, start=0, end=len(TEXT), countries=("Chile", "Peru", "Bolivia"),
                      kind="talks", confidence=0.8, participants=(
                          Participant(name="Chile", type="Country", confidence=0.95),
                          Participant(name="Peru", type="Country", confidence=0.75),
                          Participant(name="Bolivia", type="Country", confidence=0.55),
                          Participant(name="Ana Soto", type="Person")))  # the meeting's 0.8
    roles = (Role(evidence=TEXT, start=0, end=4, person="Ana Soto", title="Minister",
                  country="Chile", confidence=0.9),
             Role(evidence=TEXT, start=0, end=4, person="Luis Paz", title="President",
                  country="Peru", confidence=0.4))
    return Extraction(meetings=(meeting,), roles=roles, extractor_version="test")


def test_participants_below_a_threshold_are_dropped() -> None:
    kept = participants_at(prediction(), 0.7).meetings[0]
    assert [p.name for p in kept.participants] == ["Chile", "Peru", "Ana Soto"]
    assert kept.countries == ("Chile", "Peru")
    assert participants_at(prediction(), 0.9).meetings[0].countries == ("Chile",)


def test_threshold_scores_of_pairs_persons_and_roles() -> None:
    low = score_at(gold_article(), prediction(), 0.3)
    assert (low.pairs.tp, low.pairs.fp, low.pairs.fn) == (1, 2, 0)
    assert (low.roles.tp, low.roles.fp) == (1, 1) and low.persons.tp == 1
    high = score_at(gold_article(), prediction(), 0.7)
    assert (high.pairs.tp, high.pairs.fp) == (1, 0) and (high.roles.tp, high.roles.fp) == (1, 0)
    top = score_at(gold_article(), prediction(), 0.9)
    assert (top.pairs.tp, top.pairs.fn) == (0, 1) and top.persons.tp == 0


def test_calibration_counts_each_rated_item() -> None:
    _, cal = by_threshold([(gold_article(), prediction())])
    summary = cal.summary()
    assert summary["sides"][">=0.5"] == {"n": 3, "right": 2, "precision": 0.6667}
    assert summary["sides"]["0.9-1.0"]["right"] == 1
    assert summary["roles"][">=0.3"]["n"] == 2 and summary["roles"][">=0.5"]["right"] == 1
    assert summary["persons"]["0.8-0.9"] == {"n": 1, "right": 1, "precision": 1.0,
                                             "mean_confidence": 0.8}




def test_cv_reports_participant_and_role_thresholds(sample: list[Parsed]) -> None:
    report = cross_validate(sample, 6)
    payload = cv_payload(report, None)
    table = payload["by_participant_confidence"]
    assert sorted(table) == sorted(str(c) for c in CUTS)
    for cut in table.values():
        assert set(cut) == {"meeting_pairs", "person_participants", "roles"}
        assert {"precision", "recall", "f1"} <= set(cut["roles"])
    assert set(payload["calibration"]) == {"sides", "persons", "roles"}
    assert payload["calibration"]["roles"][">=0.3"]["n"] > 0
    # keeping fewer roles never finds more of them
    found = [table[str(c)]["roles"]["tp"] for c in CUTS]
    assert found == sorted(found, reverse=True)
    text = cv_markdown(report, None)
    assert "| participants / roles kept |" in text and "confidence ≥ 0.9" in text
