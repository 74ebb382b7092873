"""The style and guide routes: content, media types, and what Browser 5.24 needs to fetch them."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser

import httpx
import pytest

BROWSER_ORIGIN = "http://localhost:7474"
LABELS = ("Country", "Person", "Organization", "City", "Meeting", "Issue", "Article", "Alias")
TYPES = ("PARTICIPATED_IN", "MET_WITH", "HELD_IN", "DISCUSSED", "CONCERNS", "REPORTED_IN",
         "HOLDS_ROLE")


@pytest.fixture(scope="module")
def client(assets_url: str) -> Iterator[httpx.Client]:
    """Real HTTP against the asset routes served by uvicorn."""
    with httpx.Client(base_url=assets_url) as http:
        yield http


def parse_grass(text: str) -> dict[str, dict[str, str]]:
    """Browser 5.24's GraSS parser, ported: quotes protect braces; no comments, no escapes."""
    rules: dict[str, str] = {}
    quoted = in_body = False
    selector = body = ""
    for char in text:
        if char in "'\"":
            quoted = not quoted
        elif char == "{" and not quoted:
            in_body = True
        elif char == "}" and not quoted:
            rules[selector], selector, body, in_body = body, "", "", False
        elif in_body:
            body += char
        elif not char.isspace():
            selector += char
    return {sel: {k.strip(): v.strip() for k, v in
                  (p.split(":") for p in body.split(";") if p.count(":") == 1)}
            for sel, body in rules.items()}


def test_style_is_plain_text_readable_from_the_browser_origin(client: httpx.Client) -> None:
    response = client.get("/browser/style.grass", headers={"Origin": BROWSER_ORIGIN})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    assert response.headers["access-control-allow-origin"] == "*"
    assert "/*" not in response.text  # the Browser's parser would take a comment as a selector


def test_style_gives_every_label_a_colour_and_caption(client: httpx.Client) -> None:
    rules = parse_grass(client.get("/browser/style.grass").text)
    for label in LABELS:
        rule = rules[f"node.{label}"]
        assert re.fullmatch(r"#[0-9A-F]{6}", rule["color"]), label
        assert rule["caption"].startswith("{"), label
    assert rules["node.Country"]["caption"] == "{name}"
    assert rules["node.Meeting"]["caption"].startswith("{date}")
    assert rules["node.Article"]["caption"].startswith("{title}")
    for rel_type in TYPES:
        assert f"relationship.{rel_type}" in rules
    assert rules["relationship"]["caption"] == "<type>"


def test_specific_labels_come_after_entity(client: httpx.Client) -> None:
    """Every named node is also :Entity; the Browser applies matching rules in file order."""
    selectors = list(parse_grass(client.get("/browser/style.grass").text))
    assert selectors.index("node.Entity") < min(selectors.index(f"node.{x}") for x in LABELS)


def test_guide_is_html_with_slides_and_runnable_queries(client: httpx.Client) -> None:
    response = client.get("/browser/guide.html", headers={"Origin": BROWSER_ORIGIN})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["access-control-allow-origin"] == "*"
    assert "<title>diplograph: who met whom</title>" in response.text
    assert response.text.count("<slide>") >= 8
    assert len(runnable_queries(response.text)) >= 12


def test_guide_preflight_allows_the_browsers_no_cache_headers(client: httpx.Client) -> None:
    """Browser 5.24 fetches guides with Pragma and Cache-Control: a CORS preflight comes first."""
    response = client.request("OPTIONS", "/browser/guide.html", headers={
        "Origin": BROWSER_ORIGIN, "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "pragma,cache-control"})
    assert response.status_code == 204
    assert response.headers["access-control-allow-origin"] == "*"
    assert "GET" in response.headers["access-control-allow-methods"]
    allowed = {h.strip() for h in response.headers["access-control-allow-headers"].split(",")}
    assert {"pragma", "cache-control"} <= allowed


def test_preflight_echoes_only_header_names(client: httpx.Client) -> None:
    response = client.request("OPTIONS", "/browser/style.grass", headers={
        "Origin": BROWSER_ORIGIN, "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "pragma, x y, <script>"})
    assert response.headers["access-control-allow-headers"] == "pragma"


class _Runnable(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.queries: list[str] = []
        self._current: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "pre" and "runnable" in (dict(attrs).get("class") or ""):
            self._current = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "pre" and self._current is not None:
            self.queries.append(self._current.strip())
            self._current = None

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current += data


def runnable_queries(html: str) -> list[str]:
    """The text of every `pre.runnable` block, as the Browser puts it in the editor."""
    parser = _Runnable()
    parser.feed(html)
    return parser.queries


def test_guide_names_the_url_it_was_served_from(client: httpx.Client, assets_url: str) -> None:
    text = client.get("/browser/guide.html").text
    assert "{{api_url}}" not in text
    assert f'exec-topic="guide {assets_url}/browser/guide.html"' in text


def test_a_forged_host_cannot_inject_markup(client: httpx.Client) -> None:
    response = client.get("/browser/guide.html", headers={"Host": 'x"><img src=y>'})
    assert response.status_code == 200
    assert "<img" not in response.text  # Starlette drops such a host; html.escape is the backstop
