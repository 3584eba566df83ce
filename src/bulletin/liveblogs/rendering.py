"""The fragments every surface shares: a post, the key points box, the blog's status.

The live page, the lite page, permalinks and the change payloads all render posts here,
so a pushed post is byte-identical to a reloaded one.
"""

from django.template.loader import render_to_string

from .models import LiveBlog, Post


def render_post(post: Post, *, lite: bool = False) -> str:
    return render_to_string("bulletin/liveblogs/_post.html", {"post": post, "lite": lite}).strip()


def render_key_points(liveblog: LiveBlog, *, lite: bool = False) -> str:
    points = liveblog.key_points.select_related("post__liveblog")
    return render_to_string(
        "bulletin/liveblogs/_key_points.html",
        {"liveblog": liveblog, "points": points, "lite": lite},
    ).strip()


def render_status(liveblog: LiveBlog) -> str:
    return render_to_string("bulletin/liveblogs/_status.html", {"liveblog": liveblog}).strip()
