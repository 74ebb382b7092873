"""Exports over the real Neo4j: meetings as CSV / JSONL / Parquet, dyad rows with CAMEO and
PLOVER codes, and GraphML; each loaded back with pandas or networkx, counts equal to the API's."""

from __future__ import annotations

import json
from pathlib import Path

import neo4j
import networkx as nx
import pandas as pd
import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from app.cli import cli
from graph import exports
from graph.articles import ArticleStore
from graph.settings import Neo4jSettings
from graph.writer import write_extraction
from tests.service.factories import article, extraction, meeting
from tests.service.test_workers import env_for

THIRD_PARTY = meeting()  # Japan and North Korea in Beijing (China), 2012-08-29
HOSTED = meeting(("China", "North Korea"), "2013-05", "month", start=100)
CALL = meeting(("Japan", "China"), "2014-01-02", place=None, start=200).model_copy(
    update={"kind": "phone_call"})
SUMMIT = meeting(("Japan", "China", "South Korea"), "2015-03-04", start=300).model_copy(
    update={"kind": "summit"})


@pytest.fixture
def loaded(empty_graph: neo4j.Driver, neo4j_settings: Neo4jSettings,
           monkeypatch: pytest.MonkeyPatch) -> neo4j.Driver:
    for key, value in env_for(neo4j_settings).items():
        if key.startswith("NEO4J_"):
            monkeypatch.setenv(key, value)
    a1, a2 = article(1, url="https://example.org/a1"), article(2, url="https://example.org/a2")
    ArticleStore(empty_graph).store([a1, a2])
    write_extraction(empty_graph, a1.id, extraction(THIRD_PARTY, CALL))
    write_extraction(empty_graph, a2.id, extraction(HOSTED, SUMMIT))
    return empty_graph


def export(*args: str) -> str:
    result = CliRunner().invoke(cli, ["export", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_meetings_load_in_pandas_in_every_format(loaded: neo4j.Driver, client: TestClient,
                                                 tmp_path: Path) -> None:
    api_count = client.get("/meetings").json()["count"]
    assert api_count == 4
    export("meetings", "--format", "csv", "-o", str(tmp_path / "m.csv"))
    export("meetings", "--format", "jsonl", "-o", str(tmp_path / "m.jsonl"))
    export("meetings", "--format", "parquet", "-o", str(tmp_path / "m.parquet"))
    frames = {"csv": pd.read_csv(tmp_path / "m.csv"),
              "jsonl": pd.read_json(tmp_path / "m.jsonl", lines=True),
              "parquet": pd.read_parquet(tmp_path / "m.parquet")}
    for fmt, frame in frames.items():
        assert len(frame) == api_count, fmt
        assert list(frame.columns) == list(exports.MEETING_COLUMNS), fmt
    csv, jsonl, parquet = frames["csv"], frames["jsonl"], frames["parquet"]
    assert list(csv["date"]) == ["2012-08-29", "2013-05", "2014-01-02", "2015-03-04"]
    assert csv["countries"][0] == "JPN|PRK" and list(jsonl["countries"][3]) == ["CHN", "JPN",
                                                                                "KOR"]
    assert list(parquet["countries"][1]) == ["CHN", "PRK"]
    assert jsonl["place"][0] == "Beijing" and jsonl["place_country"][0] == "CHN"
    assert jsonl["source_urls"][0] == ["https://example.org/a1"] and jsonl["reports"][0] == 1
    assert csv["kind"][2] == "phone_call" and pd.isna(csv["place"][2])
    assert list(jsonl["issues"][0]) == ["abductions"]
    assert parquet["confidence"][0] == pytest.approx(0.9)


def test_filters_are_those_of_the_api(loaded: neo4j.Driver, client: TestClient,
                                      tmp_path: Path) -> None:
    params = {"participant": ["Japan"], "since": "2013-01-01"}
    api_count = client.get("/meetings", params=params).json()["count"]
    export("meetings", "-f", "jsonl", "-o", str(tmp_path / "j.jsonl"), "--participant", "Japan",
           "--since", "2013-01-01")
    rows = pd.read_json(tmp_path / "j.jsonl", lines=True)
    assert len(rows) == api_count == 2
    result = CliRunner().invoke(cli, ["export", "meetings", "--participant", "Atlantis"])
    assert result.exit_code == 2 and "Atlantis" in result.output
    export("meetings", "-f", "jsonl", "-o", str(tmp_path / "y.jsonl"), "--since", "2013",
           "--until", "2014-01")  # years and months, as on /articles
    dates = pd.read_json(tmp_path / "y.jsonl", lines=True, convert_dates=False)["date"]
    assert list(dates) == ["2013-05", "2014-01-02"]
    for bad in ("2014-13", "14"):
        result = CliRunner().invoke(cli, ["export", "meetings", "--until", bad])
        assert result.exit_code == 2 and "--until" in result.output


def test_dyad_rows_carry_cameo_and_plover(loaded: neo4j.Driver, tmp_path: Path) -> None:
    export("meetings", "--dyads", "-f", "csv", "-o", str(tmp_path / "d.csv"))
    dyads = pd.read_csv(tmp_path / "d.csv", dtype={"cameo": str})
    assert list(dyads.columns) == list(exports.DYAD_COLUMNS)
    got = {(r.meeting_date, r.source, r.target): (r.cameo, r.plover_mode)
           for r in dyads.rename(columns={"date": "meeting_date"}).itertuples()}
    assert got == {
        ("2012-08-29", "JPN", "PRK"): ("044", "third-party"),  # held in China
        ("2013-05", "CHN", "PRK"): ("043", "visit"),  # China hosted
        ("2014-01-02", "CHN", "JPN"): ("041", "phone"),
        ("2015-03-04", "CHN", "JPN"): ("043", "multilateral"),
        ("2015-03-04", "CHN", "KOR"): ("043", "multilateral"),
        ("2015-03-04", "JPN", "KOR"): ("044", "multilateral"),
    }
    assert set(dyads["plover"]) == {"CONSULT"}


def test_encounter_codes_from_each_side() -> None:
    row = {"kind": "visit", "place_country": "JPN", "countries": ["CHN", "JPN"]}
    assert exports.encounter(row, "CHN", "JPN") == ("042", "visit")  # China visited Japan
    assert exports.encounter(row, "JPN", "CHN") == ("043", "visit")  # Japan hosted
    assert exports.encounter({**row, "place_country": None}, "CHN", "JPN") == ("040", None)
    assert exports.encounter({**row, "kind": "negotiation"}, "CHN", "JPN") == ("046", "visit")


def test_stdout_jsonl_and_parquet_needs_a_file(loaded: neo4j.Driver) -> None:
    result = CliRunner().invoke(cli, ["export", "meetings", "-f", "jsonl"])
    assert result.exit_code == 0
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(lines) == 4
    result = CliRunner().invoke(cli, ["export", "meetings", "-f", "parquet"])
    assert result.exit_code == 2 and "--output" in result.output


def test_graphml_loads_in_networkx(loaded: neo4j.Driver, tmp_path: Path) -> None:
    path = tmp_path / "g.graphml"
    output = export("graph", "--format", "graphml", "-o", str(path))
    g = nx.read_graphml(path)
    meetings = [n for n, d in g.nodes(data=True) if d.get("label") == "Meeting"]
    assert len(meetings) == 4
    assert g.nodes["JPN"]["name"] == "Japan" and g.nodes["JPN"]["label"] == "Country"
    participations = [e for e in g.edges(data=True) if e[2].get("type") == "PARTICIPATED_IN"]
    assert len(participations) >= 2 + 2 + 2 + 3
    assert f"{g.number_of_nodes()} nodes, {g.number_of_edges()} edges" in output


def test_the_endpoint_streams_csv_and_jsonl_with_the_apis_count(loaded: neo4j.Driver,
                                                                 client: TestClient,
                                                                 tmp_path: Path) -> None:
    params = {"participant": "Japan"}
    count = client.get("/meetings", params=params).json()["count"]
    r = client.get("/export/meetings", params={**params, "format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.headers["x-total-count"] == str(count) == "3"
    (tmp_path / "e.csv").write_text(r.text)
    assert len(pd.read_csv(tmp_path / "e.csv")) == count
    r = client.get("/export/meetings", params={"format": "jsonl", "dyads": "true"})
    assert r.headers["content-type"].startswith("application/x-ndjson")
    (tmp_path / "d.jsonl").write_text(r.text)
    dyads = pd.read_json(tmp_path / "d.jsonl", lines=True, dtype={"cameo": str})
    assert len(dyads) == 6 and set(dyads["plover"]) == {"CONSULT"}


def test_the_endpoint_refuses_what_it_cannot_do(loaded: neo4j.Driver, client: TestClient) -> None:
    r = client.get("/export/meetings", params={"format": "parquet"})
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["query", "format"]
    r = client.get("/export/meetings", params={"participant": "Atlantis"})
    assert r.status_code == 404 and "Atlantis" in r.json()["detail"]
    r = client.get("/export/meetings", params={"since": "2015-01-01", "until": "2014-01-01"})
    assert r.status_code == 400
