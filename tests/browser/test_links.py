"""graph.browser.links: what the Browser reads back from a link is exactly the query and values."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import neo4j
import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.browser.links import BrowserLinks, browser_url, cypher_literal, link_base, links_for
from graph.settings import Neo4jSettings

QUERY = "MATCH (e:Entity {key: $key})-[:MET_WITH]-(o) RETURN e, o"
TRICKY = ["", "Japan", "a&arg=MATCH (n) DETACH DELETE n", "#x", "+1 %41 %", "it's \"quoted\"",
          "back\\slash\\u0041", "line\nbreak\ttab", "Côte d'Ivoire", "😀 北朝鮮", "`tick`", "$key"]


def editor_text(url: str) -> str:
    """What Browser 5.24 puts in the editor for ?cmd=edit&arg=... (its own parsing, ported)."""
    decoded = unquote(url.replace("+", " "))
    return "\n".join(re.findall(r"[?&]arg=([^&#]*)", decoded))


def test_the_editor_gets_one_statement_with_the_values_written_in() -> None:
    url = browser_url(QUERY, {"key": "JPN", "hops": 2})
    assert url.startswith("http://localhost:7474/browser?cmd=edit&arg=")
    assert editor_text(url) == 'MATCH (e:Entity {key: "JPN"})-[:MET_WITH]-(o) RETURN e, o'


def test_no_params_no_change_and_base_is_kept() -> None:
    url = browser_url(QUERY.replace("$key", "'JPN'"), base="http://example.org:17474/")
    assert url.startswith("http://example.org:17474/browser?cmd=edit&arg=")
    assert editor_text(url) == QUERY.replace("$key", "'JPN'")


def test_a_parameter_without_a_value_is_refused() -> None:
    with pytest.raises(ValueError, match=r"\$key"):
        browser_url(QUERY)


def test_links_go_to_the_setting_else_the_managed_browser_else_the_default() -> None:
    managed = Neo4jSettings().model_copy(update={"uri": None, "http_port": 17474,
                                                 "bolt_port": 17687})
    external = managed.model_copy(update={"uri": "bolt://db.example:7687"})
    assert links_for(managed, "http://browser.example").base == "http://browser.example"
    assert links_for(external, None).base == "http://localhost:7474"
    assert links_for(managed, None).base == (
        "http://localhost:17474/browser/?dbms=bolt%3A%2F%2Fneo4j%40localhost%3A17687")


def test_each_answer_link_draws_its_own_subgraph() -> None:
    links = BrowserLinks()
    assert editor_text(links.who_met_whom("JPN")) == (
        'MATCH p = (e:Entity {key: "JPN"})-[:MET_WITH]-() RETURN p')
    assert '$keys' not in editor_text(links.meetings(["JPN", "PRK"]))
    assert 'all(k IN ["JPN", "PRK"]' in editor_text(links.meetings(["JPN", "PRK"]))
    assert '{key: "person:kim"}' in editor_text(links.entity("person:kim"))
    assert '{key: "JPN"}' in editor_text(links.dyad("JPN", "PRK"))
    assert editor_text(links.path("JPN", "CHN", 3)).endswith("length(p) <= 2 * 3 RETURN p LIMIT 10")


def test_link_base_prefills_user_and_address_before_the_command() -> None:
    base = link_base("http://localhost:7474/", "bolt://127.0.0.1:7687")
    assert base == "http://localhost:7474/browser/?dbms=bolt%3A%2F%2Fneo4j%40127.0.0.1%3A7687"
    url = browser_url(QUERY, {"key": "JPN"}, base)
    query = parse_qs(urlsplit(url).query)
    assert query["dbms"] == ["bolt://neo4j@127.0.0.1:7687"]
    assert editor_text(url) == 'MATCH (e:Entity {key: "JPN"})-[:MET_WITH]-(o) RETURN e, o'
    assert link_base("http://localhost:7474") == "http://localhost:7474"


@pytest.mark.parametrize("value", TRICKY)
def test_a_value_cannot_break_out_of_its_literal(value: str) -> None:
    text = editor_text(browser_url(QUERY, {"key": value}))
    head, tail = "MATCH (e:Entity {key: ", "})-[:MET_WITH]-(o) RETURN e, o"
    assert text.startswith(head) and text.endswith(tail), text
    assert text[len(head):-len(tail)] == cypher_literal(value)
    assert ";" not in text  # the Browser would split it into statements


@given(st.text())
def test_any_string_round_trips_through_the_url(value: str) -> None:
    text = editor_text(browser_url(QUERY, {"key": value}))
    assert text == QUERY.replace("$key", cypher_literal(value))


def test_a_value_that_looks_like_a_parameter_is_not_replaced_again() -> None:
    text = editor_text(browser_url("RETURN $a, $b", {"a": "$b", "b": 1}))
    assert text == 'RETURN "$b", 1'


@pytest.mark.parametrize("name", ["", "1x", "a b", "x => 1; MATCH (n) DETACH DELETE n //", "k-1"])
def test_parameter_names_are_identifiers(name: str) -> None:
    with pytest.raises(ValueError, match="parameter name"):
        browser_url("RETURN 1", {name: 1})


@pytest.mark.parametrize("query", ["RETURN 'a&b'", "RETURN '#1'", "RETURN 1; RETURN 2"])
def test_a_query_the_browser_would_cut_is_refused(query: str) -> None:
    with pytest.raises(ValueError, match="cannot take"):
        browser_url(query)


@pytest.mark.parametrize("value", [float("nan"), float("inf"), object(), {1: "x"}, b"bytes"])
def test_values_that_are_not_plain_json_are_refused(value: Any) -> None:
    with pytest.raises((TypeError, ValueError)):
        cypher_literal(value)


@pytest.mark.neo4j
def test_literals_evaluate_to_the_same_values_in_neo4j(driver: neo4j.Driver) -> None:
    values: list[Any] = [*TRICKY, None, True, False, 0, -7, 2**62, 1.5, 1e-7, 1e300,
                         ["a", 1, None], {"weird key`": [1, {"n": "x&y;"}], "plain": "#"}]
    for value in values:
        record = driver.execute_query("RETURN " + cypher_literal(value) + " AS v").records[0]
        assert record["v"] == value, value
