"""Drafts, submissions and scheduled posts: invisible to readers until published."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from bulletin.liveblogs import services
from bulletin.liveblogs.models import Post
from bulletin.liveblogs.roles import Role
from tests.factories import ada, make_liveblog, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def riz():
    """Riz, a reporter."""
    return make_user("riz", Role.REPORTER)


def test_a_reporters_submission_reaches_readers_only_when_an_editor_approves(riz):
    liveblog = make_liveblog()
    draft = services.save_draft(liveblog, author=riz, headline="Queues at ward 4", body="Long queues.")
    assert (draft.state, draft.number) == (Post.State.DRAFT, None)
    services.submit_post(draft, author=riz)
    assert liveblog.changes.count() == 1  # nothing public happened yet
    post = services.publish_draft(draft, editor=ada())
    assert (post.state, post.number) == (Post.State.PUBLISHED, 1)
    assert list(liveblog.changes.values_list("sequence", "kind")) == [(1, "live_blog.created"), (2, "post.published")]


def test_returned_submission_goes_back_to_its_reporter_with_a_note(riz):
    liveblog = make_liveblog()
    draft = services.submit_post(services.save_draft(liveblog, author=riz, body="Rumour."), author=riz)
    with pytest.raises(ValidationError, match="Tell the reporter what to change"):
        services.return_post(draft, editor=ada(), note=" ")
    returned = services.return_post(draft, editor=ada(), note="Needs a second source.")
    assert (returned.state, returned.return_note) == (Post.State.DRAFT, "Needs a second source.")
    services.update_draft(returned, author=riz, body="Confirmed by two officials.")
    resubmitted = services.submit_post(returned, author=riz)
    assert (resubmitted.state, resubmitted.return_note) == (Post.State.SUBMITTED, "")


def test_reporters_touch_only_their_own_unsubmitted_drafts(riz):
    liveblog = make_liveblog()
    other = make_user("omar", Role.REPORTER)
    draft = services.save_draft(liveblog, author=riz, body="Mine.")
    with pytest.raises(PermissionDenied, match="only their own drafts"):
        services.update_draft(draft, author=other, body="Not yours.")
    services.submit_post(draft, author=riz)
    with pytest.raises(PermissionDenied):
        services.update_draft(draft, author=riz, body="Changed after submitting.")
    with pytest.raises(PermissionDenied, match="Only an editor or above may publish posts"):
        services.publish_draft(draft, editor=riz)
    services.update_draft(draft, author=ada(), body="An editor may tidy a submission.")


def test_scheduled_post_is_published_once_its_time_comes(riz):
    liveblog = make_liveblog()
    draft = services.save_draft(liveblog, author=ada(), headline="Polls close", body="Polls are now closed.")
    with pytest.raises(ValidationError, match="a time in the future"):
        services.schedule_post(draft, editor=ada(), at=timezone.now() - dt.timedelta(minutes=1))
    at = timezone.now() + dt.timedelta(minutes=10)
    services.schedule_post(draft, editor=ada(), at=at)
    assert services.publish_due_posts(now=at - dt.timedelta(seconds=1)) == []
    published = services.publish_due_posts(now=at)
    assert [post.pk for post in published] == [draft.pk]
    assert services.publish_due_posts(now=at + dt.timedelta(minutes=1)) == []  # only once
    draft.refresh_from_db()
    assert (draft.state, draft.number, draft.scheduled_at) == (Post.State.PUBLISHED, 1, None)


def test_published_posts_are_not_drafts_any_more():
    liveblog = make_liveblog()
    post = services.publish_post(liveblog, author=ada(), body="Live.")
    with pytest.raises(ValidationError, match="already published"):
        services.update_draft(post, author=ada(), body="x")
    with pytest.raises(ValidationError, match="already published"):
        services.publish_draft(post, editor=ada())


def test_two_step_desk_actions_leave_nothing_behind_when_the_second_step_is_refused(riz):
    liveblog = make_liveblog()
    soon = timezone.now() + dt.timedelta(hours=1)
    with pytest.raises(PermissionDenied):  # reporters may not schedule
        services.save_new_draft(liveblog, author=riz, body="Turnout at 40 %.", at=soon)
    with pytest.raises(ValidationError, match="in the future"):
        services.save_new_draft(liveblog, author=ada(), body="Turnout at 40 %.",
                                at=timezone.now() - dt.timedelta(minutes=5))
    assert not Post.objects.exists()

    draft = services.submit_new_post(liveblog, author=riz, headline="Ward 4", body="Queues.")
    assert draft.state == Post.State.SUBMITTED
    with pytest.raises(ValidationError, match="in the future"):
        services.publish_draft_edits(draft, editor=ada(), body="Queues, rewritten.",
                                     at=timezone.now() - dt.timedelta(minutes=5))
    draft.refresh_from_db()
    assert (draft.body, draft.state) == ("Queues.", Post.State.SUBMITTED)

    scheduled = services.publish_draft_edits(draft, editor=ada(), body="Queues, rewritten.", at=soon)
    assert (scheduled.body, scheduled.scheduled_at) == ("Queues, rewritten.", soon)
    kept = services.save_draft_edits(scheduled, author=ada(), body="Queues, again.", at=soon)
    assert kept.scheduled_at == soon and liveblog.changes.count() == 1  # still nothing public
    published = services.publish_draft_edits(kept, editor=ada(), body="Queues, finally.")
    assert (published.state, published.number, published.body) == (Post.State.PUBLISHED, 1, "Queues, finally.")
