"""Posts before they are public: drafts, submissions for approval, scheduled publishing.

Nothing here is visible to readers until ``publish_draft`` (or the scheduler) publishes
it, so only that records a change.
"""

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from .. import validation
from ..models import LiveBlog, Post
from ..roles import SYSTEM, Role, require, role_of
from .common import ImageUpload, attach_images, go_public, locked_post, new_post, set_content

UNPUBLISHED = (Post.State.DRAFT, Post.State.SUBMITTED)


def _require_editable(post: Post, actor) -> None:
    """Reporters may touch their own drafts; editors any post not yet published."""
    if post.state not in UNPUBLISHED:
        raise ValidationError("This post is already published; revise it instead.")
    if role_of(actor) >= Role.EDITOR:
        return
    require(actor, Role.REPORTER, "write drafts")
    if post.author_id != actor.pk or post.state != Post.State.DRAFT:
        raise PermissionDenied("Reporters may change only their own drafts, before submitting them.")


def save_draft(
    liveblog: LiveBlog,
    *,
    author,
    body: str,
    headline: str = "",
    kind: str = Post.Kind.UPDATE,
    credit: str = "",
    links: Iterable[dict] = (),
    images: Iterable[ImageUpload] = (),
) -> Post:
    """Keep a post that is not ready for readers."""
    require(author, Role.REPORTER, "write drafts")
    with transaction.atomic():
        return new_post(liveblog, author=author, kind=kind, images=images,
                        headline=headline, body=body, credit=credit, links=links)


def update_draft(
    post: Post, *, author, body: str, headline: str = "", kind: str = Post.Kind.UPDATE,
    credit: str = "", links: Iterable[dict] = (), images: Iterable[ImageUpload] = (),
) -> Post:
    """Change the text of a post that is not yet published."""
    content = validation.post_content(headline=headline, body=body, credit=credit, links_=links)
    validation.kind(kind)
    with transaction.atomic():
        _liveblog, post = locked_post(post)
        _require_editable(post, author)
        set_content(post, content)
        post.kind = kind
        post.save()
        attach_images(post, images)
    return post


def submit_post(post: Post, *, author) -> Post:
    """Send a reporter's draft to the editors for approval."""
    with transaction.atomic():
        _liveblog, post = locked_post(post)
        _require_editable(post, author)
        post.state = Post.State.SUBMITTED
        post.return_note = ""
        post.save(update_fields=["state", "return_note", "edited_at"])
    return post


def return_post(post: Post, *, editor, note: str) -> Post:
    """Send a submission back to its reporter with a note on what to change."""
    require(editor, Role.EDITOR, "return submissions")
    note = validation.note(note)
    if not note:
        raise ValidationError({"note": ["Tell the reporter what to change."]})
    with transaction.atomic():
        _liveblog, post = locked_post(post)
        if post.state != Post.State.SUBMITTED:
            raise ValidationError("Only a submitted post can be returned.")
        post.state = Post.State.DRAFT
        post.return_note = note
        post.save(update_fields=["state", "return_note", "edited_at"])
    return post


def publish_draft(post: Post, *, editor, at: dt.datetime | None = None) -> Post:
    """Publish a draft or approve a submission: it goes to the top of the live blog."""
    require(editor, Role.EDITOR, "publish posts")
    with transaction.atomic():
        liveblog, post = locked_post(post)
        if post.state not in UNPUBLISHED:
            raise ValidationError("This post is already published.")
        return go_public(liveblog, post, editor=editor, at=at or timezone.now())


def _check_schedule(editor, at: dt.datetime | None) -> None:
    require(editor, Role.EDITOR, "schedule posts")
    if at is not None and at <= timezone.now():
        raise ValidationError({"scheduled_at": ["Choose a time in the future, or publish now."]})


def schedule_post(post: Post, *, editor, at: dt.datetime | None) -> Post:
    """Publish a draft at a given time (or, with at=None, cancel its schedule)."""
    _check_schedule(editor, at)
    with transaction.atomic():
        _liveblog, post = locked_post(post)
        if post.state not in UNPUBLISHED:
            raise ValidationError("This post is already published.")
        post.scheduled_at = at
        post.save(update_fields=["scheduled_at", "edited_at"])
    return post


def publish_due_posts(*, now: dt.datetime | None = None) -> list[Post]:
    """Publish every scheduled post whose time has come; safe to run in several processes."""
    now = now or timezone.now()
    due = Post.objects.filter(state__in=UNPUBLISHED, scheduled_at__lte=now).select_related("liveblog")
    published = []
    for post in due.order_by("scheduled_at", "pk"):
        with transaction.atomic():
            liveblog, post = locked_post(post)
            # Another process may have published it while this one waited for the lock.
            if post.state in UNPUBLISHED and post.scheduled_at and post.scheduled_at <= now:
                published.append(go_public(liveblog, post, editor=SYSTEM, at=timezone.now()))
    return published


# Desk actions of two steps. Run apart, a refusal in the second step (a reporter scheduling,
# a time in the past) would leave the first step's draft behind; each pair is one transaction,
# and what the second step would refuse is checked before the first stores any image.


def _to_minute(at: dt.datetime | None) -> dt.datetime | None:
    """The time as the desk's form shows it (whole minutes), so an untouched time reads as unchanged."""
    return at and at.replace(second=0, microsecond=0)


def submit_new_post(liveblog: LiveBlog, *, author, **content) -> Post:
    """Write a post and send it to the editors in one step."""
    with transaction.atomic():
        return submit_post(save_draft(liveblog, author=author, **content), author=author)


def save_new_draft(liveblog: LiveBlog, *, author, at: dt.datetime | None = None, **content) -> Post:
    """Keep a new draft; with a time, the scheduler publishes it then."""
    if at is not None:
        _check_schedule(author, at)
    with transaction.atomic():
        post = save_draft(liveblog, author=author, **content)
        return post if at is None else schedule_post(post, editor=author, at=at)


def save_draft_edits(post: Post, *, author, at: dt.datetime | None, **content) -> Post:
    """Save a draft's new text, and its new time when that changed (None cancels it)."""
    if _to_minute(at) != _to_minute(post.scheduled_at):
        _check_schedule(author, at)
    with transaction.atomic():
        post = update_draft(post, author=author, **content)
        if _to_minute(at) != _to_minute(post.scheduled_at):
            post = schedule_post(post, editor=author, at=at)
        return post


def submit_draft_edits(post: Post, *, author, **content) -> Post:
    """Save a draft's new text and send it to the editors."""
    with transaction.atomic():
        return submit_post(update_draft(post, author=author, **content), author=author)


def publish_draft_edits(post: Post, *, editor, at: dt.datetime | None = None, **content) -> Post:
    """Save a draft's new text, then publish it now or schedule it for the given time."""
    if at is not None:
        _check_schedule(editor, at)
    else:
        require(editor, Role.EDITOR, "publish posts")
    with transaction.atomic():
        post = update_draft(post, author=editor, **content)
        if at is not None:
            return schedule_post(post, editor=editor, at=at)
        return publish_draft(post, editor=editor)
