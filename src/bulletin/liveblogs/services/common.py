"""What the services share: locking, images, revisions, publication."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db.models import Max
from django.utils import timezone

from .. import changes, images, markup, validation
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


def _label(position: int, image: ImageUpload) -> str:
    """How an error names an image: its place in the post and the file's own name."""
    name = (getattr(image.file, "name", "") or "").rsplit("/", 1)[-1]
    return f"Image {position + 1} ({name})" if name else f"Image {position + 1}"


def _attach(post: Post, position: int, image: ImageUpload, written: list[str]) -> None:
    attached = PostImage(
        post=post, position=position, alt=validation.clean_text(image.alt),
        caption=validation.clean_text(image.caption), credit=validation.clean_text(image.credit),
    )
    try:
        attached.full_clean(exclude=["post", "file"])
    except ValidationError as error:
        raise ValidationError({"images": [f"{_label(position, image)}: {m}" for m in error.messages]}) from None
    cleaned = images.prepare(image.file, label=_label(position, image))
    field = PostImage._meta.get_field("file")
    stored = images.store(cleaned, storage=field.storage, written=written,
                          folder=timezone.now().strftime(str(field.upload_to)))
    attached.file.name = stored.name
    attached.width, attached.height, attached.renditions = stored.width, stored.height, stored.renditions
    attached.save()


def attach_images(post: Post, uploads: Iterable[ImageUpload]) -> None:
    """Check, clean and store a post's new images; on any failure remove the files written."""
    uploads = list(uploads)
    start = post.images.count()
    for position, image in enumerate(uploads, start=start):
        if not validation.clean_text(image.alt):
            raise ValidationError({"images": [f"Image {position + 1} needs alt text."]})
    written: list[str] = []
    try:
        for position, image in enumerate(uploads, start=start):
            _attach(post, position, image, written)
    except BaseException:
        # The service's transaction rolls the rows back; the files are ours to remove.
        images.delete(PostImage._meta.get_field("file").storage, written)
        raise


def keep_revision(post: Post, *, editor, note: str, at: dt.datetime) -> None:
    PostRevision.objects.create(
        post=post, revision=post.revision, headline=post.headline, body=post.body,
        body_html=post.body_html, credit=post.credit, links=post.links,
        editor=user_or_none(editor), note=note, created_at=at,
    )


def new_post(liveblog: LiveBlog, *, author, kind: str, images: Iterable[ImageUpload], **fields) -> Post:
    """Check and save a new, unpublished post with its images (inside the caller's transaction)."""
    content = validation.post_content(
        headline=fields["headline"], body=fields["body"], credit=fields["credit"], links_=fields["links"]
    )
    post = Post(liveblog=liveblog, kind=validation.kind(kind), author=user_or_none(author), state=Post.State.DRAFT)
    set_content(post, content)
    post.save()
    attach_images(post, images)
    return post


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
