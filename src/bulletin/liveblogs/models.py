"""Live blogs, posts, revisions, key points and the per-blog sequence of changes."""

import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from .exceptions import LiveBlogEnded
from .querysets import ChangeQuerySet, PostQuerySet


def validate_time_zone(name: str) -> None:
    """Refuse anything that is not an IANA time zone name."""
    if name not in zoneinfo.available_timezones():
        raise ValidationError(f"{name!r} is not an IANA time zone (for example Europe/Kyiv).")


class LiveBlog(models.Model):
    class State(models.TextChoices):
        DRAFT = "draft"
        LIVE = "live"
        ENDED = "ended"

    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=200)
    description = models.TextField(max_length=1000, blank=True)
    state = models.CharField(max_length=8, choices=State.choices, default=State.LIVE)
    time_zone = models.CharField(max_length=64, default="UTC", validators=[validate_time_zone])
    extra_clocks = models.JSONField(default=list, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    # The number of the newest change; the next change gets sequence + 1.
    sequence = models.PositiveIntegerField(default=0)
    key_points_revision = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-started_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return f"/live/{self.slug}/"

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def is_public(self) -> bool:
        return self.state != self.State.DRAFT

    def ensure_open(self) -> None:
        """Raise LiveBlogEnded when no more posts may go in."""
        if self.state == self.State.ENDED:
            raise LiveBlogEnded(f"{self.title!r} has ended; it takes no more posts.")

    def next_sequence(self) -> int:
        """Take the next change number. Call with the row locked (select_for_update)."""
        self.sequence += 1
        self.save(update_fields=["sequence"])
        return self.sequence


class Post(models.Model):
    class Kind(models.TextChoices):
        UPDATE = "update"
        DIGEST = "digest"

    class State(models.TextChoices):
        DRAFT = "draft"
        SUBMITTED = "submitted"
        PUBLISHED = "published"
        RETRACTED = "retracted"

    liveblog = models.ForeignKey(LiveBlog, on_delete=models.CASCADE, related_name="posts")
    # Given at first publication, in order: the stable public number behind permalinks.
    number = models.PositiveIntegerField(null=True, blank=True)
    kind = models.CharField(max_length=8, choices=Kind.choices, default=Kind.UPDATE)
    headline = models.CharField(max_length=200, blank=True)
    body = models.TextField()
    body_html = models.TextField()
    credit = models.CharField(max_length=200, blank=True)
    links = models.JSONField(default=list, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.DRAFT)
    pinned = models.BooleanField(default=False)
    revision = models.PositiveIntegerField(default=1)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(null=True, blank=True)
    retracted_at = models.DateTimeField(null=True, blank=True)
    retraction_reason = models.CharField(max_length=500, blank=True)
    # A draft with a time here is published by the scheduler once the time has come.
    scheduled_at = models.DateTimeField(null=True, blank=True)
    # What the editor said when returning a submission to its reporter.
    return_note = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(auto_now=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["liveblog", "number"], name="post_number_unique"),
            models.UniqueConstraint(
                fields=["liveblog"], condition=models.Q(pinned=True), name="one_pinned_post"
            ),
        ]

    def __str__(self) -> str:
        return self.headline or f"Post {self.number or self.pk}"

    def get_absolute_url(self) -> str:
        return f"/live/{self.liveblog.slug}/posts/{self.number}/"

    @property
    def anchor(self) -> str:
        return f"post-{self.number}"

    @property
    def is_retracted(self) -> bool:
        return self.state == self.State.RETRACTED

    @property
    def was_updated(self) -> bool:
        return self.revision > 1 and self.updated_at is not None


class PostImage(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="images")
    position = models.PositiveSmallIntegerField(default=0)
    file = models.ImageField(upload_to="images/%Y/%m/", width_field="width", height_field="height")
    width = models.PositiveIntegerField(default=0)
    height = models.PositiveIntegerField(default=0)
    alt = models.CharField(max_length=300)
    caption = models.CharField(max_length=500, blank=True)
    credit = models.CharField(max_length=200, blank=True)
    # [{"width", "height", "name"}] narrowest first, for srcset; written by liveblogs.images.
    renditions = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["position", "pk"]

    def widest_url(self) -> str:
        """The largest cleaned copy: for sharing cards, which want one big image."""
        if self.renditions:
            return f"{settings.MEDIA_URL}{self.renditions[-1]['name']}"
        return self.file.url


class PostRevision(models.Model):
    """One published text of a post, kept for its public history."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    revision = models.PositiveIntegerField()
    headline = models.CharField(max_length=200, blank=True)
    body = models.TextField()
    body_html = models.TextField()
    credit = models.CharField(max_length=200, blank=True)
    links = models.JSONField(default=list, blank=True)
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["post", "revision"]
        constraints = [
            models.UniqueConstraint(fields=["post", "revision"], name="post_revision_unique")
        ]


class KeyPoint(models.Model):
    liveblog = models.ForeignKey(LiveBlog, on_delete=models.CASCADE, related_name="key_points")
    position = models.PositiveSmallIntegerField()
    text = models.CharField(max_length=300)
    post = models.ForeignKey(Post, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["position"]


class Change(models.Model):
    """One numbered state change of a live blog, with what readers need to apply it."""

    class Kind(models.TextChoices):
        LIVE_BLOG_CREATED = "live_blog.created"
        LIVE_BLOG_ENDED = "live_blog.ended"
        POST_PUBLISHED = "post.published"
        POST_REVISED = "post.revised"
        POST_PINNED = "post.pinned"
        POST_UNPINNED = "post.unpinned"
        POST_RETRACTED = "post.retracted"
        KEY_POINTS_REVISED = "key_points.revised"

    liveblog = models.ForeignKey(LiveBlog, on_delete=models.CASCADE, related_name="changes")
    sequence = models.PositiveIntegerField()
    kind = models.CharField(max_length=32, choices=Kind.choices)
    post = models.ForeignKey(Post, null=True, on_delete=models.SET_NULL, related_name="+")
    payload = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ChangeQuerySet.as_manager()

    class Meta:
        ordering = ["liveblog", "sequence"]
        constraints = [
            models.UniqueConstraint(fields=["liveblog", "sequence"], name="change_sequence_unique")
        ]


class ReaderCount(models.Model):
    """How many readers one server process is streaming a live blog to, lately."""

    process = models.CharField(max_length=100)
    liveblog = models.ForeignKey(LiveBlog, on_delete=models.CASCADE, related_name="+")
    count = models.PositiveIntegerField()
    updated_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["process", "liveblog"], name="reader_count_unique")
        ]
