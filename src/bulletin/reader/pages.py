"""What the edge serves, rendered from the database into prepared bytes.

These functions are synchronous (ORM and templates) and run in the edge's render threads,
once per change and page, never per request. Each reads the live blog's sequence first
and its content after, so content is never older than the sequence it is labelled with;
readers apply changes idempotently, so content a little newer is harmless.
"""

import json
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.template.loader import render_to_string
from django.utils import timezone

from bulletin import conf
from bulletin.liveblogs import timefmt
from bulletin.liveblogs.markup import plain_text
from bulletin.liveblogs.models import Change, LiveBlog, Post
from bulletin.liveblogs.rendering import render_key_points, render_post, render_status
from bulletin.security import PAGE_CSP

from . import history
from .responses import (
    ERROR_CACHE,
    LATEST_CACHE,
    PAGE_CACHE,
    WINDOW_CACHE,
    Prepared,
    style_hash_csp,
)

HTML = "text/html; charset=utf-8"
JSON = "application/json"
LITE_CSS = (
    "body{max-width:38em;margin:auto;padding:0 .7em;font:1.05em/1.5 sans-serif}"
    "h2{font-size:1.15em;margin:.2em 0}p[id]{margin:2em 0 0;color:#555}a{color:#0645ad}"
)
LITE_CSP = style_hash_csp(LITE_CSS)


@dataclass(frozen=True)
class BlogInfo:
    id: int
    slug: str
    sequence: int
    public: bool


def load_blog(slug: str) -> BlogInfo | None:
    row = LiveBlog.objects.filter(slug=slug).values("id", "slug", "sequence", "state").first()
    if row is None:
        return None
    return BlogInfo(row["id"], row["slug"], row["sequence"], row["state"] != LiveBlog.State.DRAFT)


def _public_blog(slug: str) -> LiveBlog | None:
    return LiveBlog.objects.exclude(state=LiveBlog.State.DRAFT).filter(slug=slug).first()


def _html(body: str, *, etag: str | None, csp: str = PAGE_CSP, status: int = 200) -> Prepared:
    cache = PAGE_CACHE if status == 200 else ERROR_CACHE
    return Prepared.build(status, HTML, body.encode(), cache, etag=etag, csp=csp)


def _page_context(liveblog: LiveBlog, *, before: int | None, size: int, lite: bool) -> dict:
    """Posts of one page, the pinned one apart on the first, and the older-posts cursor."""
    posts = list(liveblog.posts.page(before=before, size=size + 1))
    older = posts[size - 1].number if len(posts) > size else None
    posts = posts[:size]
    pinned = None
    if before is None:
        pinned = liveblog.posts.public().filter(pinned=True).for_display().first()
        posts = [post for post in posts if not post.pinned]
    now = timezone.now()
    return {
        "liveblog": liveblog,
        "before": before,
        "older": older,
        "post_count": liveblog.posts.public().filter(state=Post.State.PUBLISHED).count(),
        "zone_label": timefmt.zone_label(liveblog.zone, now),
        "clocks": [timefmt.zone_label(ZoneInfo(name), now) for name in liveblog.extra_clocks],
        "status_html": render_status(liveblog),
        "key_points_html": render_key_points(liveblog, lite=lite) if before is None else "",
        "pinned_html": render_post(pinned, lite=lite) if pinned else "",
        "posts_html": [render_post(post, lite=lite) for post in posts],
    }


def live_page(slug: str, before: int | None) -> Prepared | None:
    liveblog = _public_blog(slug)
    if liveblog is None:
        return None
    context = _page_context(liveblog, before=before, size=conf.get("PAGE_SIZE"), lite=False)
    # Only the first page of a blog still taking posts follows changes live.
    context["live"] = before is None and liveblog.state == LiveBlog.State.LIVE
    body = render_to_string("bulletin/reader/live.html", context)
    return _html(body, etag=f"{liveblog.pk}-{liveblog.sequence}")


def lite_page(slug: str, before: int | None) -> Prepared | None:
    liveblog = _public_blog(slug)
    if liveblog is None:
        return None
    context = _page_context(liveblog, before=before, size=conf.get("LITE_PAGE_SIZE"), lite=True)
    context["css"] = LITE_CSS
    body = render_to_string("bulletin/reader/lite.html", context)
    return _html(body, etag=f"{liveblog.pk}-{liveblog.sequence}", csp=LITE_CSP)


def post_page(slug: str, number: int) -> Prepared | None:
    liveblog = _public_blog(slug)
    if liveblog is None:
        return None
    post = liveblog.posts.public().filter(number=number).for_display().first()
    if post is None:
        return None
    base = conf.get("PUBLIC_URL").rstrip("/")
    image = next(iter(post.images.all()), None)
    context = {
        "liveblog": liveblog,
        "post": post,
        "post_html": render_post(post),
        **_post_summary(post),
        "absolute_url": base + post.get_absolute_url(),
        "image_url": base + image.widest_url() if image else "",
        "image_alt": image.alt if image else "",
        "corrections": [] if post.is_retracted else history.corrections(post),
    }
    body = render_to_string("bulletin/reader/post.html", context)
    return _html(body, etag=f"{liveblog.pk}-{liveblog.sequence}")


def _post_summary(post: Post) -> dict:
    """Title and description for sharing; a retracted post's own words are never repeated."""
    if post.is_retracted:
        return {"title": "Retracted update", "description": f"This update was retracted. {post.retraction_reason}"}
    text = plain_text(post.body)
    return {"title": post.headline or _excerpt(text, 70), "description": _excerpt(text, 200)}


def _excerpt(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def changes_window(slug: str, after: int) -> Prepared | None:
    """Changes after a sequence number; a full window never changes and is cached long."""
    liveblog = _public_blog(slug)
    if liveblog is None:
        return None
    window = conf.get("CHANGES_WINDOW")
    payloads = list(
        Change.objects.filter(liveblog=liveblog).changed_since(after)[:window].values_list("payload", flat=True)
    )
    full = len(payloads) == window
    body = {
        "liveblog": liveblog.slug,
        "after": after,
        "next": payloads[-1]["sequence"] if payloads else max(after, 0),
        "latest": liveblog.sequence,
        "changes": payloads,
    }
    encoded = json.dumps(body, separators=(",", ":")).encode()
    return Prepared.build(
        200, JSON, encoded, WINDOW_CACHE if full else LATEST_CACHE,
        etag=f"{liveblog.pk}-{after}-{body['next']}",
    )


def change_payloads(blog_id: int, after: int, upto: int | None, limit: int) -> list[dict]:
    """Payloads of a blog's changes in (after, upto], oldest first, at most limit."""
    changes = Change.objects.filter(liveblog_id=blog_id).changed_since(after)
    if upto is not None:
        changes = changes.filter(sequence__lte=upto)
    return list(changes.values_list("payload", flat=True)[:limit])


def home_page() -> Prepared:
    blogs = LiveBlog.objects.exclude(state=LiveBlog.State.DRAFT)
    live = list(blogs.filter(state=LiveBlog.State.LIVE))
    ended = list(blogs.filter(state=LiveBlog.State.ENDED).order_by("-ended_at")[:30])
    latest = Change.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    body = render_to_string("bulletin/reader/home.html", {"live": live, "ended": ended})
    return _html(body, etag=f"home-{latest}")


def not_found_page() -> Prepared:
    body = render_to_string("bulletin/reader/error.html", {"title": "Page not found",
        "message": "There is no live blog or post at this address. It may have been mistyped."})
    return _html(body, etag=None, status=404)


def bad_request(message: str, *, json_body: bool) -> Prepared:
    if json_body:
        body = json.dumps({"error": message}).encode()
        return Prepared.build(400, JSON, body, ERROR_CACHE)
    body = render_to_string("bulletin/reader/error.html", {"title": "Bad request", "message": message})
    return _html(body, etag=None, status=400)
