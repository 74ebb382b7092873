"""GET /articles/{id}/facts, `published` date-times, and YYYY / YYYY-MM bounds on /articles."""

from __future__ import annotations

import neo4j
from fastapi.testclient import TestClient

from graph.articles import ArticleStore
from graph.records import Extraction
from graph.writer import write_extraction
from tests.service.factories import VERSION, article, extraction, meeting


def test_facts_carry_evidence_and_this_articles_confidence(empty_graph: neo4j.Driver,
                                                           client: TestClient) -> None:
    a1, a2 = article(1), article(2)
    ArticleStore(empty_graph).store([a1, a2])
    write_extraction(empty_graph, a1.id, extraction(meeting()))
    write_extraction(empty_graph, a2.id, extraction(meeting(("China", "North Korea"), "2013-05")))
    r = client.get(f"/articles/{a1.id}/facts")
    assert r.status_code == 200, r.text
    facts = r.json()
    assert facts["status"] == "done" and facts["empty"] is False and facts["note"] is None
    (talks,) = facts["meetings"]
    assert talks["date"] == "2012-08-29" and talks["kind"] == "talks"
    assert talks["evidence"].startswith("Japanese and North Korean officials")
    assert (talks["start"], talks["end"]) == (0, 58) and talks["confidence"] == 0.9
    assert talks["place"]["name"] == "Beijing" and talks["issues"] == ["abductions"]
    assert {p["name"] for p in talks["participants"]} == {"Japan", "North Korea"}
    assert all(p["confidence"] is not None for p in talks["participants"])
    (role,) = facts["roles"]
    assert role["person"]["name"] == "Kim Jong Un" and role["title"] == "leader"
    assert role["evidence"] == "North Korean leader Kim Jong Un"
    assert facts["issues"][0]["name"] == "abductions"
    assert facts["relations"][0]["type"] == "NO_DIPLOMATIC_RELATIONS"
    other = client.get(f"/articles/{a2.id}/facts").json()  # only its own share
    assert [m["date"] for m in other["meetings"]] == ["2013-05"]


def test_an_article_that_gave_nothing_says_so(empty_graph: neo4j.Driver,
                                              client: TestClient) -> None:
    queued, barren = article(3), article(4)
    ArticleStore(empty_graph).store([queued, barren])
    nothing = Extraction(entities=(), meetings=(), roles=(), issues=(), relations=(),
                         extractor_version=VERSION)
    write_extraction(empty_graph, barren.id, nothing)
    got = client.get(f"/articles/{barren.id}/facts").json()
    assert got["empty"] is True and "found no meeting" in got["note"]
    assert got["meetings"] == got["roles"] == got["issues"] == got["relations"] == []
    got = client.get(f"/articles/{queued.id}/facts").json()
    assert got["empty"] is False and got["note"] == "not processed yet (queued)"
    r = client.get("/articles/nope/facts")
    assert r.status_code == 404 and "nope" in r.json()["detail"]


def test_published_takes_iso_date_times(client: TestClient) -> None:
    for text, published, day in (("one", "2025-05-12T10:00:00Z", "2025-05-12"),
                                 ("two", "2025-05-12T23:30:00+09:00", "2025-05-12"),
                                 ("three", "2025-05-12 08:00:00-05:00", "2025-05-12"),
                                 ("four", "2025-05-13", "2025-05-13")):
        r = client.post("/articles", json={"text": f"Article {text}.", "published": published})
        assert r.status_code == 202, r.text
        assert client.get(f"/articles/{r.json()['id']}").json()["published"] == day
    r = client.post("/articles", json={"text": "Bad.", "published": "2025-05-12Tlate"})
    assert r.status_code == 422 and r.json()["detail"][0]["loc"][-1] == "published"
    assert "ISO 8601" in r.json()["detail"][0]["msg"]


def test_since_and_until_take_years_and_months(client: TestClient) -> None:
    for i, day in enumerate(("2023-12-31", "2024-01-01", "2024-02-29", "2024-03-01",
                             "2025-01-01")):
        client.post("/articles", json={"text": f"Article {i}.", "published": day})

    def count(**params: str) -> int:
        r = client.get("/articles", params=params)
        assert r.status_code == 200, r.text
        return int(r.json()["count"])

    assert count(since="2024", until="2024") == 3
    assert count(since="2024-02", until="2024-02") == 1  # to the month's last day (leap year)
    assert count(since="2024-02-29") == 3 and count(until="2024-01") == 2
    for bad in ("24", "2024-1", "2024/01"):
        r = client.get("/articles", params={"since": bad})
        assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["query", "since"]
    r = client.get("/articles", params={"until": "2024-13"})
    assert r.status_code == 422 and r.json()["detail"][0]["loc"] == ["query", "until"]
    assert "not a date" in r.json()["detail"][0]["msg"]
    assert client.get("/articles", params={"since": "2025", "until": "2024"}).status_code == 400
