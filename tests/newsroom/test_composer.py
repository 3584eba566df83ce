"""The composer: publish, schedule, submit or keep a post; preview it; bad input kept and explained."""

import datetime as dt
import zoneinfo

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from bulletin.liveblogs import timefmt
from bulletin.liveblogs.models import Change, Post
from tests.browser.story import photo_jpeg

from .pages import field_value, text_of

pytestmark = pytest.mark.django_db

POST = {
    "headline": "Polls close",
    "body": "**Polls have closed across Riverton.** Counting starts at 22:15.\n\n> Nobody in a queue was turned away.",
    "kind": "update",
    "credit": "Reporting by Sam Ortiz",
    "links-0-title": "Results, ward by ward",
    "links-0-url": "https://example.org/riverton/results",
    "links-1-title": "",
    "links-1-url": "",
}


def compose(client, liveblog, action: str, **changes):
    return client.post(f"/desk/{liveblog.slug}/posts/", {**POST, "action": action, **changes})


def test_an_editor_publishes_a_post_with_its_links_and_credit(desk, liveblog):
    response = compose(desk, liveblog, "publish")
    assert response.status_code == 302 and response["Location"] == f"/desk/{liveblog.slug}/"
    post = liveblog.posts.get()
    assert (post.state, post.number, post.headline, post.credit) == (
        Post.State.PUBLISHED, 1, "Polls close", "Reporting by Sam Ortiz")
    assert post.links == [{"title": "Results, ward by ward", "url": "https://example.org/riverton/results"}]
    assert "<b>Polls have closed across Riverton.</b>" in post.body_html
    page = desk.get(response["Location"])
    assert "Published post 1." in text_of(page)
    assert "data-sent" in page.content.decode()  # desk.js forgets the kept draft


def test_images_go_in_with_their_alt_text_caption_and_credit(desk, liveblog):
    photo = SimpleUploadedFile("count.jpg", photo_jpeg(), content_type="image/jpeg")
    response = compose(desk, liveblog, "publish", **{
        "images-0-file": photo, "images-0-alt": "Volunteers sorting ballots",
        "images-0-caption": "The count at Riverton High.", "images-0-credit": "Photo: Maria Lindqvist"})
    assert response.status_code == 302
    image = liveblog.posts.get().images.get()
    assert (image.alt, image.caption, image.credit, image.width) == (
        "Volunteers sorting ballots", "The count at Riverton High.", "Photo: Maria Lindqvist", 640)


def test_an_image_without_alt_text_is_refused_and_nothing_is_published(desk, liveblog):
    photo = SimpleUploadedFile("count.jpg", photo_jpeg(), content_type="image/jpeg")
    response = compose(desk, liveblog, "publish", **{"images-0-file": photo, "images-0-caption": "The count."})
    assert response.status_code == 400
    assert "Image 1 needs alt text." in text_of(response)
    assert not liveblog.posts.exists()
    assert field_value(response, "images-0-caption") == "The count."
    assert field_value(response, "body") == POST["body"]


def test_image_text_without_its_file_asks_for_the_file_again(desk, liveblog):
    response = compose(desk, liveblog, "publish", **{"images-0-alt": "Volunteers sorting ballots"})
    assert response.status_code == 400
    assert "Image 1: choose the file again" in text_of(response)
    assert not liveblog.posts.exists()


@pytest.mark.parametrize(("change", "message", "field"), [
    ({"body": "   "}, "A post needs a body.", "body"),
    ({"headline": "H" * 201}, "Headline is 201 characters long; the limit is 200.", "headline"),
    ({"links-0-url": "javascript:alert(1)"}, "Link 1: 'javascript:alert(1)' is not an http(s) address.", "links-0-url"),
    ({"links-0-title": ""}, "Link 1 needs a title.", "links-0-url"),
    ({"kind": "rumour"}, "Select a valid choice.", "headline"),
])
def test_bad_input_is_explained_beside_the_field_and_nothing_is_saved(desk, liveblog, change, message, field):
    response = compose(desk, liveblog, "publish", **change)
    assert response.status_code == 400
    assert message in text_of(response)
    assert field_value(response, field) == {**POST, **change}[field]
    assert field_value(response, "credit") == POST["credit"]
    assert not liveblog.posts.exists() and liveblog.changes.count() == 1
    assert "data-error-summary" in response.content.decode() and "data-bound" in response.content.decode()


def test_a_time_publishes_later_in_the_blogs_home_zone(desk, liveblog):
    kyiv = zoneinfo.ZoneInfo("Europe/Kyiv")
    later = (timezone.now() + dt.timedelta(hours=2)).astimezone(kyiv).replace(second=0, microsecond=0)
    response = compose(desk, liveblog, "publish", scheduled_at=later.strftime("%Y-%m-%dT%H:%M"))
    assert response.status_code == 302
    post = liveblog.posts.get()
    assert (post.state, post.number, post.scheduled_at) == (Post.State.DRAFT, None, later)
    assert liveblog.changes.count() == 1  # readers see nothing yet
    page = desk.get(f"/desk/{liveblog.slug}/")
    assert f"Scheduled for {timefmt.day_and_clock(later, kyiv)}" in text_of(page)


def test_a_time_in_the_past_is_refused_without_leaving_a_draft(desk, liveblog):
    response = compose(desk, liveblog, "publish", scheduled_at="2020-01-01T10:00")
    assert response.status_code == 400
    assert "Choose a time in the future, or publish now." in text_of(response)
    assert field_value(response, "scheduled_at") == "2020-01-01T10:00"
    assert not liveblog.posts.exists()


def test_a_reporter_submits_for_approval_and_readers_see_nothing(reporter_desk, liveblog, riz):
    page = reporter_desk.get(f"/desk/{liveblog.slug}/").content.decode()
    assert "Submit for approval" in page and ">Publish<" not in page and "scheduled_at" not in page
    response = compose(reporter_desk, liveblog, "submit")
    assert response.status_code == 302
    post = liveblog.posts.get()
    assert (post.state, post.author) == (Post.State.SUBMITTED, riz)
    assert not liveblog.changes.filter(kind=Change.Kind.POST_PUBLISHED).exists()
    assert "Sent to the editors for approval." in text_of(reporter_desk.get(f"/desk/{liveblog.slug}/"))


def test_a_reporter_keeps_a_draft(reporter_desk, liveblog):
    assert compose(reporter_desk, liveblog, "draft").status_code == 302
    assert liveblog.posts.get().state == Post.State.DRAFT
    assert "Your drafts" in text_of(reporter_desk.get(f"/desk/{liveblog.slug}/"))


def test_a_reporter_cannot_publish_even_by_forging_the_button(reporter_desk, liveblog):
    response = compose(reporter_desk, liveblog, "publish")
    assert response.status_code == 403
    assert "Only an editor or above may publish posts." in text_of(response)
    assert not liveblog.posts.exists()


def test_an_unknown_button_saves_nothing(desk, liveblog):
    response = compose(desk, liveblog, "launch")
    assert response.status_code == 400 and "Choose Publish, Submit for approval or Save draft." in text_of(response)
    assert not liveblog.posts.exists()


def test_a_digest_starts_with_the_hour_in_the_blogs_zone(desk, liveblog):
    page = desk.get(f"/desk/{liveblog.slug}/?kind=digest")
    headline = field_value(page, "headline")
    assert headline.startswith("It’s ") and headline.endswith(" in Kyiv. Here’s what you need to know.")
    assert 'value="digest" id="id_kind_1" checked' in page.content.decode()
    fresh = desk.get(f"/desk/{liveblog.slug}/digest-headline/")
    assert fresh["Content-Type"].startswith("text/plain") and fresh.content.decode().endswith("in Kyiv. Here’s what you need to know.")


def test_the_composer_shows_a_markup_hint_tied_to_the_body(desk, liveblog):
    html = desk.get(f"/desk/{liveblog.slug}/").content.decode()
    assert 'aria-describedby="id_body_helptext"' in html and 'id="id_body_helptext"' in html
    assert "**Lead-in.**" in html


def test_ctrl_enter_and_draft_keeping_are_wired_to_the_composer(desk, liveblog):
    html = desk.get(f"/desk/{liveblog.slug}/").content.decode()
    assert f'data-draft-key="bulletin:desk:{liveblog.slug}"' in html
    assert 'value="publish" class="button button--primary" data-primary' in html
    assert "/static/bulletin/newsroom/desk.js?v=" in html
