"""The key points editor: ordered rows, linked to posts, saved against the revision opened."""

import pytest

from bulletin.liveblogs import services
from bulletin.liveblogs.models import Change
from tests.factories import publish

from .pages import field_value, text_of

pytestmark = pytest.mark.django_db


def points(*rows, revision=0) -> dict:
    data = {"revision": revision}
    for index, (text, post) in enumerate(rows):
        data[f"points-{index}-text"], data[f"points-{index}-post"] = text, post
    return data


def test_key_points_are_saved_in_order_and_linked_to_posts(desk, liveblog):
    post = publish(liveblog)
    url = f"/desk/{liveblog.slug}/key-points/"
    response = desk.post(url, points(("Reyes leads by 346 votes", str(post.number)), ("", ""),
                                     ("Declaration expected at 02:00", "")))
    assert response.status_code == 302
    saved = list(liveblog.key_points.values_list("text", "post__number"))
    assert saved == [("Reyes leads by 346 votes", post.number), ("Declaration expected at 02:00", None)]
    assert liveblog.changes.filter(kind=Change.Kind.KEY_POINTS_REVISED).count() == 1
    page = desk.get(url)
    assert field_value(page, "points-0-text") == "Reyes leads by 346 votes"
    assert field_value(page, "points-0-post") == str(post.number) and field_value(page, "revision") == "1"


@pytest.mark.parametrize(("row", "message"), [
    (("Reyes leads", "twelve"), "Key point 1: 'twelve' is not a post number"),
    (("Reyes leads", "99"), "No published post numbered 99."),
    (("", "1"), "Key point 1 is empty."),
])
def test_bad_key_points_are_explained_and_kept(desk, liveblog, row, message):
    publish(liveblog)
    response = desk.post(f"/desk/{liveblog.slug}/key-points/", points(row))
    assert response.status_code == 400 and message in text_of(response)
    assert field_value(response, "points-0-post") == row[1]
    assert not liveblog.key_points.exists()


def test_stale_key_points_show_both_lists_and_keep_yours(desk, liveblog, editor):
    services.set_key_points(liveblog, editor=editor, revision=0, points=[{"text": "Theirs", "post": None}])
    response = desk.post(f"/desk/{liveblog.slug}/key-points/", points(("Mine", ""), revision=0))
    assert response.status_code == 409
    text = text_of(response)
    assert "Someone saved newer key points" in text and "Theirs" in text
    assert field_value(response, "points-0-text") == "Mine" and field_value(response, "revision") == "1"
    assert list(liveblog.key_points.values_list("text", flat=True)) == ["Theirs"]
