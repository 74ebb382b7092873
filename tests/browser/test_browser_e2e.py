"""Neo4j Browser, for real: headless Chromium connects to the test server holding the seed
article, gets diplograph's style and guide on connect, and draws the guide's first query."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import neo4j
import pytest
from playwright.sync_api import Browser, Locator, Page, Route, expect

from graph.browser.conf import post_connect_cmd
from graph.browser.links import BrowserLinks, browser_url, managed_base
from graph.local.server import LocalNeo4j
from graph.settings import Neo4jSettings
from tests.browser.conftest import FAILED

pytestmark = [pytest.mark.browser, pytest.mark.neo4j]

TIMEOUT_MS = 30_000


@pytest.fixture
def page(chromium: Browser, neo4j_settings: Neo4jSettings, seeded: neo4j.Driver,
         assets_url: str, output_dir: Path, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh Browser profile (the Browser keeps style, guides and history in local storage)
    whose requests for the configured API's assets reach the test's asset server."""
    if not neo4j_settings.managed:
        pytest.skip("the Browser test drives the managed test server")
    context = chromium.new_context(viewport={"width": 1600, "height": 1000})
    tab = context.new_page()
    tab.set_default_timeout(TIMEOUT_MS)
    route_assets(tab, server_post_connect(seeded), assets_url)
    yield tab
    if request.node.stash.get(FAILED, False):
        tab.screenshot(path=str(output_dir / f"browser-failed-{request.node.name}.png"))
    context.close()


def server_post_connect(driver: neo4j.Driver) -> str:
    records = driver.execute_query("CALL dbms.clientConfig() YIELD name, value "
                                   "WHERE name = 'browser.post_connect_cmd' RETURN value").records
    return str(records[0]["value"]) if records else ""


def route_assets(page: Page, configured: str, assets_url: str) -> None:
    """Send the Browser's requests for the configured API's assets to the test's asset server."""
    urls = map(urlsplit, re.findall(r"https?://[^\s;]+", configured))
    for origin in {f"{u.scheme}://{u.netloc}" for u in urls} - {assets_url}:
        page.route(origin + "/browser/**", _forward(origin, assets_url))


def _forward(origin: str, target: str) -> Callable[[Route], None]:
    def forward(route: Route) -> None:
        route.continue_(url=target + route.request.url[len(origin):])
    return forward


def connect(page: Page, settings: Neo4jSettings, navigate: bool = True) -> None:
    if navigate:
        page.goto(f"http://localhost:{settings.http_port}/browser/")
    page.locator("select").first.select_option("bolt://")
    page.get_by_test_id("boltaddress").fill(f"localhost:{settings.bolt_port}")
    page.get_by_test_id("username").fill(settings.user)
    page.get_by_test_id("password").fill(LocalNeo4j(settings).password())
    page.get_by_test_id("connect").click()
    page.get_by_text("You are connected as user").wait_for()


def run_command(page: Page, command: str) -> None:
    page.get_by_test_id("activeEditor").click()
    page.keyboard.type(command)
    page.get_by_test_id("editor-Run").click()


def test_guide_first_query_draws_the_styled_graph(
        page: Page, neo4j_settings: Neo4jSettings, seeded: neo4j.Driver, assets_url: str,
        output_dir: Path) -> None:
    connect(page, neo4j_settings)
    if not server_post_connect(seeded):  # a server started before diplograph configured it
        for command in post_connect_cmd(assets_url).split(";"):
            run_command(page, ":" + command.strip())

    drawer = page.get_by_test_id("guidesDrawer")
    drawer.get_by_text("diplograph: who met whom").wait_for()
    first = drawer.locator("pre.runnable").first
    assert "Japan" in first.inner_text()
    first.click()
    page.get_by_test_id("editor-Run").click()

    frame = graph_frame(page)
    frame.locator("svg g.node").nth(3).wait_for()
    frame.get_by_title("Collapse the node properties display").click()
    page.wait_for_timeout(2000)  # the force layout settles
    frame.get_by_label("zoom-to-fit").click()
    page.wait_for_timeout(500)
    page.screenshot(path=str(output_dir / "browser-guide-first-query.png"))

    fills = node_fills(frame)
    assert {"Japan", "North Korea", "Beijing"} <= fills.keys(), fills
    assert any(c.startswith("2012-08-29") for c in fills), fills
    assert fills["Japan"] == fills["North Korea"] == "#2F6DB5"  # the diplograph style
    assert fills["Beijing"] == "#7FD3E8"


def graph_frame(page: Page) -> Locator:
    """The result frame that draws a graph. Not simply the newest frame: the post-connect
    commands (style, guide) can add their frames after the query's."""
    return page.get_by_test_id("frame").filter(has=page.locator("svg g.node")).first


def node_fills(frame: Locator) -> dict[str, str]:
    """Caption -> fill colour of every node the Browser drew (SVG g.node > circle + text)."""
    fills: dict[str, str] = {}
    for node in frame.locator("svg g.node").all():
        caption = " ".join((node.text_content() or "").split())
        fills[caption] = (node.locator("circle").last.get_attribute("fill") or "").upper()
    return fills


def test_deep_link_sets_params_and_runs_the_query(
        page: Page, neo4j_settings: Neo4jSettings) -> None:
    """A browser_url link fills the editor with one statement; running it gives the answer,
    values intact, even ones full of the characters the Browser's URL parsing cuts at."""
    tricky = "a&arg=MATCH (n) DETACH DELETE n #x +y %41 'z' é; RETURN 1"
    link = browser_url("MATCH (c:Country {name: $name}) RETURN c.name + '|' + $tricky AS v",
                       {"name": "Japan", "tricky": tricky},
                       base=f"http://localhost:{neo4j_settings.http_port}")
    page.goto(link)
    connect(page, neo4j_settings, navigate=False)
    page.get_by_test_id("editor-Run").click()
    # the frame that answered (not simply the newest: post-connect frames can land after it)
    cell = page.get_by_test_id("frame").filter(has_text="Japan|").first.get_by_text("Japan|")
    assert cell.inner_text().strip().strip('"') == "Japan|" + tricky
    assert page.get_by_test_id("multi-statement-list-title").count() == 0  # one statement


def test_api_link_prefills_login_and_draws_the_subgraph(
        page: Page, neo4j_settings: Neo4jSettings, seeded: neo4j.Driver,
        output_dir: Path) -> None:
    """The link a /meetings answer carries (managed server: `?dbms=` pre-fills user and
    address): log in with only the password, press Ctrl+Enter, and the meeting is drawn."""
    page.goto(BrowserLinks(managed_base(neo4j_settings)).meetings(["JPN", "PRK"]))
    assert page.get_by_test_id("username").input_value() == "neo4j"
    assert page.get_by_test_id("boltaddress").input_value().endswith(
        f"localhost:{neo4j_settings.bolt_port}")
    page.get_by_test_id("password").fill(LocalNeo4j(neo4j_settings).password())
    page.get_by_test_id("connect").click()
    page.get_by_text("You are connected as user").wait_for()
    editor = page.get_by_test_id("activeEditor")
    expect(editor).to_contain_text("PARTICIPATED_IN")  # the link's query is in the editor
    editor.click()
    page.keyboard.press("Control+Enter")

    frame = graph_frame(page)
    frame.locator("svg g.node").nth(3).wait_for()
    page.wait_for_timeout(2000)  # the force layout settles
    frame.get_by_label("zoom-to-fit").click()
    page.wait_for_timeout(500)
    page.screenshot(path=str(output_dir / "browser-deep-link-meetings.png"))
    fills = node_fills(frame)
    assert {"Japan", "North Korea", "Beijing"} <= fills.keys(), fills
    assert any(c.startswith("2012-08-29") for c in fills), fills  # the meeting node
