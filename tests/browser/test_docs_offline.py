"""/docs and /redoc render in Chromium with every request off the service refused: the Swagger
UI and ReDoc assets come from the service itself (fastapi-offline), not from a CDN."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, Route

from app.main import Config, create_app
from tests.browser.conftest import served
from tests.service.conftest import api_settings

pytestmark = [pytest.mark.browser]

TIMEOUT_MS = 30_000
REDOC_FOOTER_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"


@pytest.fixture(scope="module")
def api_url() -> Iterator[str]:
    """The real app over HTTP; no lifespan, so no Neo4j: the docs need only the OpenAPI."""
    with served(create_app(Config(api=api_settings())), host="127.0.0.1", lifespan="off") as url:
        yield url


@pytest.fixture
def offline(chromium: Browser, api_url: str) -> Iterator[tuple[Page, list[str]]]:
    """A tab whose every request to another host than the API's is aborted (and recorded)."""
    context = chromium.new_context(viewport={"width": 1400, "height": 1000})
    refused: list[str] = []
    own = urlsplit(api_url).netloc

    def cut(route: Route) -> None:
        if urlsplit(route.request.url).netloc == own:
            route.continue_()
        else:
            refused.append(route.request.url)
            route.abort("internetdisconnected")

    context.route("**/*", cut)
    tab = context.new_page()
    tab.set_default_timeout(TIMEOUT_MS)
    yield tab, refused
    context.close()


def test_swagger_ui_renders_the_endpoints_offline(
        offline: tuple[Page, list[str]], api_url: str, output_dir: Path) -> None:
    page, refused = offline
    page.goto(f"{api_url}/docs")
    paths = page.locator(".opblock-summary-path")
    paths.first.wait_for()
    shown = {paths.nth(i).inner_text().strip() for i in range(paths.count())}
    page.screenshot(path=str(output_dir / "docs-offline.png"))
    assert {"/articles", "/who-met-whom", "/meetings", "/articles/{article_id}"} <= shown
    assert refused == [], f"/docs reached off the service: {refused}"


def test_redoc_renders_the_endpoints_offline(
        offline: tuple[Page, list[str]], api_url: str, output_dir: Path) -> None:
    page, refused = offline
    page.goto(f"{api_url}/redoc")
    page.get_by_text("/who-met-whom").first.wait_for(state="attached")
    page.screenshot(path=str(output_dir / "redoc-offline.png"))
    assert page.locator("h2").filter(has_text="Who Met Whom").count() >= 1
    # The bundle's "API docs by Redocly" footer links its logo from Redocly's CDN: an image the
    # page does without (it is missing offline); nothing else may leave the service.
    assert [u for u in refused if u != REDOC_FOOTER_LOGO] == [], refused
