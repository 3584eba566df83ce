"""The desk's pages."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from bulletin.liveblogs.models import LiveBlog
from bulletin.liveblogs.roles import role_of


@login_required
def liveblogs(request: HttpRequest) -> HttpResponse:
    """Every live blog, the live ones first."""
    blogs = LiveBlog.objects.order_by("state", "-started_at", "-pk")
    return render(request, "bulletin/newsroom/liveblogs.html", {"liveblogs": blogs, "role": role_of(request.user)})
