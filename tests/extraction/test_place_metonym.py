"""A side's capital standing for its government is no meeting place (invented names)."""

from ingest.extraction.learned.decode import unmetonym
from ingest.extraction.learned.options import PlaceOption
from ingest.extraction.mentions import Mention


def capital(feats: dict[str, float]) -> PlaceOption:
    return PlaceOption(Mention("place", "Capitalton", 3, 4, "capital", "Freedonia"), feats)


def test_metonymic_capital_of_a_side_becomes_its_country() -> None:
    place = unmetonym(capital({"head=said": 1.0}), {"Freedonia", "Sylvania"})
    assert (place.name, place.country) == ("Freedonia", "Freedonia")


def test_locative_capital_stays() -> None:
    assert unmetonym(capital({"head=in": 1.0}), {"Freedonia"}).name == "Capitalton"
    assert unmetonym(capital({"locative": 1.0}), {"Freedonia"}).name == "Capitalton"


def test_capital_of_no_side_stays() -> None:
    assert unmetonym(capital({"head=said": 1.0}), {"Sylvania"}).name == "Capitalton"
