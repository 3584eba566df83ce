"""Published posts: correct one (with conflicts shown, never overwritten), pin, unpin, retract."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from bulletin.liveblogs import rendering, services
from bulletin.liveblogs.exceptions import StaleRevision
from bulletin.liveblogs.models import LiveBlog, Post

from ..forms import RetractForm, ReviseForm
from .common import act, attempt, desk_view, is_editor, liveblog_or_404, post_or_404


def render_edit(request: HttpRequest, post: Post, form: ReviseForm, *, status: int = 200,
                conflict: dict | None = None) -> HttpResponse:
    return render(request, "bulletin/newsroom/edit.html", {
        "liveblog": post.liveblog, "post": post, "form": form, "conflict": conflict,
        "editor": is_editor(request.user),
    }, status=status)


def conflict_view(request: HttpRequest, post: Post, stale: StaleRevision) -> HttpResponse:
    """The newer text beside the editor's own, which stays in the form, now against the newer revision."""
    post.refresh_from_db()
    newest = post.revisions.filter(revision=post.revision).select_related("editor").first()
    data = request.POST.copy()
    yours, data["revision"] = data.get("revision"), str(stale.current)
    form = ReviseForm(data)
    form.is_valid()
    conflict = {"yours": yours, "editor": newest.editor.get_username() if newest and newest.editor else "",
                "at": newest.created_at if newest else None}
    return render_edit(request, post, form, status=409, conflict=conflict)


@desk_view
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """Correct a published post, starting from the revision the form was opened at."""
    post = post_or_404(liveblog_or_404(slug), number)
    if request.method == "GET":
        initial = {"headline": post.headline, "body": post.body, "credit": post.credit, "links": post.links,
                   "revision": post.revision}
        return render_edit(request, post, ReviseForm(initial=initial))
    form, status = ReviseForm(request.POST), 400
    if form.is_valid():
        data = form.cleaned_data
        try:
            revised, status = attempt(form, lambda: services.revise_post(
                post, editor=request.user, revision=data["revision"], note=data["note"], **form.content()))
        except StaleRevision as stale:
            return conflict_view(request, post, stale)
        if revised:
            messages.success(request, f"Saved post {revised.number} (revision {revised.revision}).")
            return redirect("newsroom:desk", slug=slug)
    return render_edit(request, post, form, status=status)


def back_to(liveblog: LiveBlog, number: int) -> HttpResponse:
    return redirect(f"/desk/{liveblog.slug}/#desk-post-{number}")


@desk_view
@require_POST
def pin(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    post = post_or_404(liveblog_or_404(slug), number)
    act(request, lambda: services.pin_post(post, editor=request.user), lambda p: f"Pinned post {p.number}.")
    return back_to(post.liveblog, number)


@desk_view
@require_POST
def unpin(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    post = post_or_404(liveblog_or_404(slug), number)
    act(request, lambda: services.unpin_post(post, editor=request.user), lambda p: f"Unpinned post {p.number}.")
    return back_to(post.liveblog, number)


@desk_view
@require_http_methods(["GET", "POST"])
def retract(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    """Take a post down, saying why; readers see the reason in its place."""
    post = post_or_404(liveblog_or_404(slug), number)
    form, status = RetractForm(request.POST or None), 200
    if form.is_bound and form.is_valid():
        reason = form.cleaned_data["reason"]
        retracted, status = attempt(form, lambda: services.retract_post(post, editor=request.user, reason=reason))
        if retracted:
            messages.success(request, f"Retracted post {number}.")
            return back_to(post.liveblog, number)
    return render(request, "bulletin/newsroom/retract.html", {
        "liveblog": post.liveblog, "post": post, "form": form, "fragment": rendering.render_post(post),
        "editor": is_editor(request.user),
    }, status=status)
