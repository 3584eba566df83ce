"""Drafts and the approval queue: reporters submit, editors approve or return with a note."""

import datetime as dt

import pytest
from django.utils import timezone

from bulletin.liveblogs import services
from bulletin.liveblogs.models import Change, Post
from bulletin.liveblogs.roles import Role
from tests.factories import make_user

from .pages import field_value, signed_in, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def submission(liveblog, riz):
    draft = services.save_draft(liveblog, author=riz, headline="Queues at ward 4", body="Long queues at ward 4.")
    return services.submit_post(draft, author=riz)


def test_editors_see_the_queue_with_approve_and_return(desk, submission, liveblog):
    page = desk.get(f"/desk/{liveblog.slug}/")
    text = text_of(page)
    assert "Awaiting approval" in text and "Queues at ward 4" in text and "By riz" in text
    html = page.content.decode()
    assert f'action="/desk/{liveblog.slug}/drafts/{submission.pk}/approve/"' in html
    assert f'action="/desk/{liveblog.slug}/drafts/{submission.pk}/return/"' in html


def test_approving_publishes_the_submission(desk, submission, liveblog):
    response = desk.post(f"/desk/{liveblog.slug}/drafts/{submission.pk}/approve/")
    assert response.status_code == 302
    submission.refresh_from_db()
    assert (submission.state, submission.number) == (Post.State.PUBLISHED, 1)
    assert liveblog.changes.filter(kind=Change.Kind.POST_PUBLISHED).count() == 1
    assert "Published post 1." in text_of(desk.get(response["Location"]))


def test_approving_twice_says_it_is_already_published(desk, submission, liveblog):
    desk.post(f"/desk/{liveblog.slug}/drafts/{submission.pk}/approve/")
    again = desk.post(f"/desk/{liveblog.slug}/drafts/{submission.pk}/approve/", follow=True)
    assert "This post is already published." in text_of(again)


def test_returning_needs_a_note_which_the_reporter_then_reads(desk, reporter_desk, submission, liveblog):
    url = f"/desk/{liveblog.slug}/drafts/{submission.pk}/return/"
    refused = desk.post(url, {"note": ""})
    assert refused.status_code == 400 and "Tell the reporter what to change." in text_of(refused)
    assert Post.objects.get(pk=submission.pk).state == Post.State.SUBMITTED

    assert desk.post(url, {"note": "Needs a second source."}).status_code == 302
    submission.refresh_from_db()
    assert (submission.state, submission.return_note) == (Post.State.DRAFT, "Needs a second source.")
    text = text_of(reporter_desk.get(f"/desk/{liveblog.slug}/"))
    assert "Your drafts" in text and "Returned by an editor: Needs a second source." in text


def test_a_reporter_fixes_a_returned_draft_and_submits_it_again(reporter_desk, submission, liveblog, editor):
    services.return_post(submission, editor=editor, note="Needs a second source.")
    url = f"/desk/{liveblog.slug}/drafts/{submission.pk}/"
    page = reporter_desk.get(url)
    assert "Returned by an editor: Needs a second source." in text_of(page)
    assert field_value(page, "body") == "Long queues at ward 4."
    response = reporter_desk.post(url, {"headline": "Queues at ward 4", "body": "Two officials confirm the queues.",
                                        "kind": "update", "action": "submit"})
    assert response.status_code == 302
    submission.refresh_from_db()
    assert (submission.state, submission.body, submission.return_note) == (
        Post.State.SUBMITTED, "Two officials confirm the queues.", "")


def test_a_reporter_waits_once_submitted(reporter_desk, submission, liveblog):
    page = reporter_desk.get(f"/desk/{liveblog.slug}/drafts/{submission.pk}/")
    assert "Sent for approval" in text_of(page) and 'id="composer"' not in page.content.decode()
    desk_page = text_of(reporter_desk.get(f"/desk/{liveblog.slug}/"))
    assert "Waiting for an editor." in desk_page and "Approve" not in desk_page


def test_bad_draft_text_is_kept_and_explained(reporter_desk, liveblog, riz):
    draft = services.save_draft(liveblog, author=riz, body="First go.")
    response = reporter_desk.post(f"/desk/{liveblog.slug}/drafts/{draft.pk}/",
                                  {"headline": "Mine", "body": "", "kind": "update", "action": "draft"})
    assert response.status_code == 400 and "A post needs a body." in text_of(response)
    assert field_value(response, "headline") == "Mine"
    draft.refresh_from_db()
    assert draft.body == "First go."


def test_an_editor_publishes_a_draft_from_its_page(desk, liveblog, editor):
    draft = services.save_draft(liveblog, author=editor, body="Ready soon.")
    response = desk.post(f"/desk/{liveblog.slug}/drafts/{draft.pk}/",
                         {"body": "Ready now.", "kind": "update", "action": "publish"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.state, draft.body) == (Post.State.PUBLISHED, "Ready now.")


def test_an_editor_reschedules_and_unschedules_a_draft(desk, liveblog, editor):
    at = timezone.now() + dt.timedelta(hours=1)
    draft = services.schedule_post(services.save_draft(liveblog, author=editor, body="Later."), editor=editor, at=at)
    url = f"/desk/{liveblog.slug}/drafts/{draft.pk}/"
    shown = field_value(desk.get(url), "scheduled_at")
    assert shown == timezone.localtime(at, liveblog.zone).strftime("%Y-%m-%dT%H:%M")
    desk.post(url, {"body": "Later.", "kind": "update", "scheduled_at": "", "action": "draft"})
    draft.refresh_from_db()
    assert (draft.state, draft.scheduled_at) == (Post.State.DRAFT, None)


def test_reporters_never_see_one_anothers_drafts(liveblog, riz, reporter_desk):
    omar = signed_in(make_user("omar", Role.REPORTER))
    draft = services.save_draft(liveblog, author=riz, headline="Riz's scoop", body="Secret.")
    assert "Riz's scoop" not in text_of(omar.get(f"/desk/{liveblog.slug}/"))
    assert omar.get(f"/desk/{liveblog.slug}/drafts/{draft.pk}/").status_code == 404
    assert "Riz's scoop" in text_of(reporter_desk.get(f"/desk/{liveblog.slug}/"))


def test_a_reporter_saves_a_draft_an_editor_scheduled_without_touching_the_time(reporter_desk, liveblog, riz, editor):
    at = timezone.now() + dt.timedelta(hours=1, seconds=17)
    draft = services.schedule_post(services.save_draft(liveblog, author=riz, body="Later."), editor=editor, at=at)
    response = reporter_desk.post(f"/desk/{liveblog.slug}/drafts/{draft.pk}/",
                                  {"body": "Later, with more.", "kind": "update", "action": "draft"})
    assert response.status_code == 302
    draft.refresh_from_db()
    assert (draft.body, draft.scheduled_at) == ("Later, with more.", at)
