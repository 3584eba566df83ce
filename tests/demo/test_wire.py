"""The demo wire keeps a story moving, survives failures and stops when asked."""

import logging
import time

import pytest

from bulletin.demo.story import WIRE_UPDATES
from bulletin.demo.wire import DemoWire
from bulletin.liveblogs import services
from bulletin.liveblogs.models import Change, Post, PostRevision
from bulletin.liveblogs.roles import SYSTEM
from tests import factories

# The wire writes from its own thread, so its rows must be committed for the test to see.
pytestmark = pytest.mark.django_db(transaction=True)

FAST = (0.005, 0.02)
HEADLINES = {update.headline for update in WIRE_UPDATES}


def wait_until(condition, *, timeout: float = 20.0, message: str = "condition"):
    """Poll condition until it returns something true; fail after timeout seconds."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(0.02)
    pytest.fail(f"Timed out after {timeout} s waiting for {message}.")


@pytest.fixture
def election_night():
    liveblog = factories.make_liveblog()
    factories.publish(liveblog)
    return liveblog


@pytest.fixture
def running():
    """Start wires for a test and make sure every one is stopped by its end."""
    wires = []

    def start(**options) -> DemoWire:
        wire = DemoWire(**{"interval": FAST, "seed": 7, **options})
        wires.append(wire)
        wire.start()
        return wire

    yield start
    for wire in wires:
        wire.stop()


def test_the_wire_publishes_posts_while_it_runs(election_night, running):
    wire = running(slug=election_night.slug, edit_every=0)
    wait_until(lambda: election_night.posts.count() >= 5, message="four posts from the wire")
    wire.stop()
    assert not wire.thread.is_alive()
    new = list(election_night.posts.exclude(number=1).order_by("number"))
    assert {post.headline for post in new} <= HEADLINES
    assert all("{" not in post.body for post in new)
    assert new[0].body != new[1].body


def test_repeats_of_an_update_differ(election_night):
    wire = DemoWire(election_night.slug, updates=WIRE_UPDATES[:1], edit_every=0)
    wire.tick()
    wire.tick()
    first, second = election_night.posts.filter(number__gt=1).order_by("number")
    assert first.headline == second.headline
    assert first.body != second.body  # the river reading has moved on


def test_every_few_ticks_it_amends_a_post_or_pins_another(election_night):
    wire = DemoWire(election_night.slug, edit_every=2)
    for _tick in range(4):
        wire.tick()
    amended = PostRevision.objects.filter(post__liveblog=election_night, revision=2).get()
    assert amended.note and "**Update, " in amended.body
    assert Change.objects.filter(liveblog=election_night, kind=Change.Kind.POST_PINNED).exists()
    assert election_night.posts.filter(pinned=True).count() == 1


def test_pins_move_from_the_newest_summary_to_the_newest_update(election_night):
    digest = next(update for update in WIRE_UPDATES if update.kind == "digest")
    wire = DemoWire(election_night.slug, updates=(digest, WIRE_UPDATES[0]), edit_every=0)
    wire.tick()
    assert wire.pin_another(election_night).kind == Post.Kind.DIGEST
    wire.tick()
    pinned = wire.pin_another(election_night)
    assert pinned.kind == Post.Kind.UPDATE and pinned.number == 3


def test_a_failing_tick_is_logged_and_the_wire_carries_on(caplog, running):
    caplog.set_level(logging.ERROR, logger="bulletin.demo.wire")
    wire = running(slug="storm-watch")
    wait_until(lambda: caplog.records, message="a logged failure")
    assert wire.thread.is_alive()
    liveblog = factories.make_liveblog(slug="storm-watch")
    wait_until(lambda: liveblog.posts.exists(), message="a post once the blog exists")


def test_the_wire_stops_by_itself_when_the_story_ends(election_night, running):
    services.end_live_blog(election_night, editor=SYSTEM)
    wire = running(slug=election_night.slug)
    wait_until(lambda: not wire.thread.is_alive(), message="the wire to stop")
    assert election_night.posts.count() == 1
