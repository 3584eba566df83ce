"""Every state change of a live blog, one plain function each.

Each runs in one transaction: lock the live blog's row, check the rules, apply the change,
append exactly one Change with the next sequence number, and announce it after commit.
A failure anywhere rolls everything back, the sequence number included.
"""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from . import changes, markup, validation
from .exceptions import (
    LiveBlogEnded,
    PostAlreadyRetracted,
    PostNotPublished,
    StaleRevision,
)
from .models import Change, KeyPoint, LiveBlog, Post, PostImage, PostRevision

User = AbstractBaseUser


@dataclass(frozen=True)
class ImageUpload:
    """An image to attach to a post; alt text is required for screen readers."""

    file: File
    alt: str
    caption: str = ""
    credit: str = ""


def _locked(liveblog: LiveBlog) -> LiveBlog:
    return LiveBlog.objects.select_for_update().get(pk=liveblog.pk)


def _locked_post(post: Post) -> tuple[LiveBlog, Post]:
    """Lock the post's live blog (the one lock every change takes) and re-read the post."""
    liveblog = _locked(post.liveblog)
    return liveblog, Post.objects.select_related("liveblog").get(pk=post.pk)


def create_live_blog(
    *,
    title: str,
    slug: str,
    editor: User | None,
    description: str = "",
    time_zone: str = "UTC",
    extra_clocks: Sequence[str] = (),
    live: bool = True,
) -> LiveBlog:
    """Open a live blog for a developing story."""
    liveblog = LiveBlog(
        title=title.strip(),
        slug=slug,
        description=description.strip(),
        time_zone=time_zone,
        extra_clocks=list(extra_clocks),
        state=LiveBlog.State.LIVE if live else LiveBlog.State.DRAFT,
        started_at=timezone.now() if live else None,
    )
    liveblog.full_clean()
    for zone in liveblog.extra_clocks:
        try:
            LiveBlog._meta.get_field("time_zone").run_validators(zone)
        except ValidationError as error:
            raise ValidationError({"extra_clocks": error.messages}) from None
    with transaction.atomic():
        liveblog.save()
        liveblog = _locked(liveblog)
        changes.record(liveblog, Change.Kind.LIVE_BLOG_CREATED, changes.status_change(liveblog))
    return liveblog


def _attach_images(post: Post, images: Iterable[ImageUpload]) -> None:
    for position, image in enumerate(images):
        alt = image.alt.strip()
        if not alt:
            raise ValidationError({"images": [f"Image {position + 1} needs alt text."]})
        attached = PostImage(
            post=post, position=position, alt=alt,
            caption=image.caption.strip(), credit=image.credit.strip(),
        )
        attached.file.save(image.file.name.rsplit("/", 1)[-1], image.file, save=False)
        attached.full_clean(exclude=["post"])
        attached.save()


def publish_post(
    liveblog: LiveBlog,
    *,
    author: User | None,
    body: str,
    headline: str = "",
    kind: str = Post.Kind.UPDATE,
    credit: str = "",
    links: Iterable[dict] = (),
    images: Iterable[ImageUpload] = (),
    at: dt.datetime | None = None,
) -> Post:
    """Publish a post at the top of a live blog and announce it to readers."""
    content = validation.post_content(headline=headline, body=body, credit=credit, links_=links)
    if kind not in Post.Kind.values:
        raise ValidationError({"kind": [f"Kind must be one of {', '.join(Post.Kind.values)}."]})
    with transaction.atomic():
        liveblog = _locked(liveblog)
        liveblog.ensure_open()
        now = at or timezone.now()
        number = (liveblog.posts.aggregate(top=Max("number"))["top"] or 0) + 1
        post = Post.objects.create(
            liveblog=liveblog, number=number, kind=kind, author=author,
            body_html=markup.render(content["body"]), state=Post.State.PUBLISHED,
            published_at=now, **content,
        )
        _attach_images(post, images)
        _keep_revision(post, editor=author, note="", at=now)
        changes.record(liveblog, Change.Kind.POST_PUBLISHED, changes.post_change(post), post=post)
    return post


def _keep_revision(post: Post, *, editor: User | None, note: str, at: dt.datetime) -> None:
    PostRevision.objects.create(
        post=post, revision=post.revision, headline=post.headline, body=post.body,
        body_html=post.body_html, credit=post.credit, links=post.links,
        editor=editor, note=note, created_at=at,
    )


def revise_post(
    post: Post,
    *,
    editor: User | None,
    revision: int,
    body: str | None = None,
    headline: str | None = None,
    credit: str | None = None,
    links: Iterable[dict] | None = None,
    note: str = "",
) -> Post:
    """Correct or update a published post, starting from the revision the editor opened.

    Raises StaleRevision, writing nothing, when someone saved a newer one meanwhile.
    """
    with transaction.atomic():
        liveblog, post = _locked_post(post)
        if post.state != Post.State.PUBLISHED:
            raise PostNotPublished("Only a published post can be revised.")
        if revision != post.revision:
            raise StaleRevision(
                f"This post was revised (now revision {post.revision}) after you opened "
                f"revision {revision}.",
                current=post.revision,
            )
        content = validation.post_content(
            headline=post.headline if headline is None else headline,
            body=post.body if body is None else body,
            credit=post.credit if credit is None else credit,
            links_=post.links if links is None else links,
        )
        if len(note.strip()) > validation.MAX_REASON:
            raise ValidationError({"note": [f"A correction note takes at most {validation.MAX_REASON} characters."]})
        for field, value in content.items():
            setattr(post, field, value)
        post.body_html = markup.render(post.body)
        post.revision += 1
        post.updated_at = timezone.now()
        post.save()
        _keep_revision(post, editor=editor, note=note.strip(), at=post.updated_at)
        changes.record(liveblog, Change.Kind.POST_REVISED, changes.post_change(post), post=post)
    return post


def retract_post(post: Post, *, editor: User | None, reason: str) -> Post:
    """Take a post down, leaving a tombstone with the reason in its place."""
    reason = validation.reason(reason)
    with transaction.atomic():
        liveblog, post = _locked_post(post)
        if post.state == Post.State.RETRACTED:
            raise PostAlreadyRetracted("This post has already been retracted.")
        if post.state != Post.State.PUBLISHED:
            raise PostNotPublished("Only a published post can be retracted.")
        post.state = Post.State.RETRACTED
        post.pinned = False
        post.retracted_at = timezone.now()
        post.retraction_reason = reason
        post.save()
        changes.record(liveblog, Change.Kind.POST_RETRACTED, changes.post_change(post), post=post)
    return post


def pin_post(post: Post, *, editor: User | None) -> Post:
    """Pin a post above the others, unpinning whichever was pinned, in one change."""
    with transaction.atomic():
        liveblog, post = _locked_post(post)
        if post.state != Post.State.PUBLISHED:
            raise PostNotPublished("Only a published post can be pinned.")
        if post.pinned:
            return post
        previous = liveblog.posts.filter(pinned=True).select_related("liveblog").first()
        if previous is not None:
            previous.pinned = False
            previous.save(update_fields=["pinned"])
        post.pinned = True
        post.save(update_fields=["pinned"])
        changes.record(liveblog, Change.Kind.POST_PINNED, changes.pin_change(post, previous), post=post)
    return post


def unpin_post(post: Post, *, editor: User | None) -> Post:
    """Return a pinned post to its place in time."""
    with transaction.atomic():
        liveblog, post = _locked_post(post)
        if not post.pinned:
            return post
        post.pinned = False
        post.save(update_fields=["pinned"])
        changes.record(liveblog, Change.Kind.POST_UNPINNED, changes.post_change(post), post=post)
    return post


def set_key_points(
    liveblog: LiveBlog, *, editor: User | None, points: Iterable[dict], revision: int
) -> LiveBlog:
    """Replace the key points box, starting from the revision the editor opened."""
    cleaned = validation.key_points(points)
    with transaction.atomic():
        liveblog = _locked(liveblog)
        if revision != liveblog.key_points_revision:
            raise StaleRevision(
                f"The key points were changed (now revision {liveblog.key_points_revision}) "
                f"after you opened revision {revision}.",
                current=liveblog.key_points_revision,
            )
        numbers = {point["post"] for point in cleaned if point["post"] is not None}
        posts = {p.number: p for p in liveblog.posts.public().filter(number__in=numbers)}
        missing = sorted(numbers - posts.keys())
        if missing:
            raise ValidationError({"points": [f"No published post numbered {', '.join(map(str, missing))}."]})
        liveblog.key_points.all().delete()
        KeyPoint.objects.bulk_create(
            KeyPoint(liveblog=liveblog, position=index, text=point["text"], post=posts.get(point["post"]))
            for index, point in enumerate(cleaned)
        )
        liveblog.key_points_revision += 1
        liveblog.save(update_fields=["key_points_revision"])
        changes.record(liveblog, Change.Kind.KEY_POINTS_REVISED, changes.key_points_change(liveblog))
    return liveblog


def end_live_blog(liveblog: LiveBlog, *, editor: User | None) -> LiveBlog:
    """Close a live blog: it stays readable and takes no further posts."""
    with transaction.atomic():
        liveblog = _locked(liveblog)
        liveblog.ensure_open()
        liveblog.state = LiveBlog.State.ENDED
        liveblog.ended_at = timezone.now()
        liveblog.save(update_fields=["state", "ended_at"])
        changes.record(liveblog, Change.Kind.LIVE_BLOG_ENDED, changes.status_change(liveblog))
    return liveblog
