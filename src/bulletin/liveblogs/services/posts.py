"""Published posts: publish, revise, retract, pin and unpin."""

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from .. import changes, validation
from ..exceptions import PostAlreadyRetracted, PostNotPublished, StaleRevision
from ..models import Change, LiveBlog, Post
from ..roles import Role, require
from .common import (
    ImageUpload,
    go_public,
    keep_revision,
    locked,
    locked_post,
    new_post,
    set_content,
)


def publish_post(
    liveblog: LiveBlog,
    *,
    author,
    body: str,
    headline: str = "",
    kind: str = Post.Kind.UPDATE,
    credit: str = "",
    links: Iterable[dict] = (),
    images: Iterable[ImageUpload] = (),
    at: dt.datetime | None = None,
) -> Post:
    """Publish a post at the top of a live blog and announce it to readers."""
    require(author, Role.EDITOR, "publish posts")
    with transaction.atomic():
        liveblog = locked(liveblog)
        liveblog.ensure_open()
        post = new_post(liveblog, author=author, kind=kind, images=images,
                        headline=headline, body=body, credit=credit, links=links)
        return go_public(liveblog, post, editor=author, at=at or timezone.now())


def revise_post(
    post: Post,
    *,
    editor,
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
    require(editor, Role.EDITOR, "revise published posts")
    note = validation.note(note)
    with transaction.atomic():
        liveblog, post = locked_post(post)
        if post.state != Post.State.PUBLISHED:
            raise PostNotPublished("Only a published post can be revised.")
        if revision != post.revision:
            raise StaleRevision(
                f"This post was revised (now revision {post.revision}) after you opened "
                f"revision {revision}.",
                current=post.revision,
            )
        set_content(post, validation.post_content(
            headline=post.headline if headline is None else headline,
            body=post.body if body is None else body,
            credit=post.credit if credit is None else credit,
            links_=post.links if links is None else links,
        ))
        post.revision += 1
        post.updated_at = timezone.now()
        post.save()
        keep_revision(post, editor=editor, note=note, at=post.updated_at)
        changes.record(liveblog, Change.Kind.POST_REVISED, changes.post_change(post), post=post)
    return post


def retract_post(post: Post, *, editor, reason: str) -> Post:
    """Take a post down, leaving a tombstone with the reason in its place."""
    require(editor, Role.EDITOR, "retract posts")
    reason = validation.reason(reason)
    with transaction.atomic():
        liveblog, post = locked_post(post)
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


def pin_post(post: Post, *, editor) -> Post:
    """Pin a post above the others, unpinning whichever was pinned, in one change."""
    require(editor, Role.EDITOR, "pin posts")
    with transaction.atomic():
        liveblog, post = locked_post(post)
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


def unpin_post(post: Post, *, editor) -> Post:
    """Return a pinned post to its place in time."""
    require(editor, Role.EDITOR, "unpin posts")
    with transaction.atomic():
        liveblog, post = locked_post(post)
        if not post.pinned:
            return post
        post.pinned = False
        post.save(update_fields=["pinned"])
        changes.record(liveblog, Change.Kind.POST_UNPINNED, changes.post_change(post), post=post)
    return post

