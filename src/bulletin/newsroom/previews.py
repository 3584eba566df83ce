"""A post as readers would get it, built in memory from what the composer holds.

Nothing is saved: the post is checked with the same rules the services apply and rendered
through ``liveblogs.rendering``, the one fragment every reader surface uses.
"""

from django.db.models import Max
from django.utils import timezone

from bulletin.liveblogs import markup, rendering, validation
from bulletin.liveblogs.models import LiveBlog, Post


def render_preview(liveblog: LiveBlog, *, headline: str, body: str, credit: str, links: list[dict],
                   kind: str = Post.Kind.UPDATE, images=(), number: int | None = None) -> str:
    """Render an unsaved post; raise ValidationError as publishing would. Images are left out."""
    content = validation.post_content(headline=headline, body=body, credit=credit, links_=links)
    post = Post(liveblog=liveblog, kind=validation.kind(kind), state=Post.State.PUBLISHED,
                number=number or next_number(liveblog), published_at=timezone.now(), **content)
    post.body_html = markup.render(post.body)
    # A primary key that no row has: related lists (images) then read as empty, never as an error.
    post.pk = 0
    return rendering.render_post(post)


def next_number(liveblog: LiveBlog) -> int:
    return (liveblog.posts.aggregate(top=Max("number"))["top"] or 0) + 1
