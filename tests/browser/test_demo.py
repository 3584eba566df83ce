"""The demo story's live and lite pages: what a newsroom sees first of Bulletin."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from bulletin import conf
from bulletin.demo.seed import DEMO_SLUG, seed_demo

from . import validators
from .conftest import Reader

# The posts each page shows, in order, as numbers.
SHOWN = {
    "live": "[...document.querySelectorAll('article[data-number]')].map(a => +a.dataset.number)",
    "lite": "[...document.querySelectorAll(\"p[id^='post-']\")].map(p => +p.id.slice(5))",
}
PAGE_SIZES = {"live": "PAGE_SIZE", "lite": "LITE_PAGE_SIZE"}


def first_page(liveblog, size: int) -> list[int]:
    """The pinned post, then the newest public posts of the first page (the pinned one left out)."""
    posts = liveblog.posts.public()
    pinned = list(posts.filter(pinned=True).values_list("number", flat=True))
    newest = posts.order_by("-number").values_list("number", flat=True)[:size]
    return pinned + [number for number in newest if number not in pinned]


@pytest.fixture
def demo(transactional_db, server):
    """The demo story, seeded and committed, on the test server."""
    reader = Reader(server, seed_demo())
    yield reader
    reader.client.close()


@pytest.mark.browser
@pytest.mark.parametrize("name", ["live", "lite"])
def test_demo_story_page_renders_valid_and_accessible(page, demo, vnu, name):
    """The seeded story shows its headline and posts in order, with no vnu error and no axe violation."""
    assert demo.liveblog.slug == DEMO_SLUG
    response = demo.get(name)
    errors = vnu.errors(response.content)
    assert not errors, f"{demo.path(name)}:\n{validators.describe(errors)}"

    page.goto(demo.url(name))
    expect(page.get_by_role("heading", level=1)).to_have_text(demo.liveblog.title)
    assert page.evaluate(SHOWN[name]) == first_page(demo.liveblog, conf.get(PAGE_SIZES[name]))
    results = Axe().run(page)
    assert results.violations_count == 0, f"{demo.path(name)}: {results.generate_report()}"
