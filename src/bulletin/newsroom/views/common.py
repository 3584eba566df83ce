"""What every desk view shares: sign-in, refusals as pages, lookups, service outcomes."""

from collections.abc import Callable
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from bulletin.liveblogs.exceptions import BulletinError, StaleRevision
from bulletin.liveblogs.models import LiveBlog, Post
from bulletin.liveblogs.roles import Role, role_of

from ..forms import DeskForm

REFUSED = "Your role does not allow this."


def desk_view(view: Callable) -> Callable:
    """Require sign-in, and answer a refused action with a 403 page saying why."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as refusal:
            return render(request, "bulletin/newsroom/denied.html", {"message": str(refusal) or REFUSED}, status=403)

    return wrapped


def attempt(form: DeskForm, action: Callable) -> tuple[object, int]:
    """Call a service; on a broken rule put its messages on the form. Returns (result, status)."""
    try:
        return action(), 200
    except StaleRevision:
        raise
    except ValidationError as error:
        form.add_service_errors(error)
        return None, 400
    except BulletinError as error:
        form.add_error(None, str(error))
        return None, 409


def act(request: HttpRequest, action: Callable, success: Callable[[object], str]) -> object:
    """Call a service that takes no typed input and say how it went in a message."""
    try:
        result = action()
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return None
    except BulletinError as error:
        messages.error(request, str(error))
        return None
    messages.success(request, success(result))
    return result


def liveblog_or_404(slug: str) -> LiveBlog:
    return get_object_or_404(LiveBlog, slug=slug)


def post_or_404(liveblog: LiveBlog, number: int) -> Post:
    """A public post by its number (published or retracted)."""
    return get_object_or_404(liveblog.posts.public().select_related("liveblog"), number=number)


def unpublished(liveblog: LiveBlog, user):
    """Drafts and submissions this person may see: every one for editors, their own for others."""
    posts = liveblog.posts.filter(state__in=(Post.State.DRAFT, Post.State.SUBMITTED))
    if role_of(user) < Role.EDITOR:
        posts = posts.filter(author=user.pk)
    return posts.select_related("liveblog", "author").prefetch_related("images").order_by("-edited_at")


def draft_or_404(liveblog: LiveBlog, pk: int, user) -> Post:
    """An unpublished post this person may see; reporters never see one another's drafts."""
    return get_object_or_404(unpublished(liveblog, user), pk=pk)


def is_editor(user) -> bool:
    return role_of(user) >= Role.EDITOR
