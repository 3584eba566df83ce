"""Desk actions that take two service calls, each made all-or-nothing.

"Submit for approval" on a new post is save_draft then submit_post; "Publish" with a time
is save_draft then schedule_post. Run apart, a refusal in the second call (a reporter
scheduling, a time in the past) would leave the first call's draft behind, so each pair
runs in one transaction. These belong in ``liveblogs.services`` in time; until then they
only call services.
"""

import datetime as dt

from django.db import transaction

from bulletin.liveblogs import services
from bulletin.liveblogs.models import LiveBlog, Post


def to_minute(at: dt.datetime | None) -> dt.datetime | None:
    """The time as the form shows it (whole minutes), so an untouched time reads as unchanged."""
    return at and at.replace(second=0, microsecond=0)


def submit_new(liveblog: LiveBlog, *, author, **content) -> Post:
    """Write a post and send it to the editors in one step."""
    with transaction.atomic():
        post = services.save_draft(liveblog, author=author, **content)
        return services.submit_post(post, author=author)


def draft_new(liveblog: LiveBlog, *, author, at: dt.datetime | None = None, **content) -> Post:
    """Keep a new draft; with a time, the scheduler publishes it then."""
    with transaction.atomic():
        post = services.save_draft(liveblog, author=author, **content)
        if at is not None:
            post = services.schedule_post(post, editor=author, at=at)
        return post


def keep_draft(post: Post, *, author, at: dt.datetime | None, **content) -> Post:
    """Save a draft's new text, and its new time when that changed (None cancels it)."""
    with transaction.atomic():
        post = services.update_draft(post, author=author, **content)
        if to_minute(at) != to_minute(post.scheduled_at):
            post = services.schedule_post(post, editor=author, at=at)
        return post


def submit_draft(post: Post, *, author, **content) -> Post:
    """Save a draft's new text and send it to the editors."""
    with transaction.atomic():
        post = services.update_draft(post, author=author, **content)
        return services.submit_post(post, author=author)


def publish_draft(post: Post, *, editor, at: dt.datetime | None = None, **content) -> Post:
    """Save a draft's new text, then publish it now or schedule it for the given time."""
    with transaction.atomic():
        post = services.update_draft(post, author=editor, **content)
        if at is not None:
            return services.schedule_post(post, editor=editor, at=at)
        return services.publish_draft(post, editor=editor)
