"""Fixtures for the reader pages in a real browser: the story, the server's pages, vnu."""

import time
from dataclasses import dataclass, field

import httpx
import pytest

from bulletin.liveblogs.models import Change, LiveBlog, Post
from tests.conftest import Server, free_port, require

from . import validators
from .story import Story, election_night

# The pages every check runs on, by the name test ids show.
PAGES = ["live", "lite", "post", "pictured-post", "retracted-post", "home", "not-found"]


@dataclass
class Reader:
    """A live blog's pages on the test server, fetched only once the server has heard of its latest change."""

    server: Server
    liveblog: LiveBlog
    posts: dict[str, Post] = field(default_factory=dict)
    client: httpx.Client = field(default_factory=lambda: httpx.Client(timeout=10))

    def path(self, name: str) -> str:
        base = self.liveblog.get_absolute_url()
        if name in self.posts:
            return self.posts[name].get_absolute_url()
        return {"live": base, "lite": f"{base}lite/", "home": "/", "not-found": "/live/no-such-story/"}[name]

    def url(self, name: str) -> str:
        return self.server.url + self.path(name)

    def etag(self, name: str) -> str | None:
        """The ETag the server sends for the page as of the data this test committed."""
        if name == "not-found":
            return None
        if name == "home":
            return f'"home-{Change.objects.order_by("-pk").values_list("pk", flat=True).first()}"'
        self.liveblog.refresh_from_db()
        return f'"{self.liveblog.pk}-{self.liveblog.sequence}"'

    def get(self, name: str, timeout: float = 10) -> httpx.Response:
        """GET a page uncompressed, waiting until the server serves it as of our last change."""
        expected = self.etag(name)
        deadline = time.monotonic() + timeout
        while True:
            response = self.client.get(self.url(name), headers={"Accept-Encoding": "identity"})
            if response.headers.get("etag") == expected:
                return response
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"{self.path(name)} still has ETag {response.headers.get('etag')} after "
                    f"{timeout} s; expected {expected}."
                )
            time.sleep(0.02)  # the server polls for changes every 0.1 s

    def open(self, page, name: str):
        """Navigate a Playwright page to a page the server serves up to date."""
        self.get(name)
        return page.goto(self.url(name))


@pytest.fixture(scope="session")
def base_url(server) -> str:
    """Relative URLs in page.goto() go to the test server.

    This also replaces pytest-playwright 0.10's own base_url fixture, which pytest 9
    deprecates (a session fixture defined on a plugin instance): a warning, so an error here.
    """
    return server.url


@pytest.fixture
def story(transactional_db, server) -> Story:
    """Election night in Riverton, committed, so the server process sees it."""
    return election_night()


@pytest.fixture
def reader(server, story):
    """The story's pages, with a plain post, the pictured one and the retracted one by name."""
    posts = {"post": story.revised, "pictured-post": story.pictured, "retracted-post": story.retracted}
    reader = Reader(server, story.liveblog, posts)
    yield reader
    reader.client.close()


@pytest.fixture(scope="session")
def vnu():
    """The Nu Html Checker, started once for the session."""
    require(validators.missing() is None, validators.missing() or "")
    checker = validators.Vnu(free_port())
    try:
        checker.wait_until_ready()
        yield checker
    finally:
        checker.stop()
