"""Scoring as shared/eval/README.md describes it, on hand-made records."""

from __future__ import annotations

from graph.records import Extraction, Meeting, Participant, Role
from ingest.evaluation.gold import GoldArticle, GoldMeeting, GoldParticipant, GoldRole
from ingest.evaluation.names import normalise, surname
from ingest.evaluation.scoring import evaluate


def meeting(countries: tuple[str, ...], location: str | None = None, date: str | None = None,
            people: tuple[str, ...] = (), orgs: tuple[str, ...] = ()) -> Meeting:
    parts = [Participant(name=c, type="Country") for c in countries]
    parts += [Participant(name=o, type="Organization") for o in orgs]
    parts += [Participant(name=p, type="Person") for p in people]
    return Meeting(evidence="x", start=0, end=1, participants=tuple(parts), countries=countries,
                   location=location, date=date, kind="talks", confidence=0.5)


def gold(meetings: list[GoldMeeting], roles: list[GoldRole] | None = None) -> GoldArticle:
    return GoldArticle(id="g", text="x", meetings=meetings, roles=roles or [])


def test_name_normalisation() -> None:
    assert normalise("The U.S.") == "united states"
    assert normalise("DPRK") == "north korea"
    assert normalise("Britain") == "united kingdom"
    assert normalise("Russian Federation") == "russia"
    assert normalise("China's") == "china"
    assert surname("Mr. John Smith") == "smith"


def test_pairs_micro_average_and_optional_past() -> None:
    g = gold([GoldMeeting(countries=["Chile", "Peru"]),
              GoldMeeting(countries=["Chile", "Bolivia"], status="past")])
    pred = Extraction(meetings=(meeting(("Chile", "Peru", "Bolivia")),), extractor_version="t")
    score = evaluate([(g, pred)])
    # chile-peru TP; chile-bolivia optional; peru-bolivia FP
    assert (score.pairs.tp, score.pairs.fp, score.pairs.fn) == (1, 1, 0)


def test_major_organisation_counts_as_party() -> None:
    g = gold([GoldMeeting(participants=[GoldParticipant(name="EU", type="Organization")],
                          countries=["Norway"])])
    pred = Extraction(meetings=(meeting(("Norway",), orgs=("European Union",)),),
                      extractor_version="t")
    score = evaluate([(g, pred)])
    assert score.pairs.tp == 1 and score.meetings.tp == 1


def test_place_date_people_and_roles() -> None:
    g = gold([GoldMeeting(participants=[GoldParticipant(name="Ana Ruiz", type="Person")],
                          countries=["Chile", "Peru"], location="Lima", date="2021-03")],
             roles=[GoldRole(person="Ana Ruiz", country="Peru"),
                    GoldRole(person="Bo Li", country="China")])
    pred = Extraction(meetings=(meeting(("Peru", "Chile"), "lima", "2021-03-08", ("Ana Ruiz",)),),
                      roles=(Role(evidence="x", start=0, end=1, person="Ana Ruiz", title="t",
                                  country="Peru"),), extractor_version="t")
    score = evaluate([(g, pred)])
    assert score.place.value == 1.0 and score.date.value == 1.0 and score.persons.value == 1.0
    assert (score.roles.tp, score.roles.fp, score.roles.fn) == (1, 0, 1)


def test_meetings_match_one_to_one() -> None:
    g = gold([GoldMeeting(countries=["Chile", "Peru"])])
    pred = Extraction(meetings=(meeting(("Chile", "Peru")), meeting(("Peru", "Chile"))),
                      extractor_version="t")
    score = evaluate([(g, pred)])
    assert (score.meetings.tp, score.meetings.fp, score.meetings.fn) == (1, 1, 0)


def test_every_organisation_the_scoring_rules_list_is_a_party() -> None:
    from ingest.evaluation.scoring import org_party

    listed = ["EU", "European Commission", "NATO", "UN", "WTO", "ASEAN", "IAEA", "eurozone",
              "African Union", "Arab League", "G7", "G8", "G20", "IMF", "World Bank", "OSCE",
              "GCC", "OPEC", "SCO", "BRICS", "OAS"]
    assert [o for o in listed if org_party(o) is None] == []
    assert org_party("Shanghai Cooperation Organisation") == org_party("SCO")
    assert org_party("Organization of American States") == org_party("OAS")
    assert org_party("Red Cross") is None


def test_the_organisations_the_scoring_counts_can_be_sides() -> None:
    """The reference data lets every body the scoring counts be a side of a meeting (a body
    the extractor never offers as a side loses every pair it takes part in)."""
    from ingest.evaluation.names import MAJOR_ORGS
    from ingest.evaluation.scoring import org_party
    from reference.gazetteer import load_gazetteer

    gaz = load_gazetteer()
    sides = {org_party(o.name) for o in gaz.organizations.values() if o.major}
    assert sorted(MAJOR_ORGS - sides) == []
