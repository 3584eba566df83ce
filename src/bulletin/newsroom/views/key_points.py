"""The key points box: an ordered list rewritten whole, starting from the revision opened."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from bulletin.liveblogs import services
from bulletin.liveblogs.exceptions import StaleRevision
from bulletin.liveblogs.models import LiveBlog

from ..forms import KeyPointsForm
from .common import attempt, desk_view, is_editor, liveblog_or_404


def render_key_points(request: HttpRequest, liveblog: LiveBlog, form: KeyPointsForm, *, status: int = 200,
                      conflict: dict | None = None) -> HttpResponse:
    return render(request, "bulletin/newsroom/key_points.html", {
        "liveblog": liveblog, "form": form, "conflict": conflict, "editor": is_editor(request.user),
        "current": liveblog.key_points.select_related("post"),
    }, status=status)


def current_form(liveblog: LiveBlog) -> KeyPointsForm:
    points = [{"text": point.text, "post": point.post.number if point.post else ""}
              for point in liveblog.key_points.select_related("post")]
    return KeyPointsForm(initial={"revision": liveblog.key_points_revision, "points": points})


def conflict_view(request: HttpRequest, liveblog: LiveBlog, stale: StaleRevision) -> HttpResponse:
    """The newer list beside the editor's own, which stays in the form against the newer revision."""
    liveblog.refresh_from_db()
    data = request.POST.copy()
    yours, data["revision"] = data.get("revision"), str(stale.current)
    form = KeyPointsForm(data)
    form.is_valid()
    return render_key_points(request, liveblog, form, status=409, conflict={"yours": yours})


@desk_view
@require_http_methods(["GET", "POST"])
def key_points(request: HttpRequest, slug: str) -> HttpResponse:
    liveblog = liveblog_or_404(slug)
    if request.method == "GET":
        return render_key_points(request, liveblog, current_form(liveblog))
    form, status = KeyPointsForm(request.POST), 400
    if form.is_valid():
        data = form.cleaned_data
        try:
            saved, status = attempt(form, lambda: services.set_key_points(
                liveblog, editor=request.user, points=data["points"], revision=data["revision"]))
        except StaleRevision as stale:
            return conflict_view(request, liveblog, stale)
        if saved:
            messages.success(request, "Key points saved. Readers see them now.")
            return redirect("newsroom:desk", slug=slug)
    return render_key_points(request, liveblog, form, status=status)
