"""A live blog's desk: the composer, the preview, and the blog's posts with their actions."""

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from bulletin.liveblogs import audience, services, timefmt
from bulletin.liveblogs.models import LiveBlog, Post
from bulletin.liveblogs.roles import Role, role_of

from ..forms import PostForm
from .common import attempt, desk_view, liveblog_or_404, unpublished

PAGE_SIZE = 30
# Set on the message after a composer action succeeds, so desk.js forgets the kept draft.
SENT = "composer-sent"
NO_ACTION = "Choose Publish, Submit for approval or Save draft."


def save_as_pressed(form: PostForm, choose: Callable[[], Callable[[], Post] | None]) -> tuple[Post | None, int]:
    """Validate the composer, then call the service its pressed button asks for.

    ``choose`` runs only once the form is valid, and returns that call (or None for no
    known button). Returns (the post, 200), or (None, status) with the reasons on the form.
    """
    if not form.is_valid():
        return None, 400
    action = choose()
    if action is None:
        form.add_error(None, NO_ACTION)
        return None, 400
    return attempt(form, action)


def post_form(request: HttpRequest, liveblog: LiveBlog, *, bound: bool, **kwargs) -> PostForm:
    """The composer's form; only editors get the 'publish at' time."""
    form = PostForm(request.POST if bound else None, request.FILES if bound else None, liveblog=liveblog, **kwargs)
    if role_of(request.user) < Role.EDITOR:
        del form.fields["scheduled_at"]
    return form


def digest_headline(liveblog: LiveBlog) -> str:
    return timefmt.digest_headline(timezone.now(), liveblog.zone)


def blank_form(request: HttpRequest, liveblog: LiveBlog) -> PostForm:
    """An empty composer; ?kind=digest starts a digest with its headline written."""
    if request.GET.get("kind") == Post.Kind.DIGEST:
        initial = {"kind": Post.Kind.DIGEST, "headline": digest_headline(liveblog)}
        return post_form(request, liveblog, bound=False, initial=initial)
    return post_form(request, liveblog, bound=False)


def render_desk(request: HttpRequest, liveblog: LiveBlog, form: PostForm, *, status: int = 200,
                preview: str = "") -> HttpResponse:
    """The desk page: composer, preview, submissions, drafts, then published posts."""
    role = role_of(request.user)
    before = request.GET.get("before", "")
    posts = list(liveblog.posts.page(before=int(before) if before.isdigit() else None, size=PAGE_SIZE))
    waiting = list(unpublished(liveblog, request.user))
    return render(request, "bulletin/newsroom/desk.html", {
        "liveblog": liveblog, "form": form, "preview": preview, "posts": posts,
        "older": posts[-1].number if len(posts) == PAGE_SIZE else None,
        "submissions": [post for post in waiting if post.state == Post.State.SUBMITTED],
        "drafts": [post for post in waiting if post.state == Post.State.DRAFT],
        "editor": role >= Role.EDITOR, "can_write": role >= Role.REPORTER,
        "digest_headline": digest_headline(liveblog),
        "watching": audience.watching(liveblog),
        "sent": any(SENT in message.tags for message in messages.get_messages(request)),
    }, status=status)


@desk_view
@require_GET
def desk(request: HttpRequest, slug: str) -> HttpResponse:
    liveblog = liveblog_or_404(slug)
    return render_desk(request, liveblog, blank_form(request, liveblog))


@desk_view
@require_GET
def digest(request: HttpRequest, slug: str) -> HttpResponse:
    """The digest headline for this minute, for desk.js to write when Digest is chosen."""
    return HttpResponse(digest_headline(liveblog_or_404(slug)), content_type="text/plain; charset=utf-8")


def composer_action(request: HttpRequest, liveblog: LiveBlog, form: PostForm) -> Callable[[], Post] | None:
    """The service call the pressed button asks for, or None for no known button."""
    action, user = request.POST.get("action"), request.user
    content, at = form.content(), form.cleaned_data.get("scheduled_at")
    if action == "publish" and at is None:
        return lambda: services.publish_post(liveblog, author=user, **content)
    if action in ("publish", "draft"):
        return lambda: services.save_new_draft(liveblog, author=user, at=at, **content)
    if action == "submit":
        return lambda: services.submit_new_post(liveblog, author=user, **content)
    return None


def done(post: Post) -> str:
    """What happened, in the desk's words."""
    if post.state == Post.State.PUBLISHED:
        return f"Published post {post.number}."
    if post.state == Post.State.SUBMITTED:
        return "Sent to the editors for approval."
    if post.scheduled_at:
        return f"Scheduled for {timefmt.day_and_clock(post.scheduled_at, post.liveblog.zone)} ({post.liveblog.time_zone})."
    return "Draft saved."


@desk_view
@require_POST
def compose(request: HttpRequest, slug: str) -> HttpResponse:
    """Publish, schedule, submit or keep a new post, as the pressed button says."""
    liveblog = liveblog_or_404(slug)
    form = post_form(request, liveblog, bound=True)
    post, status = save_as_pressed(form, lambda: composer_action(request, liveblog, form))
    if post:
        messages.success(request, done(post), extra_tags=SENT)
        return redirect("newsroom:desk", slug=liveblog.slug)
    return render_desk(request, liveblog, form, status=status)
