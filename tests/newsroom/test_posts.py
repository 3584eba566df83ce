"""Published posts: corrections with conflicts shown side by side, pinning, retracting."""

import pytest

from bulletin.liveblogs import services
from bulletin.liveblogs.models import Change, Post
from bulletin.liveblogs.roles import Role
from tests.factories import make_user, publish

from .pages import field_value, signed_in, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(liveblog):
    return publish(liveblog, headline="Turnout", body="Turnout reached 58 per cent.", credit="Desk",
                   links=[{"title": "Figures", "url": "https://example.org/turnout"}])


def edit_url(post) -> str:
    return f"/desk/{post.liveblog.slug}/posts/{post.number}/edit/"


def correction(post, **changes) -> dict:
    return {"revision": post.revision, "headline": "Turnout", "body": "Turnout reached 61 per cent.",
            "credit": "Desk", "links-0-title": "Figures", "links-0-url": "https://example.org/turnout",
            "note": "Corrected the turnout figure.", **changes}


def test_edit_form_opens_with_the_text_and_the_revision_it_started_from(desk, post):
    page = desk.get(edit_url(post))
    assert page.status_code == 200
    assert field_value(page, "body") == "Turnout reached 58 per cent."
    assert field_value(page, "revision") == "1" and field_value(page, "links-0-url") == "https://example.org/turnout"


def test_a_correction_is_saved_with_its_note_and_readers_are_told(desk, post):
    response = desk.post(edit_url(post), correction(post))
    assert response.status_code == 302
    post.refresh_from_db()
    assert (post.revision, post.body, post.was_updated) == (2, "Turnout reached 61 per cent.", True)
    assert post.revisions.get(revision=2).note == "Corrected the turnout figure."
    assert post.liveblog.changes.filter(kind=Change.Kind.POST_REVISED).count() == 1
    assert "Saved post 1 (revision 2)." in text_of(desk.get(response["Location"]))


def test_a_stale_revision_shows_both_texts_and_overwrites_nothing(desk, post):
    ben = make_user("ben", Role.EDITOR)
    services.revise_post(post, editor=ben, revision=1, body="Turnout reached 60 per cent, officials say.")
    response = desk.post(edit_url(post), correction(post, revision=1))
    assert response.status_code == 409
    text = text_of(response)
    assert "Someone saved a newer version" in text and "ben saved revision 2" in text
    assert "Turnout reached 60 per cent, officials say." in text  # theirs
    assert field_value(response, "body") == "Turnout reached 61 per cent."  # yours, kept to resubmit
    assert field_value(response, "revision") == "2"  # against the newer revision
    post.refresh_from_db()
    assert (post.revision, post.body) == (2, "Turnout reached 60 per cent, officials say.")

    resubmitted = desk.post(edit_url(post), correction(post, revision=2))
    assert resubmitted.status_code == 302
    post.refresh_from_db()
    assert (post.revision, post.body) == (3, "Turnout reached 61 per cent.")


def test_bad_correction_keeps_the_text_and_says_why(desk, post):
    response = desk.post(edit_url(post), correction(post, body="", note="N" * 501))
    assert response.status_code == 400
    assert "A correction note takes at most 500 characters." in text_of(response)
    assert field_value(response, "headline") == "Turnout"
    post.refresh_from_db()
    assert post.revision == 1


def test_a_retracted_post_cannot_be_corrected(desk, post):
    services.retract_post(post, editor=post.author, reason="Wrong figures.")
    response = desk.post(edit_url(post), correction(post))
    assert response.status_code == 409 and "only a published post can be changed" in text_of(response)
    assert Post.objects.get(pk=post.pk).revision == 1


def test_pin_and_unpin(desk, post, liveblog):
    other = publish(liveblog)
    base = f"/desk/{liveblog.slug}/posts"
    assert desk.post(f"{base}/{post.number}/pin/")["Location"] == f"/desk/{liveblog.slug}/#desk-post-{post.number}"
    desk.post(f"{base}/{other.number}/pin/")
    assert list(liveblog.posts.filter(pinned=True)) == [other]
    page = desk.get(f"/desk/{liveblog.slug}/")
    assert "Pinned post 2." in text_of(page) and f'action="{base}/{other.number}/unpin/"' in page.content.decode()
    desk.post(f"{base}/{other.number}/unpin/")
    assert not liveblog.posts.filter(pinned=True).exists()


def test_pinning_a_retracted_post_says_why_not(desk, post, liveblog):
    services.retract_post(post, editor=post.author, reason="Wrong.")
    response = desk.post(f"/desk/{liveblog.slug}/posts/{post.number}/pin/", follow=True)
    assert "Only a published post can be pinned." in text_of(response)


def test_retracting_needs_a_reason_which_readers_then_see(desk, post, liveblog):
    url = f"/desk/{liveblog.slug}/posts/{post.number}/retract/"
    page = desk.get(url)
    assert page.status_code == 200 and 'class="post"' in page.content.decode()

    refused = desk.post(url, {"reason": "  "})
    assert refused.status_code == 400 and "Say why the post is retracted; readers will see it." in text_of(refused)
    assert Post.objects.get(pk=post.pk).state == Post.State.PUBLISHED

    done = desk.post(url, {"reason": "The figures were wrong."})
    assert done.status_code == 302
    post.refresh_from_db()
    assert (post.state, post.retraction_reason) == (Post.State.RETRACTED, "The figures were wrong.")
    again = desk.post(url, {"reason": "Again."})
    assert again.status_code == 409 and "This post has been retracted." in text_of(again)


def test_an_unknown_post_is_not_found(desk, liveblog):
    assert desk.get(f"/desk/{liveblog.slug}/posts/99/edit/").status_code == 404
    assert desk.get("/desk/no-such-blog/").status_code == 404


def test_a_reporter_sees_the_edit_page_without_a_save_button(reporter_desk, post):
    page = reporter_desk.get(edit_url(post))
    assert page.status_code == 200 and "Only an editor can change a published post." in text_of(page)
    assert "data-primary" not in page.content.decode()


def test_the_second_editor_in_a_fresh_session_sees_the_first_ones_change(desk, post):
    ben = signed_in(make_user("ben", Role.EDITOR))
    desk.post(edit_url(post), correction(post))
    assert field_value(ben.get(edit_url(post)), "revision") == "2"
