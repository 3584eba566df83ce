"""Open Graph tags on post pages: what a shared link shows in a social feed or a chat."""

from html.parser import HTMLParser
from urllib.parse import urlsplit

import httpx

from bulletin.liveblogs.markup import plain_text

from .story import PHOTO


class PageHead(HTMLParser):
    """A page's <title>, its first <h1> and its <meta property|name=… content=…> tags."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: dict[str, str] = {}
        self.texts: dict[str, str] = {}
        self.inside: str | None = None
        self.feed(html)
        self.title, self.h1 = self.texts.get("title", ""), self.texts.get("h1", "")

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        key = attributes.get("property") or attributes.get("name")
        if tag == "meta" and key:
            self.tags.setdefault(key, attributes.get("content") or "")
        if tag in ("title", "h1") and tag not in self.texts:
            self.inside, self.texts[tag] = tag, ""

    def handle_endtag(self, tag):
        if tag == self.inside:
            self.inside = None

    def handle_data(self, data):
        if self.inside:
            self.texts[self.inside] += data


def open_graph(reader, name: str) -> dict[str, str]:
    """The meta tags of one of the reader's pages."""
    return PageHead(reader.get(name).text).tags


def words(post) -> str:
    """The post's text as one line, the way excerpts show it."""
    return " ".join(plain_text(post.body).split())


def is_excerpt(excerpt: str, post) -> bool:
    """Whether excerpt is a non-empty start of the post's text (an ellipsis may end it)."""
    return bool(excerpt.rstrip("…")) and words(post).startswith(excerpt.rstrip("…"))


def assert_absolute(url: str, path: str) -> None:
    """Assert url is absolute, with scheme and host, and leads to path."""
    parts = urlsplit(url)
    assert parts.scheme in ("http", "https") and parts.netloc, f"{url} is not absolute"
    assert parts.path == path


def test_post_page_describes_the_post(reader, story):
    """Title, absolute URL and description, from the corrected text, and no image when it has none."""
    tags = open_graph(reader, "post")
    post = story.revised

    assert_absolute(tags["og:url"], post.get_absolute_url())
    assert is_excerpt(tags["og:title"], post)
    assert is_excerpt(tags["og:description"], post)
    assert "61 per cent" in tags["og:description"]
    assert "og:image" not in tags


def test_post_page_with_a_photo_shares_the_photo(reader, story):
    """og:image is an absolute URL of the post's photo, described by its alt text."""
    tags = open_graph(reader, "pictured-post")
    post = story.pictured

    assert tags["og:title"] == post.headline
    assert_absolute(tags["og:url"], post.get_absolute_url())
    assert is_excerpt(tags["og:description"], post)
    assert_absolute(tags["og:image"], post.images.get().file.url)
    assert tags["og:image:alt"] == PHOTO["alt"]
    photo = httpx.get(reader.server.url + urlsplit(tags["og:image"]).path)
    assert photo.status_code == 200 and photo.headers["content-type"] == "image/jpeg"


def test_retracted_post_page_does_not_repeat_what_was_retracted(reader):
    """A link to a retracted post, shared or read aloud, must not spread the claim taken back."""
    page = PageHead(reader.get("retracted-post").text)

    for shown in (page.title, page.h1, page.tags["og:title"], page.tags["og:description"]):
        assert "conceded the race" not in shown, shown
