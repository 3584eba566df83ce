"""The live page and the lite page, as a reader's Chromium shows them."""

import pytest
from playwright.sync_api import expect

from .story import PHOTO, RETRACTION

pytestmark = [pytest.mark.browser]

# Each anchor paragraph starts a post on the lite page; everything up to the next is that post.
LITE_POSTS = """() => {
  const posts = [];
  for (const element of document.querySelector("main").children) {
    if (element.matches("p[id^='post-']")) posts.push({number: +element.id.slice(5), text: ""});
    if (posts.length) posts[posts.length - 1].text += element.innerText + "\\n";
  }
  return posts;
}"""


def newest_first(story) -> list[int]:
    """The numbers of the unpinned posts, newest first, tombstones included."""
    return sorted((post.number for post in story.posts if post.pk != story.pinned.pk), reverse=True)


def path_of(link) -> str:
    """The path a link leads to, however its href is written."""
    return link.evaluate("a => new URL(a.href).pathname")


def lite_posts(page) -> dict[int, str]:
    """The lite page's posts by number, in page order, with their visible text."""
    return {post["number"]: post["text"] for post in page.evaluate(LITE_POSTS)}


def test_live_page_shows_the_story_newest_first_with_the_pinned_post_on_top(page, reader, story):
    """Headline, the pinned post first, then the others newest first."""
    reader.open(page, "live")

    expect(page.get_by_role("heading", level=1)).to_have_text(story.liveblog.title)
    expect(page.locator("article").first).to_have_attribute("data-number", str(story.pinned.number))
    expect(page.locator("#pinned article .post__flag").first).to_have_text("Pinned")
    numbers = page.locator("#posts article").evaluate_all("as => as.map(a => +a.dataset.number)")
    assert numbers == newest_first(story)


def test_live_page_shows_key_points_linked_to_their_posts(page, reader, story):
    """The key points box lists each point, linking those that name a post."""
    reader.open(page, "live")

    box = page.get_by_role("region", name="Key points")
    expect(box).to_be_visible()
    points = list(story.liveblog.key_points.select_related("post__liveblog"))
    expect(box.get_by_role("listitem")).to_have_text([point.text for point in points])
    for point in points:
        link = box.get_by_role("link", name=point.text)
        if point.post:
            assert path_of(link) == point.post.get_absolute_url()
        else:
            expect(link).to_have_count(0)


def test_live_page_shows_the_photo_with_its_caption_and_credit(page, reader, story):
    """The photo loads (the CSP allows it) and carries its alt text, caption and credit."""
    reader.open(page, "live")

    figure = page.locator(f"#{story.pictured.anchor} figure")
    image = figure.get_by_role("img", name=PHOTO["alt"])
    expect(image).to_be_visible()
    image.scroll_into_view_if_needed()  # it loads lazily
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
    expect(figure.locator("figcaption")).to_contain_text(PHOTO["caption"])
    expect(figure.locator("figcaption")).to_contain_text(PHOTO["credit"])


def test_live_page_labels_the_revised_post_and_shows_the_retraction_note(page, reader, story):
    """Only the corrected post says Updated; the retracted one shows why, not what it said."""
    reader.open(page, "live")

    revised = page.locator(f"#{story.revised.anchor}")
    expect(revised).to_contain_text("61 per cent")
    expect(revised.locator(".post__updated")).to_contain_text("Updated")
    expect(page.locator(".post__updated")).to_have_count(1)
    retracted = page.locator(f"#{story.retracted.anchor}")
    expect(retracted).to_contain_text(RETRACTION)
    expect(retracted).not_to_contain_text("has conceded the race")


def test_lite_page_shows_the_story_newest_first_with_the_pinned_post_on_top(page, reader, story):
    """Headline, key points linked to their posts, the pinned post first, then newest first."""
    reader.open(page, "lite")

    expect(page.get_by_role("heading", level=1)).to_have_text(story.liveblog.title)
    expect(page.get_by_role("heading", name="Key points")).to_be_visible()
    points = list(story.liveblog.key_points.select_related("post__liveblog"))
    expect(page.locator("h2:text-is('Key points') + ul > li")).to_have_text([point.text for point in points])
    linked = {point.text: point.post.get_absolute_url() for point in points if point.post}
    assert {text: path_of(page.get_by_role("link", name=text)) for text in linked} == linked
    assert path_of(page.get_by_role("link", name="Full page")) == story.liveblog.get_absolute_url()
    posts = lite_posts(page)
    assert list(posts) == [story.pinned.number, *newest_first(story)]
    assert "Pinned" in posts[story.pinned.number]


def test_lite_page_labels_the_revised_post_and_describes_the_photo(page, reader, story):
    """Only the corrected post says Updated, the retracted one shows why, the photo is words."""
    reader.open(page, "lite")

    posts = lite_posts(page)
    assert "61 per cent" in posts[story.revised.number]
    assert [number for number, text in posts.items() if "Updated" in text] == [story.revised.number]
    assert RETRACTION in posts[story.retracted.number]
    assert "has conceded the race" not in posts[story.retracted.number]
    for text in (PHOTO["alt"], PHOTO["caption"], PHOTO["credit"]):
        assert text in posts[story.pictured.number]
