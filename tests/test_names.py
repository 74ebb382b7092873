"""The reference name tables graph.names builds: what the API resolves, what the writer keys."""

from __future__ import annotations

from graph.names import country_codes, reference_keys


def test_reference_keys_cover_countries_capitals_and_organisations() -> None:
    keys = reference_keys()
    assert keys["dprk"] == keys["north korea"] == "PRK"
    assert keys["paris"] == keys["french"] == "FRA"  # capital and demonym name the country
    assert keys["u.n."] == "org:united-nations"


def test_country_codes_are_countries_by_name_and_demonym_only() -> None:
    codes = country_codes()
    assert codes["north korea"] == codes["dprk"] == "PRK" and codes["french"] == "FRA"
    assert "paris" not in codes and "nato" not in codes
