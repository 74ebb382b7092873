"""Deterministic keys (graph/keys.py): the same article or entity always gets the same key."""

from __future__ import annotations

from graph.keys import (
    article_id,
    entity_key,
    lookup_name,
    meeting_key,
    normalize_url,
    slug,
)


def test_urls_that_name_one_page_give_one_id() -> None:
    same = ["https://www.Example.com/news/talks/?utm_source=x&b=2&a=1#top",
            "https://example.com/news/talks?a=1&b=2",
            "HTTPS://EXAMPLE.COM/news/talks?b=2&a=1&fbclid=abc"]
    assert {article_id("whatever", u) for u in same} == {article_id("", same[1])}
    assert normalize_url(same[0]) == "https://example.com/news/talks?a=1&b=2"
    assert article_id("", "https://example.com/news/other") != article_id("", same[1])


def test_text_ids_ignore_whitespace_runs_but_not_words() -> None:
    assert article_id("Talks  in\nGeneva.", None) == article_id(" Talks in Geneva. ", "  ")
    assert article_id("Talks in Geneva.", None).startswith("t-")
    assert article_id("Talks in Geneva.", None) != article_id("Talks in Vienna.", None)


def test_entity_keys_by_type() -> None:
    assert entity_key("Country", "Norway", iso3="nor") == "NOR"
    assert entity_key("Country", "Atlantis") == "country:atlantis"
    assert entity_key("City", "Zürich", country="Switzerland") == "city:switzerland:zurich"
    assert entity_key("Person", "Ana  María Ruiz") == "person:ana-maria-ruiz"
    assert entity_key("Organization", "World Bank") == "org:world-bank"


def test_a_name_without_letters_still_gets_a_stable_slug() -> None:
    assert slug("北京") == slug("北京") != "" and slug("北京") != slug("東京")


def test_lookup_is_case_and_space_insensitive() -> None:
    assert lookup_name("  North   KOREA ") == lookup_name("north korea")


def test_meeting_keys_change_with_sides_date_and_place() -> None:
    base = meeting_key("FRA|DEU", "2020-01-02", "city:belgium:brussels")
    assert base == meeting_key("FRA|DEU", "2020-01-02", "city:belgium:brussels")
    assert len({base, meeting_key("FRA|ITA", "2020-01-02", "city:belgium:brussels"),
                meeting_key("FRA|DEU", None, "city:belgium:brussels"),
                meeting_key("FRA|DEU", "2020-01-02", None)}) == 4
