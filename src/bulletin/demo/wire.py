"""The demo wire: keeps the demo story moving while ``bulletin demo`` serves it.

It runs as a daemon thread in the ``bulletin demo`` parent process and writes through the
services to the same database the server's worker processes read; they notice its
changes by polling the change table, so it needs no other channel to reach readers.
"""

import logging
import random
import threading
from collections.abc import Sequence

from django.db import close_old_connections, connections
from django.utils import timezone

from bulletin.liveblogs import services
from bulletin.liveblogs.exceptions import LiveBlogEnded
from bulletin.liveblogs.models import LiveBlog, Post
from bulletin.liveblogs.roles import SYSTEM
from bulletin.liveblogs.timefmt import spoken_hour

from .seed import publish_scripted
from .story import AMENDMENTS, DEMO_SLUG, WIRE_UPDATES, Amendment, ScriptedPost

logger = logging.getLogger(__name__)

# Where the river stands when the wire starts, and how far it falls with each post.
PEAK_LEVEL, FALL_PER_POST, LOW_LEVEL = 4.9, 0.03, 1.2
# Seconds between ticks, drawn afresh each time: a busy desk, not a metronome.
DEFAULT_INTERVAL = (15.0, 30.0)


class DemoWire:
    """Keep a story moving: a scripted update each tick, and every ``edit_every``-th tick
    an amendment to a recent post or a new pin instead."""

    def __init__(
        self,
        slug: str = DEMO_SLUG,
        *,
        interval: tuple[float, float] = DEFAULT_INTERVAL,
        edit_every: int = 5,
        updates: Sequence[ScriptedPost] = WIRE_UPDATES,
        amendments: Sequence[Amendment] = AMENDMENTS,
        seed: int | None = None,
    ) -> None:
        self.slug = slug
        self.interval = interval
        self.edit_every = edit_every
        self.updates = updates
        self.amendments = amendments
        self.random = random.Random(seed)
        self.ticks = 0
        self.published = 0
        self.stopped = threading.Event()
        self.thread: threading.Thread | None = None

    def start(self) -> None:
        """Start ticking in a daemon thread; the first change comes one interval later."""
        self.thread = threading.Thread(target=self.run, name="bulletin-demo-wire", daemon=True)
        self.thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Ask the thread to finish and wait for it, at most timeout seconds."""
        self.stopped.set()
        if self.thread is not None:
            self.thread.join(timeout)

    def run(self) -> None:
        """Tick until stopped."""
        try:
            while not self.stopped.wait(self.random.uniform(*self.interval)):
                self.tick()
        finally:
            # Connections belong to the thread that opened them; this one is ending.
            connections.close_all()

    def tick(self) -> None:
        """Make one change to the story; log a failure and carry on, never raise."""
        close_old_connections()
        self.ticks += 1
        try:
            liveblog = LiveBlog.objects.get(slug=self.slug)
            liveblog.ensure_open()
            self.step(liveblog)
        except LiveBlogEnded:
            logger.info("The demo story %r has ended; the demo wire stops.", self.slug)
            self.stopped.set()
        except Exception:
            logger.exception("The demo wire's tick %d failed; it will try again.", self.ticks)

    def step(self, liveblog: LiveBlog) -> None:
        """Publish the next update, or on every edit_every-th tick amend or pin a post."""
        if self.edit_every and self.ticks % self.edit_every == 0:
            edit = self.amend_recent if (self.ticks // self.edit_every) % 2 else self.pin_another
            if edit(liveblog):
                return
        self.publish_next(liveblog)

    def publish_next(self, liveblog: LiveBlog) -> Post:
        """Publish the next update from the pool, which repeats with new times and readings."""
        update = self.updates[self.published % len(self.updates)]
        level = max(LOW_LEVEL, PEAK_LEVEL - FALL_PER_POST * self.published)
        self.published += 1
        post = publish_scripted(liveblog, update, author=SYSTEM, at=timezone.now(), level=f"{level:.2f}")
        logger.info("The demo wire published post %d of %r.", post.number, self.slug)
        return post

    def amend_recent(self, liveblog: LiveBlog) -> Post | None:
        """Add an update paragraph, with a note, to the newest post not yet revised."""
        post = (liveblog.posts.filter(state=Post.State.PUBLISHED, kind=Post.Kind.UPDATE, revision=1)
                .order_by("-number").first())
        if post is None:
            return None
        amendment = self.random.choice(self.amendments)
        paragraph = amendment.paragraph.format(clock=spoken_hour(timezone.now(), liveblog.zone))
        post = services.revise_post(post, editor=SYSTEM, revision=post.revision,
                                    body=f"{post.body}\n\n{paragraph}", note=amendment.note)
        logger.info("The demo wire revised post %d of %r.", post.number, self.slug)
        return post

    def pin_another(self, liveblog: LiveBlog) -> Post | None:
        """Pin the newest summary, or when it is already pinned, the newest update."""
        published = liveblog.posts.filter(state=Post.State.PUBLISHED).order_by("-number")
        post = published.filter(kind=Post.Kind.DIGEST).first()
        if post is None or post.pinned:
            post = published.filter(pinned=False).first()
        if post is None:
            return None
        post = services.pin_post(post, editor=SYSTEM)
        logger.info("The demo wire pinned post %d of %r.", post.number, self.slug)
        return post
