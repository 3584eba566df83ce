"""Test data with a small named cast: editor ada, reader sam, live blog election-night."""

import itertools

from django.contrib.auth import get_user_model

from bulletin.liveblogs import roles, services
from bulletin.liveblogs.models import LiveBlog, Post
from bulletin.liveblogs.roles import Role

_bodies = itertools.count(1)


def make_user(username: str = "ada", role: Role = Role.EDITOR):
    """A newsroom member with one role (ada the editor unless told otherwise)."""
    user, created = get_user_model().objects.get_or_create(username=username)
    if created:
        roles.assign(user, role)
    return user


def ada():
    """Ada, the editor on duty."""
    return make_user("ada", Role.EDITOR)


def make_liveblog(slug: str = "election-night", **overrides) -> LiveBlog:
    fields = {
        "title": "Election night in Riverton",
        "description": "Results, reactions and analysis as the votes are counted.",
        "time_zone": "Europe/Kyiv",
        "extra_clocks": ["America/New_York"],
        **overrides,
    }
    return services.create_live_blog(slug=slug, editor=ada(), **fields)


def publish(liveblog: LiveBlog, **overrides) -> Post:
    n = next(_bodies)
    fields = {
        "headline": f"Update {n}",
        "body": f"**Riverton, update {n}.** Polls have closed in ward {n}.\n\n> Turnout looks high, said an official.",
        **overrides,
    }
    return services.publish_post(liveblog, author=ada(), **fields)
