"""Seeding the demo story: a full, consistent live blog, once."""

import datetime as dt
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from bulletin.demo.seed import DEMO_SLUG, seed_demo
from bulletin.demo.story import STORY
from bulletin.liveblogs.models import (
    Change,
    KeyPoint,
    LiveBlog,
    Post,
    PostImage,
    PostRevision,
)

NOW = dt.datetime(2026, 3, 14, 15, 20, tzinfo=dt.UTC)

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo() -> LiveBlog:
    return seed_demo(NOW)


def test_the_story_is_published_as_a_live_blog(demo):
    assert demo.slug == DEMO_SLUG and demo.state == LiveBlog.State.LIVE
    posts = Post.objects.filter(liveblog=demo)
    assert posts.public().count() == len(STORY.posts)
    assert posts.filter(state=Post.State.PUBLISHED).count() >= 38
    assert list(posts.order_by("number").values_list("number", flat=True)) == list(range(1, len(STORY.posts) + 1))


def test_posts_span_hours_before_now_in_order(demo):
    times = list(Post.objects.filter(liveblog=demo).order_by("number").values_list("published_at", flat=True))
    assert times == sorted(times) and len(set(times)) == len(times)
    assert times[-1] < NOW
    assert NOW - times[0] > dt.timedelta(hours=6)


def test_one_post_is_pinned(demo):
    pinned = Post.objects.filter(liveblog=demo, pinned=True)
    assert pinned.count() == 1
    assert pinned.get().headline.startswith("Flooded, or worried")


def test_digests_fall_on_the_hour_and_say_so(demo):
    digests = list(Post.objects.filter(liveblog=demo, kind=Post.Kind.DIGEST))
    assert digests
    for digest in digests:
        local = digest.published_at.astimezone(demo.zone)
        assert (local.minute, local.second) == (0, 0)
        assert digest.headline.startswith("It’s ") and " in London. " in digest.headline


def test_images_are_attached_with_alt_text(demo):
    images = list(PostImage.objects.filter(post__liveblog=demo))
    assert len(images) >= 5
    for image in images:
        assert image.alt.strip()
        assert (image.width, image.height) == (1200, 800)
        assert Path(image.file.path).is_file()


def test_key_points_link_to_published_posts(demo):
    points = list(KeyPoint.objects.filter(liveblog=demo).select_related("post"))
    assert len(points) == len(STORY.key_points)
    for point in points:
        assert point.post is not None and point.post.state == Post.State.PUBLISHED
        assert point.post.liveblog_id == demo.pk


def test_a_correction_and_a_retraction_are_on_record(demo):
    corrected = PostRevision.objects.filter(post__liveblog=demo, revision=2).get()
    assert corrected.note.startswith("An earlier version")
    assert "About 400 people" in corrected.body and "1,400 people are" not in corrected.body
    retracted = Post.objects.get(liveblog=demo, state=Post.State.RETRACTED)
    assert retracted.retraction_reason.startswith("We reported")


def test_changes_are_numbered_one_by_one_from_one(demo):
    sequences = list(Change.objects.filter(liveblog=demo).values_list("sequence", flat=True))
    assert sequences == list(range(1, len(sequences) + 1))
    assert demo.sequence == len(sequences)
    kinds = set(Change.objects.filter(liveblog=demo).values_list("kind", flat=True))
    assert {"post.published", "post.pinned", "post.revised", "post.retracted", "key_points.revised"} <= kinds


def test_seeding_again_changes_nothing(demo):
    before = (Post.objects.count(), Change.objects.count(), PostImage.objects.count())
    again = seed_demo()
    assert again.pk == demo.pk and again.sequence == demo.sequence
    assert (Post.objects.count(), Change.objects.count(), PostImage.objects.count()) == before


def test_the_seed_command_prints_the_slug_and_is_idempotent():
    for _run in range(2):
        out = StringIO()
        call_command("demo_seed", stdout=out)
        assert out.getvalue() == f"{DEMO_SLUG}\n"
    assert LiveBlog.objects.filter(slug=DEMO_SLUG).count() == 1


class VisibleText(HTMLParser):
    """The text a reader sees: everything outside tags, less the style sheet and title."""

    def __init__(self) -> None:
        super().__init__()
        self.hidden, self.parts = 0, []

    def handle_starttag(self, tag, attrs) -> None:
        self.hidden += tag in ("style", "title")

    def handle_endtag(self, tag) -> None:
        self.hidden -= tag in ("style", "title")

    def handle_data(self, data) -> None:
        if not self.hidden:
            self.parts.append(data)


@pytest.mark.django_db(transaction=True)
def test_the_lite_page_sends_at_most_a_tenth_more_than_its_text(edge):
    """The posts are long enough, and plain enough, that markup stays a small share."""
    seed_demo(NOW)
    response = edge.get(f"/live/{DEMO_SLUG}/lite/")
    assert response.status_code == 200
    page = response.content
    parser = VisibleText()
    parser.feed(page.decode())
    text = "".join(parser.parts).encode()
    assert len(page) <= 1.1 * len(text), f"{len(page)} bytes for {len(text)} bytes of text"
