"""Live blogs themselves: open one, rewrite its key points, end it."""

from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from .. import changes, validation
from ..exceptions import StaleRevision
from ..models import Change, KeyPoint, LiveBlog, validate_time_zone
from ..roles import Role, require
from .common import locked

# Addresses the desk uses for itself under /desk/; a blog there could not be reached.
RESERVED_SLUGS = {"sign-in", "sign-out"}


def create_live_blog(
    *,
    title: str,
    slug: str,
    editor,
    description: str = "",
    time_zone: str = "UTC",
    extra_clocks: Sequence[str] = (),
    live: bool = True,
) -> LiveBlog:
    """Open a live blog for a developing story."""
    require(editor, Role.EDITOR, "open live blogs")
    liveblog = LiveBlog(
        title=validation.clean_text(title),
        slug=slug,
        description=validation.clean_text(description),
        time_zone=time_zone,
        extra_clocks=list(extra_clocks),
        state=LiveBlog.State.LIVE if live else LiveBlog.State.DRAFT,
        started_at=timezone.now() if live else None,
    )
    liveblog.full_clean()
    if slug in RESERVED_SLUGS:
        raise ValidationError({"slug": [f"“{slug}” is reserved for the desk; choose another address."]})
    for zone in liveblog.extra_clocks:
        try:
            validate_time_zone(zone)
        except ValidationError as error:
            raise ValidationError({"extra_clocks": error.messages}) from None
    with transaction.atomic():
        liveblog.save()
        liveblog = locked(liveblog)
        changes.record(liveblog, Change.Kind.LIVE_BLOG_CREATED, changes.status_change(liveblog))
    return liveblog


def set_key_points(liveblog: LiveBlog, *, editor, points: Iterable[dict], revision: int) -> LiveBlog:
    """Replace the key points box, starting from the revision the editor opened."""
    require(editor, Role.EDITOR, "edit key points")
    cleaned = validation.key_points(points)
    with transaction.atomic():
        liveblog = locked(liveblog)
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


def end_live_blog(liveblog: LiveBlog, *, editor) -> LiveBlog:
    """Close a live blog: it stays readable and takes no further posts."""
    require(editor, Role.EDITOR, "end live blogs")
    with transaction.atomic():
        liveblog = locked(liveblog)
        liveblog.ensure_open()
        liveblog.state = LiveBlog.State.ENDED
        liveblog.ended_at = timezone.now()
        liveblog.save(update_fields=["state", "ended_at"])
        changes.record(liveblog, Change.Kind.LIVE_BLOG_ENDED, changes.status_change(liveblog))
    return liveblog
