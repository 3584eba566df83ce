"""The lite page: for readers on slow, costly connections, with JavaScript off."""

import pytest
from playwright.sync_api import expect

from bulletin import conf

from .story import PHOTO, rest_of_the_night

pytestmark = [pytest.mark.browser]

# Bytes sent per byte a reader can read: markup, head and CSS together may add a tenth.
MAX_BYTES_PER_TEXT_BYTE = 1.1
MAX_CSS_BYTES = 1024


@pytest.fixture
def no_js(browser):
    """A page in a browser context with JavaScript disabled."""
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_lite_page_reads_without_javascript(no_js, reader, story):
    """Headline and posts are there with scripts off; images come as words, not pictures."""
    reader.open(no_js, "lite")

    expect(no_js.get_by_role("heading", level=1)).to_have_text(story.liveblog.title)
    expect(no_js.locator("p[id^='post-']")).to_have_count(len(story.posts))
    expect(no_js.locator("img")).to_have_count(0)
    expect(no_js.locator("script")).to_have_count(0)
    body = no_js.locator("body")
    for text in (PHOTO["alt"], PHOTO["caption"], PHOTO["credit"]):
        expect(body).to_contain_text(text)


def test_lite_page_styles_itself_inline_in_under_a_kilobyte(no_js, reader):
    """One small inline stylesheet, nothing to fetch, and the CSP lets it apply."""
    reader.open(no_js, "lite")

    expect(no_js.locator("link[rel~='stylesheet']")).to_have_count(0)
    css = no_js.locator("style").all_text_contents()
    assert css, "the lite page has no inline CSS"
    size = sum(len(sheet.encode()) for sheet in css)
    assert size < MAX_CSS_BYTES, f"inline CSS is {size} bytes"
    assert no_js.locator("body").evaluate("b => getComputedStyle(b).maxWidth") != "none"


def test_full_lite_page_is_mostly_text(no_js, reader, story):
    """A full first page weighs at most a tenth more than the text a reader sees on it."""
    rest_of_the_night(story, conf.get("LITE_PAGE_SIZE"))
    response = reader.get("lite")
    no_js.goto(reader.url("lite"))
    expect(no_js.get_by_role("link", name="Older updates")).to_be_visible()

    sent = len(response.content)
    text = len(no_js.evaluate("document.body.innerText").encode())
    ratio = sent / text
    print(f"full lite page: {sent} bytes sent for {text} bytes of text, ratio {ratio:.3f}")
    assert ratio <= MAX_BYTES_PER_TEXT_BYTE, f"{sent} bytes for {text} bytes of text: {ratio:.3f}"
