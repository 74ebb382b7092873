"""ingest.extraction.merge (pure): which drafts are one encounter, and what the kept one gains."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, cast

from ingest.extraction.dates import ResolvedDate
from ingest.extraction.learned.merging import distinct, greedy
from ingest.extraction.meetings import Draft
from ingest.extraction.mentions import Mention
from ingest.extraction.merge import absorb, clash, compatible, merge
from ingest.extraction.parties import Parties
from ingest.extraction.people import Person


def place(name: str, country: str) -> Mention:
    return Mention("place", name, 0, 1, "city" if name != country else "name", country=country)


def draft(sides: tuple[str, ...] = ("Chile", "Peru"), *, sentence: int = 0, kind: str = "talks",
          status: str = "held", where: Mention | None = None, when: str | None = None,
          people: tuple[str, ...] = (), score: float | None = None,
          sure: bool = True) -> Draft:
    parties = Parties()
    for side in sides:
        parties.add(side, "Country")
    parties.people.extend(Person(p) for p in people)
    date = ResolvedDate(when, "day" if len(when) == 10 else "month" if len(when) == 7
                        else "year") if when else None
    sent = SimpleNamespace(start=sentence, end=sentence + 1)
    return Draft(cast(Any, None), cast(Any, sent), parties, kind, status, where, date, set(),
                 score=score, place_sure=sure)


LIMA, CUSCO, PERU = place("Lima", "Peru"), place("Cusco", "Peru"), place("Peru", "Peru")


def test_two_cities_clash_but_a_city_and_its_own_country_do_not() -> None:
    assert clash(draft(where=LIMA), draft(where=CUSCO))
    assert not clash(draft(where=LIMA), draft(where=PERU))
    assert not clash(draft(where=LIMA), draft(where=None))
    assert not clash(draft(where=LIMA), draft(where=place("Lima", "Peru")))


def test_only_places_the_model_is_sure_of_tell_two_reports_apart() -> None:
    assert distinct(draft(where=LIMA), draft(where=CUSCO, sentence=5))
    assert not distinct(draft(where=LIMA), draft(where=CUSCO, sentence=5, sure=False))
    assert not distinct(draft(where=LIMA, sure=False), draft(where=CUSCO, sentence=5))
    # another day still is another encounter, however unsure the place
    assert distinct(draft(when="2021-03-08", where=LIMA, sure=False),
                    draft(when="2021-03-09", where=LIMA, sentence=5))


def test_sides_status_and_place_must_agree() -> None:
    assert compatible(draft(), draft(sentence=5))
    assert not compatible(draft(), draft(("Chile", "Bolivia"), sentence=5))
    assert not compatible(draft(), draft(status="planned", sentence=5))
    assert not compatible(draft(where=LIMA), draft(where=CUSCO))  # even in one sentence


def test_in_other_sentences_dates_must_nest_and_a_visit_stays_a_visit() -> None:
    assert compatible(draft(when="2021-03"), draft(when="2021-03-09", sentence=5))
    assert not compatible(draft(when="2021-03-08"), draft(when="2021-03-09", sentence=5))
    assert not compatible(draft(kind="visit"), draft(kind="talks", sentence=5))
    assert compatible(draft(kind="visit"), draft(kind="talks"))  # one sentence: one encounter


def test_undated_drafts_in_other_sentences_need_a_kind_in_common() -> None:
    assert compatible(draft(kind="summit"), draft(kind="summit", sentence=5))
    assert compatible(draft(kind="summit"), draft(kind="meeting", sentence=5))
    assert not compatible(draft(kind="summit"), draft(kind="phone_call", sentence=5))


def test_absorb_takes_the_sharper_date_and_city_and_the_people() -> None:
    into = draft(where=PERU, when="2021-03", people=("Ana Soto",), score=0.4)
    absorb(into, draft(where=LIMA, when="2021-03-09", kind="summit",
                       people=("Ana Soto", "Luis Vera"), score=0.7))
    assert into.when == ResolvedDate("2021-03-09", "day")
    assert into.place == LIMA
    assert [p.name for p in into.parties.people] == ["Ana Soto", "Luis Vera"]
    assert into.kind == "summit"  # more specific than talks
    assert into.score == 0.7


def test_absorb_keeps_what_it_has_against_a_vaguer_or_other_year_report() -> None:
    into = draft(where=LIMA, when="2021-03-09", kind="summit", score=0.9)
    absorb(into, draft(where=CUSCO, when="2020-05-01", kind="talks", score=0.2))
    assert (into.when, into.place, into.kind, into.score) == (
        ResolvedDate("2021-03-09", "day"), LIMA, "summit", 0.9)
    visit = draft(kind="talks")
    absorb(visit, draft(kind="visit"))
    assert visit.kind == "talks"  # a visit's kind is never taken over


def test_merge_keeps_distinct_encounters_in_order_of_first_report() -> None:
    first = draft(when="2021-03", sentence=0)
    other_pair = draft(("Chile", "Bolivia"), sentence=1)
    same_as_first = draft(when="2021-03-09", sentence=2)
    elsewhere = draft(where=CUSCO, sentence=3)
    later = draft(when="2021-05-01", sentence=4)
    got = merge([first, other_pair, same_as_first, elsewhere, later])
    assert got == [first, other_pair, later]  # `elsewhere` joined `first` (it had no place)
    assert first.when == ResolvedDate("2021-03-09", "day") and first.place == CUSCO


def test_a_later_telling_with_one_side_more_joins_only_from_the_next_sentence() -> None:
    def always(_a: Draft, _b: Draft) -> float:
        return 1.0
    call = draft(("Chile", "Peru"), sentence=0, score=0.9)
    call.side_scores = {"Chile": 0.9, "Peru": 0.9}
    topic = draft(("Chile", "Peru", "Bolivia"), sentence=1, people=("Ana Soto",))
    topic.side_scores = {"Chile": 0.6, "Bolivia": 0.55}
    assert greedy([call, topic], always) == [call]
    assert set(call.parties.sides) == {"Chile", "Peru"}  # the sides it was first told with
    assert call.side_scores == {"Chile": 0.9, "Peru": 0.9}  # no belief in a side it lacks
    assert [p.name for p in call.parties.people] == ["Ana Soto"]
    for later in (draft(("Chile", "Peru", "Bolivia"), sentence=2),  # not the next sentence
                  draft(("Chile",), sentence=1),  # one side shared
                  draft(("Chile", "Bolivia"), sentence=1)):  # another pair
        assert len(greedy([draft(sentence=0), later], always)) == 2
