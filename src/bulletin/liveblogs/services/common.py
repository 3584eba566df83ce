"""What the services share: locking, images, revisions, publication."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db.models import Max

from .. import changes, markup
from ..models import Change, LiveBlog, Post, PostImage, PostRevision
from ..roles import user_or_none


@dataclass(frozen=True)
class ImageUpload:
    """An image to attach to a post; alt text is required for screen readers."""

    file: File
    alt: str
    caption: str = ""
    credit: str = ""


def locked(liveblog: LiveBlog) -> LiveBlog:
    return LiveBlog.objects.select_for_update().get(pk=liveblog.pk)


def locked_post(post: Post) -> tuple[LiveBlog, Post]:
    """Lock the post's live blog (the one lock every change takes) and re-read the post."""
    liveblog = locked(post.liveblog)
    return liveblog, Post.objects.select_related("liveblog").get(pk=post.pk)


def attach_images(post: Post, images: Iterable[ImageUpload]) -> None:
    for position, image in enumerate(images, start=post.images.count()):
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


def keep_revision(post: Post, *, editor, note: str, at: dt.datetime) -> None:
    PostRevision.objects.create(
        post=post, revision=post.revision, headline=post.headline, body=post.body,
        body_html=post.body_html, credit=post.credit, links=post.links,
        editor=user_or_none(editor), note=note, created_at=at,
    )


def set_content(post: Post, content: dict) -> None:
    for field, value in content.items():
        setattr(post, field, value)
    post.body_html = markup.render(post.body)


def go_public(liveblog: LiveBlog, post: Post, *, editor, at: dt.datetime) -> Post:
    """Number a post, publish it and record the change; the blog must be locked."""
    liveblog.ensure_open()
    post.number = (liveblog.posts.aggregate(top=Max("number"))["top"] or 0) + 1
    post.state = Post.State.PUBLISHED
    post.published_at = at
    post.scheduled_at = None
    post.save()
    keep_revision(post, editor=editor, note="", at=at)
    changes.record(liveblog, Change.Kind.POST_PUBLISHED, changes.post_change(post), post=post)
    return post
