"""Change payloads: what a reader needs to apply one change, built once when it happens.

Each builder returns the JSON-ready payload stored on the Change row and pushed to
readers: ``{"type": "post.published", "sequence": 42, "post": 7, "html": "<article…>"}``.
Rendering happens here, so fan-out never touches the database or templates.
"""

import json
import logging

from django.db import transaction

from bulletin import conf
from bulletin.push import get_broker

from .models import Change, LiveBlog, Post
from .rendering import render_key_points, render_post, render_status

CHANNEL = "bulletin.changes"
logger = logging.getLogger(__name__)


def post_change(post: Post) -> dict:
    """Any change to one post: its number and its fragment as it now stands."""
    return {"post": post.number, "pinned": post.pinned, "html": render_post(post)}


def pin_change(post: Post, unpinned: Post | None) -> dict:
    payload = post_change(post)
    if unpinned is not None:
        payload["unpinned"] = {"post": unpinned.number, "html": render_post(unpinned)}
    return payload


def key_points_change(liveblog: LiveBlog) -> dict:
    return {"revision": liveblog.key_points_revision, "html": render_key_points(liveblog)}


def status_change(liveblog: LiveBlog) -> dict:
    return {"state": liveblog.state, "html": render_status(liveblog)}


def record(liveblog: LiveBlog, kind: str, payload: dict, *, post: Post | None = None) -> Change:
    """Append the next change of a locked live blog; announce it once the transaction commits."""
    sequence = liveblog.next_sequence()
    payload = {"type": kind, "sequence": sequence, **payload}
    change = Change.objects.create(
        liveblog=liveblog, sequence=sequence, kind=kind, post=post, payload=payload
    )
    transaction.on_commit(lambda: announce(liveblog, change))
    return change


def message(liveblog: LiveBlog, change: Change) -> bytes:
    """The bytes the broker carries: the payload plus the blog it belongs to."""
    return json.dumps(
        {"liveblog": liveblog.pk, "slug": liveblog.slug, "change": change.payload},
        separators=(",", ":"),
    ).encode()


def announce(liveblog: LiveBlog, change: Change) -> None:
    """Push a committed change. A broker failure loses nothing: the change is in the
    database, and every server process also reads new changes from there."""
    try:
        get_broker(conf.get("BROKER_URL")).publish(CHANNEL, message(liveblog, change))
    except Exception:
        logger.exception("Could not announce change %s of %s", change.sequence, liveblog.slug)
