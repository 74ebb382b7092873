"""graph.rows (pure): identity comes from the extractor's keys when it gives them."""

from __future__ import annotations

from graph.records import Entity, Extraction, Meeting, Participant
from graph.rows import to_rows


def test_entity_keys_from_the_extractor_are_kept_and_names_resolve_to_them() -> None:
    entities = (Entity(name="Côte d'Ivoire", type="Country", iso3="CIV", key="CIV",
                       aliases=("Ivory Coast",)),
                Entity(name="African Union", type="Organization", key="org:au",
                       aliases=("AU",)),
                Entity(name="Abidjan", type="City", country="Côte d'Ivoire",
                       key="city:civ:abidjan"))
    meeting = Meeting(evidence="x", start=0, end=1, kind="talks", confidence=0.8,
                      participants=(Participant(name="African Union", type="Organization"),
                                    Participant(name="Ivory Coast", type="Country")),
                      countries=("Ivory Coast",), location="Abidjan",
                      location_country="Côte d'Ivoire")
    rows = to_rows(Extraction(entities=entities, meetings=(meeting,), extractor_version="t"))
    assert {r["key"] for r in rows.entities} == {"CIV", "org:au", "city:civ:abidjan"}
    (row,) = rows.meetings
    assert row["sides"] == "CIV" and row["place"] == "city:civ:abidjan"
    assert {p["key"] for p in row["participants"]} == {"CIV", "org:au"}
    assert {p["confidence"] for p in row["participants"]} == {0.8}  # not rated apart


def test_without_keys_they_are_derived_from_names() -> None:
    rows = to_rows(Extraction(entities=(Entity(name="African Union", type="Organization"),),
                              extractor_version="t"))
    assert [r["key"] for r in rows.entities] == ["org:african-union"]
