"""Images and embed cards in Chromium: nothing leaves the site until a reader asks for a video."""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.files.base import ContentFile
from playwright.sync_api import expect

from bulletin import conf
from bulletin.liveblogs import services
from bulletin.liveblogs.models import Post
from tests.factories import make_user

from . import validators
from .conftest import Reader
from .story import PHOTO, Story, photo_jpeg, rest_of_the_night
from .test_lite import MAX_BYTES_PER_TEXT_BYTE
from .test_security import RECORD_VIOLATIONS

VIDEO_TITLE = "The returning officer explains the recount"
COUNT_ON_VIDEO = f"""\
**The returning officer has explained the Old Town recount on video.** Bundles of ballots \
with more than one box marked are being looked at again with both agents present.

[{VIDEO_TITLE}](https://youtu.be/dQw4w9WgXcQ?si=shared-by-sam&t=42)

The council's press office posted the timetable for the rest of the night:

https://x.com/RivertonCouncil/status/1790000000000000001

https://t.me/riverton_news/4521
"""
PLAYER = "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1&start=42"
LOOPBACK = {"127.0.0.1", "localhost"}


def publish_media_post(story: Story) -> Post:
    """A post with a YouTube card, an X card, a Telegram card and a photo wide enough for every width."""
    photo = services.ImageUpload(file=ContentFile(photo_jpeg(2000, 1125), name="recount.jpg"), **PHOTO)
    return services.publish_post(story.liveblog, author=make_user(), headline="The recount, on video",
                                 body=COUNT_ON_VIDEO, images=[photo])


@pytest.fixture
def media(server, story):
    """The story with the media post on top, its pages by name ("media-post" for its own page)."""
    reader = Reader(server, story.liveblog, {"media-post": publish_media_post(story)})
    yield reader
    reader.client.close()


@pytest.fixture
def no_js(browser):
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


def foreign(urls: list[str]) -> list[str]:
    return [url for url in urls if urlsplit(url).hostname not in LOOPBACK]


@dataclass
class Watched:
    """What a page requested, logged and threw while a test used it."""

    requests: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def assert_clean(self, page) -> None:
        """No CSP violation, as the page and as Chromium's console saw it, and no script error."""
        assert page.evaluate("window.cspViolations") == []
        assert [text for text in self.console if "Content Security Policy" in text] == []
        assert self.errors == []


def watch(page) -> Watched:
    watched = Watched()
    page.on("request", lambda request: watched.requests.append(request.url))
    page.on("console", lambda message: watched.console.append(message.text))
    page.on("pageerror", lambda error: watched.errors.append(str(error)))
    page.add_init_script(RECORD_VIOLATIONS)
    return watched


def shown_photo(page, post: Post) -> str:
    """Scroll the post's photo into view, wait until it is decoded, and return the path shown."""
    photo = page.locator(f"#{post.anchor} img")
    photo.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=photo.element_handle())
    return photo.evaluate("img => new URL(img.currentSrc).pathname")


@pytest.mark.browser
def test_a_youtube_card_loads_nothing_from_youtube_until_the_reader_plays_it(page, media):
    watched, post = watch(page), media.posts["media-post"]

    media.open(page, "live")
    play = page.locator(f"#{post.anchor} p.embed[data-video]").get_by_role("button", name="Play video here")
    expect(play).to_be_visible()
    shown = shown_photo(page, post)

    assert shown.endswith(("-480w.jpg", "-960w.jpg", "-1600w.jpg")), shown
    assert shown in {urlsplit(url).path for url in watched.requests}  # the recorder hears the page's requests
    assert foreign(watched.requests) == [], "the page reached another host before the reader asked"
    expect(page.locator("iframe")).to_have_count(0)
    expect(page.get_by_role("link", name="View on X")).to_have_attribute(
        "href", "https://x.com/RivertonCouncil/status/1790000000000000001")

    with page.expect_request(lambda request: request.url.startswith("https://www.youtube-nocookie.com/")) as asked:
        play.click()

    assert asked.value.url == PLAYER
    player = page.locator(f"#{post.anchor} .embed-player iframe")
    expect(player).to_have_attribute("title", f"YouTube video: {VIDEO_TITLE}")
    expect(player).to_be_focused()
    assert {urlsplit(url).hostname for url in foreign(watched.requests)} == {"www.youtube-nocookie.com"}
    watched.assert_clean(page)


@pytest.mark.browser
@pytest.mark.parametrize("name", ["live", "media-post"])
def test_pages_with_cards_and_images_have_no_axe_violations_nor_csp_violations(page, media, name):
    watched = watch(page)
    media.open(page, name)
    expect(page.get_by_role("button", name="Play video here")).to_have_count(1)
    shown_photo(page, media.posts["media-post"])

    results = Axe().run(page)
    assert results.violations_count == 0, f"{media.path(name)}: {results.generate_report()}"
    watched.assert_clean(page)


@pytest.mark.parametrize("name", ["live", "media-post", "lite"])
def test_pages_with_cards_and_images_are_valid_html(vnu, media, name):
    errors = vnu.errors(media.get(name).content)
    assert not errors, f"{media.path(name)}:\n{validators.describe(errors)}"


@pytest.mark.browser
def test_the_lite_page_shows_cards_and_images_as_words(no_js, media):
    media.open(no_js, "lite")

    body = no_js.locator("body")
    for text in (f"[Image: {PHOTO['alt']}]", VIDEO_TITLE, "Watch on YouTube", "View on X", "@RivertonCouncil",
                 "View on Telegram"):
        expect(body).to_contain_text(text)
    for element in ("img", "script", "iframe", "button"):
        expect(no_js.locator(element)).to_have_count(0)


@pytest.mark.browser
def test_a_full_lite_page_with_cards_is_still_mostly_text(no_js, reader, story):
    rest_of_the_night(story, conf.get("LITE_PAGE_SIZE") - 1)
    publish_media_post(story)
    response = reader.get("lite")
    no_js.goto(reader.url("lite"))
    expect(no_js.get_by_text("View on X")).to_be_visible()

    sent, text = len(response.content), len(no_js.evaluate("document.body.innerText").encode())
    print(f"lite page with cards: {sent} bytes sent for {text} bytes of text, ratio {sent / text:.3f}")
    assert sent / text <= MAX_BYTES_PER_TEXT_BYTE, f"{sent} bytes for {text} bytes of text: {sent / text:.3f}"
