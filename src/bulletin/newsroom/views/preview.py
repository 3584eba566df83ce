"""Preview: the post as readers would get it, before anything is saved."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_POST

from .. import previews
from .common import attempt, desk_view, draft_or_404, liveblog_or_404
from .desk import post_form, render_desk
from .drafts import render_draft


@desk_view
@require_POST
def preview(request: HttpRequest, slug: str) -> HttpResponse:
    """A fragment for desk.js to show in place; without JavaScript, the whole page again."""
    liveblog = liveblog_or_404(slug)
    # A preview stores nothing, so it shows the text and leaves uploaded files alone.
    form, html, status = post_form(request, liveblog, bound=True, with_images=False), "", 400
    if form.is_valid():
        html, status = attempt(form, lambda: previews.render_preview(liveblog, **form.content()))
    if request.headers.get("X-Desk-Fragment"):
        return render(request, "bulletin/newsroom/_preview.html", {"form": form, "html": html}, status=status)
    draft = request.POST.get("draft", "")
    if draft.isdigit():
        return render_draft(request, draft_or_404(liveblog, int(draft), request.user), form,
                            status=status, preview=html or "")
    return render_desk(request, liveblog, form, status=status, preview=html or "")
