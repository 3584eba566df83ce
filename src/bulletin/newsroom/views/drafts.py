"""Unpublished posts: a draft's own page, approving a submission, returning it to its reporter."""

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from bulletin.liveblogs import services
from bulletin.liveblogs.models import Post
from bulletin.liveblogs.roles import Role, role_of

from ..forms import PostForm, ReturnForm
from .common import act, attempt, desk_view, draft_or_404, liveblog_or_404
from .desk import digest_headline, done, post_form, save_as_pressed


def initial_of(post: Post) -> dict:
    # The form shows the time as the blog's home time, without a zone (datetime-local).
    at = post.scheduled_at and timezone.localtime(post.scheduled_at, post.liveblog.zone).replace(tzinfo=None)
    return {"headline": post.headline, "body": post.body, "credit": post.credit, "links": post.links,
            "kind": post.kind, "scheduled_at": at}


def render_draft(request: HttpRequest, draft: Post, form: PostForm, *, status: int = 200,
                 preview: str = "") -> HttpResponse:
    """A draft's page: its text in the composer, unless its reporter has already sent it."""
    role = role_of(request.user)
    can_edit = role >= Role.EDITOR or (draft.state == Post.State.DRAFT and draft.author_id == request.user.pk)
    return render(request, "bulletin/newsroom/draft.html", {
        "liveblog": draft.liveblog, "draft": draft, "form": form, "preview": preview, "can_edit": can_edit,
        "editor": role >= Role.EDITOR, "digest_headline": digest_headline(draft.liveblog),
    }, status=status)


def draft_action(request: HttpRequest, draft: Post, form: PostForm) -> Callable[[], Post] | None:
    """The service calls the pressed button asks for, or None for no known button."""
    action, user, content = request.POST.get("action"), request.user, form.content()
    at = form.cleaned_data.get("scheduled_at", draft.scheduled_at)
    if action == "publish":
        return lambda: services.publish_draft_edits(draft, editor=user, at=at, **content)
    if action == "submit":
        return lambda: services.submit_draft_edits(draft, author=user, **content)
    if action == "draft":
        return lambda: services.save_draft_edits(draft, author=user, at=at, **content)
    return None


@desk_view
@require_http_methods(["GET", "POST"])
def draft(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Change a draft, then keep it, send it for approval or publish it."""
    post = draft_or_404(liveblog_or_404(slug), pk, request.user)
    if request.method == "GET":
        return render_draft(request, post, post_form(request, post.liveblog, bound=False, initial=initial_of(post)))
    form = post_form(request, post.liveblog, bound=True)
    saved, status = save_as_pressed(form, lambda: draft_action(request, post, form))
    if saved:
        messages.success(request, done(saved))
        return redirect("newsroom:desk", slug=slug)
    return render_draft(request, post, form, status=status)


@desk_view
@require_POST
def approve(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Publish a submission as its reporter wrote it."""
    post = get_object_or_404(liveblog_or_404(slug).posts.select_related("liveblog"), pk=pk)
    act(request, lambda: services.publish_draft(post, editor=request.user), done)
    return redirect("newsroom:desk", slug=slug)


@desk_view
@require_http_methods(["GET", "POST"])
def return_to_reporter(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    """Send a submission back to its reporter with a note on what to change."""
    liveblog = liveblog_or_404(slug)
    post = get_object_or_404(liveblog.posts.select_related("liveblog", "author"), pk=pk)
    form, status = ReturnForm(request.POST or None), 200
    if form.is_bound and form.is_valid():
        note = form.cleaned_data["note"]
        returned, status = attempt(form, lambda: services.return_post(post, editor=request.user, note=note))
        if returned:
            messages.success(request, f"Returned to {post.author.get_username() if post.author else 'its writer'}.")
            return redirect("newsroom:desk", slug=slug)
    return render(request, "bulletin/newsroom/return.html", {
        "liveblog": liveblog, "post": post, "form": form, "editor": role_of(request.user) >= Role.EDITOR,
    }, status=status)
