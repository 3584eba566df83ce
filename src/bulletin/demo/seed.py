"""Publishing the demo story into a live blog, once, through the services like any desk."""

import datetime as dt
import zoneinfo

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from bulletin.liveblogs import services
from bulletin.liveblogs.models import LiveBlog, Post
from bulletin.liveblogs.roles import SYSTEM
from bulletin.liveblogs.timefmt import digest_headline, spoken_hour

from . import images
from .story import DEMO_SLUG, STORY, Picture, ScriptedPost, Story

__all__ = ["DEMO_SLUG", "publish_scripted", "seed_demo", "story_hour"]


def story_hour(now: dt.datetime, zone: zoneinfo.ZoneInfo) -> dt.datetime:
    """Return the top of the hour of now in zone: scripted times count back from it.

    Counting from the hour puts the digests on the hour ("It’s 3 p.m. in London"),
    as a desk would publish them.
    """
    return now.astimezone(zone).replace(minute=0, second=0, microsecond=0)


def _upload(picture: Picture) -> services.ImageUpload:
    return services.ImageUpload(
        file=ContentFile(images.draw(picture.scene), name=f"{picture.scene}.jpg"),
        alt=picture.alt, caption=picture.caption, credit=picture.credit,
    )


def scripted_fields(scripted: ScriptedPost, *, at: dt.datetime, zone: zoneinfo.ZoneInfo,
                    **values: str) -> dict:
    """Return publish_post's arguments for a scripted post published at ``at``."""
    values = {"clock": spoken_hour(at, zone), **values}
    headline = scripted.headline.format_map(values)
    if scripted.kind == Post.Kind.DIGEST and not headline:
        headline = digest_headline(at, zone)
    return {
        "headline": headline,
        "body": scripted.body.format_map(values),
        "credit": scripted.credit,
        "kind": scripted.kind,
        "links": [dict(link) for link in scripted.links],
        "images": [_upload(picture) for picture in scripted.pictures],
    }


def publish_scripted(liveblog: LiveBlog, scripted: ScriptedPost, *, author: AbstractBaseUser | None,
                     at: dt.datetime, **values: str) -> Post:
    """Publish one scripted post at ``at``, filling in its clock and any other values."""
    fields = scripted_fields(scripted, at=at, zone=liveblog.zone, **values)
    return services.publish_post(liveblog, author=author, at=at, **fields)


def _publish_all(liveblog: LiveBlog, story: Story, *, author, now: dt.datetime) -> dict[str, Post]:
    """Publish the story's posts oldest first; return the ones with keys, by key."""
    hour = story_hour(now, liveblog.zone)
    keyed = {}
    for scripted in sorted(story.posts, key=lambda scripted: -scripted.minutes):
        at = hour - dt.timedelta(minutes=scripted.minutes)
        post = publish_scripted(liveblog, scripted, author=author, at=at)
        if scripted.key:
            keyed[scripted.key] = post
    return keyed


def _edit(liveblog: LiveBlog, story: Story, posts: dict[str, Post], *, author) -> None:
    """Make the desk's later changes: the pin, corrections, retractions and key points."""
    services.pin_post(posts[story.pinned], editor=author)
    for correction in story.corrections:
        post = posts[correction.key]
        if correction.wrong not in post.body:
            raise ValueError(f"Post {correction.key!r} has no {correction.wrong!r} to correct.")
        services.revise_post(post, editor=author, revision=post.revision,
                             body=post.body.replace(correction.wrong, correction.right),
                             note=correction.note)
    for retraction in story.retractions:
        services.retract_post(posts[retraction.key], editor=author, reason=retraction.reason)
    points = [{"text": point.text, "post": posts[point.key].number} for point in story.key_points]
    services.set_key_points(liveblog, editor=author, points=points,
                            revision=liveblog.key_points_revision)


def seed_demo(now: dt.datetime | None = None, *, author: AbstractBaseUser | None = None,
              story: Story = STORY) -> LiveBlog:
    """Publish the demo story into a new live blog; return the blog as is if it exists."""
    existing = LiveBlog.objects.filter(slug=story.slug).first()
    if existing is not None:
        return existing
    author = author or SYSTEM
    now = now or timezone.now()
    # One transaction: a seed that fails halfway leaves no half-told story behind for
    # the next run to mistake for a finished one.
    with transaction.atomic():
        liveblog = services.create_live_blog(
            title=story.title, slug=story.slug, editor=author, description=story.description,
            time_zone=story.time_zone, extra_clocks=story.extra_clocks,
        )
        posts = _publish_all(liveblog, story, author=author, now=now)
        _edit(liveblog, story, posts, author=author)
    return LiveBlog.objects.get(pk=liveblog.pk)
