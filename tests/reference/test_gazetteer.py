"""Reference data covers every country, with demonyms, capitals and provenance."""

from __future__ import annotations

import json
import subprocess
import sys

import pycountry

from reference.gazetteer import DATA_DIR, load_gazetteer


def test_every_iso_country_is_present() -> None:
    gaz = load_gazetteer()
    assert {c.alpha_3 for c in pycountry.countries} <= set(gaz.countries)


def test_sovereign_states_have_demonym_and_capital() -> None:
    gaz = load_gazetteer()
    for code in ("FRA", "NGA", "BRA", "IDN", "KAZ", "FJI", "BOL", "URY", "MNG"):
        assert gaz.countries[code].demonyms and gaz.countries[code].capital


def test_historic_states() -> None:
    gaz = load_gazetteer()
    assert gaz.countries["SUN"].name == "Soviet Union"
    assert gaz.countries["DEW"].capital == "Bonn"


def test_every_data_file_has_provenance() -> None:
    for path in DATA_DIR.glob("*.json"):
        assert json.loads(path.read_text("utf-8"))["_provenance"], path.name


def test_the_package_stands_alone() -> None:
    """Both ingest and graph read it, so it imports neither they nor spaCy."""
    code = ("import sys, reference.gazetteer as g; g.load_gazetteer()\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('spacy', 'app', 'graph', 'ingest')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=120)
    assert out.stdout.strip() == "[]"



def test_congo_is_named_as_wire_copy_names_it() -> None:
    surfaces = load_gazetteer().surfaces
    for text in ("Congo", "Democratic Republic of Congo", "DRC", "Congo-Kinshasa"):
        assert {r.key for r in surfaces[text]} == {"COD"}, text
    for text in ("Republic of Congo", "Congo Republic", "Congo-Brazzaville"):
        assert {r.key for r in surfaces[text]} == {"COG"}, text
