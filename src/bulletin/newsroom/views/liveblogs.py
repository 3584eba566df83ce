"""Live blogs: the list, opening one, ending one."""

import zoneinfo
from functools import cache

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from bulletin.liveblogs import services
from bulletin.liveblogs.models import LiveBlog

from ..forms import DeskForm, LiveBlogForm
from .common import attempt, desk_view, is_editor, liveblog_or_404


@cache
def time_zones() -> list[str]:
    """IANA zone names offered while typing; the service checks what is sent."""
    return sorted(zoneinfo.available_timezones())


@desk_view
@require_http_methods(["GET", "POST"])
def index(request: HttpRequest) -> HttpResponse:
    """Every live blog, the live ones first; editors can open a new one here."""
    form, status = LiveBlogForm(request.POST or None), 200
    if form.is_bound:
        status = 400
        if form.is_valid():
            liveblog, status = attempt(form, lambda: services.create_live_blog(editor=request.user, **form.cleaned_data))
            if liveblog:
                messages.success(request, f"Opened “{liveblog.title}”. Write its first post.")
                return redirect("newsroom:desk", slug=liveblog.slug)
    return render(request, "bulletin/newsroom/liveblogs.html", {
        "liveblogs": LiveBlog.objects.order_by("state", "-started_at", "-pk"),
        "form": form, "time_zones": time_zones(), "editor": is_editor(request.user),
    }, status=status)


@desk_view
@require_POST
def end(request: HttpRequest, slug: str) -> HttpResponse:
    """Ask once more, then end the live blog: it stays readable and takes no more posts."""
    liveblog = liveblog_or_404(slug)
    if request.POST.get("confirm") != "yes":
        return render(request, "bulletin/newsroom/end.html", {"liveblog": liveblog})
    form = DeskForm({})  # nothing to type here; it only carries the service's refusal
    form.full_clean()
    _ended, status = attempt(form, lambda: services.end_live_blog(liveblog, editor=request.user))
    if status != 200:
        return render(request, "bulletin/newsroom/end.html", {"liveblog": liveblog, "form": form}, status=status)
    messages.success(request, f"“{liveblog.title}” has ended. Readers can still read it.")
    return redirect("newsroom:liveblogs")
