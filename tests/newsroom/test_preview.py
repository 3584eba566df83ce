"""Preview: the very fragment readers would get, shown in the page, with nothing saved."""

import pytest

from bulletin.liveblogs import rendering, services
from tests.factories import publish

from .pages import field_value, text_of

pytestmark = pytest.mark.django_db

TEXT = {"headline": "Turnout at 58 per cent", "body": "**Turnout reached 58 per cent,** the highest since 1994.",
        "kind": "update", "credit": "Reporting by Sam Ortiz",
        "links-0-title": "Figures", "links-0-url": "https://example.org/turnout"}


def test_preview_returns_the_readers_fragment_and_saves_nothing(desk, liveblog):
    publish(liveblog)
    response = desk.post(f"/desk/{liveblog.slug}/preview/", TEXT, headers={"X-Desk-Fragment": "1"})
    assert response.status_code == 200
    fragment = response.content.decode().strip()
    assert fragment.startswith('<article id="post-2" class="post"')
    assert '<h2 class="post__headline">Turnout at 58 per cent</h2>' in fragment
    assert "<b>Turnout reached 58 per cent,</b>" in fragment and "Reporting by Sam Ortiz" in fragment
    assert '<a href="https://example.org/turnout">Figures</a>' in fragment
    assert liveblog.posts.count() == 1 and liveblog.changes.count() == 2


def test_preview_matches_the_published_post_byte_for_byte_but_the_time(desk, liveblog):
    previewed = desk.post(f"/desk/{liveblog.slug}/preview/", TEXT, headers={"X-Desk-Fragment": "1"}).content.decode()
    desk.post(f"/desk/{liveblog.slug}/posts/", {**TEXT, "action": "publish"})
    published = rendering.render_post(liveblog.posts.get())

    def timeless(html: str) -> str:
        return html.split("</header>", 1)[1]

    assert timeless(previewed.strip()) == timeless(published)


def test_preview_of_bad_input_says_what_to_fix(desk, liveblog):
    response = desk.post(f"/desk/{liveblog.slug}/preview/", {**TEXT, "body": ""}, headers={"X-Desk-Fragment": "1"})
    assert response.status_code == 400 and "A post needs a body." in text_of(response)


def test_without_javascript_preview_shows_the_whole_desk_with_the_text_kept(desk, liveblog):
    response = desk.post(f"/desk/{liveblog.slug}/preview/", TEXT)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<h2 class="post__headline">Turnout at 58 per cent</h2>' in html
    assert field_value(response, "body") == TEXT["body"] and field_value(response, "links-0-url") == TEXT["links-0-url"]
    assert f'action="/desk/{liveblog.slug}/posts/"' in html  # Publish still goes to the composer


def test_a_reporter_may_preview_too(reporter_desk, liveblog):
    response = reporter_desk.post(f"/desk/{liveblog.slug}/preview/", TEXT, headers={"X-Desk-Fragment": "1"})
    assert response.status_code == 200 and "post__headline" in response.content.decode()


def test_without_javascript_a_drafts_preview_comes_back_to_the_draft(reporter_desk, liveblog, riz):
    draft = services.save_draft(liveblog, author=riz, body="First go.")
    response = reporter_desk.post(f"/desk/{liveblog.slug}/preview/", {**TEXT, "draft": draft.pk})
    assert response.status_code == 200
    html = response.content.decode()
    assert f'action="/desk/{liveblog.slug}/drafts/{draft.pk}/"' in html and "post__headline" in html
