"""The list of live blogs: opening one with its clocks, ending one after a second thought."""

import pytest

from bulletin.liveblogs.models import Change, LiveBlog

from .pages import field_value, text_of

pytestmark = pytest.mark.django_db

NEW_BLOG = {
    "title": "Storm Ingrid makes landfall",
    "slug": "storm-ingrid",
    "description": "Warnings, closures and the clean-up.",
    "time_zone": "Europe/Dublin",
    "extra_clocks": "Europe/London, America/New_York",
}


def test_list_shows_each_blog_with_its_desk_and_reader_page(desk, liveblog):
    page = desk.get("/desk/")
    assert page.status_code == 200
    html = page.content.decode()
    assert f'href="/desk/{liveblog.slug}/"' in html and f'href="{liveblog.get_absolute_url()}"' in html
    assert "End live blog" in html and "Open a live blog" in html


def test_an_editor_opens_a_live_blog_with_its_home_zone_and_extra_clocks(desk):
    response = desk.post("/desk/", NEW_BLOG)
    assert response.status_code == 302 and response["Location"] == "/desk/storm-ingrid/"
    blog = LiveBlog.objects.get(slug="storm-ingrid")
    assert (blog.title, blog.time_zone, blog.extra_clocks) == (
        "Storm Ingrid makes landfall", "Europe/Dublin", ["Europe/London", "America/New_York"])
    assert "Opened “Storm Ingrid makes landfall”" in text_of(desk.get(response["Location"]))


@pytest.mark.parametrize(("change", "field", "message"), [
    ({"time_zone": "Europe/Atlantis"}, "time_zone", "'Europe/Atlantis' is not an IANA time zone"),
    ({"extra_clocks": "Europe/London, Mars/Olympus"}, "extra_clocks", "'Mars/Olympus' is not an IANA time zone"),
    ({"title": ""}, "title", "Give the live blog a title."),
    ({"slug": "storm ingrid!"}, "slug", "valid “slug”"),
])
def test_bad_input_says_what_is_wrong_and_keeps_what_was_typed(desk, change, field, message):
    response = desk.post("/desk/", {**NEW_BLOG, **change})
    assert response.status_code == 400
    assert message in text_of(response)
    assert f'id="id_{field}_error"' in response.content.decode()
    assert field_value(response, "description") == NEW_BLOG["description"]
    assert field_value(response, field) == {**NEW_BLOG, **change}[field]
    assert not LiveBlog.objects.filter(title=NEW_BLOG["title"]).exists()


def test_a_taken_address_is_refused(desk, liveblog):
    response = desk.post("/desk/", {**NEW_BLOG, "slug": liveblog.slug})
    assert response.status_code == 400
    assert "Live blog with this Slug already exists." in text_of(response)


def test_ending_asks_first_then_ends(desk, liveblog):
    confirm = desk.post(f"/desk/{liveblog.slug}/end/")
    assert confirm.status_code == 200 and "cannot be undone" in text_of(confirm)
    liveblog.refresh_from_db()
    assert liveblog.state == LiveBlog.State.LIVE

    ended = desk.post(f"/desk/{liveblog.slug}/end/", {"confirm": "yes"})
    assert ended.status_code == 302 and ended["Location"] == "/desk/"
    liveblog.refresh_from_db()
    assert liveblog.state == LiveBlog.State.ENDED
    assert liveblog.changes.filter(kind=Change.Kind.LIVE_BLOG_ENDED).count() == 1


def test_ending_twice_says_it_has_ended(desk, liveblog):
    desk.post(f"/desk/{liveblog.slug}/end/", {"confirm": "yes"})
    again = desk.post(f"/desk/{liveblog.slug}/end/", {"confirm": "yes"})
    assert again.status_code == 409 and "has ended; it takes no more posts" in text_of(again)


def test_an_ended_blog_offers_no_composer(desk, liveblog):
    desk.post(f"/desk/{liveblog.slug}/end/", {"confirm": "yes"})
    page = desk.get(f"/desk/{liveblog.slug}/")
    assert "This live blog has ended" in text_of(page) and 'id="composer"' not in page.content.decode()


def test_reporters_see_no_editor_controls(reporter_desk, liveblog):
    html = reporter_desk.get("/desk/").content.decode()
    assert "End live blog" not in html and "Open a live blog" not in html
