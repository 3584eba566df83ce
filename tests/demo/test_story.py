"""The demo story's text holds together: keys resolve, placeholders fill, links stay fictional."""

from urllib.parse import urlsplit

import pytest

from bulletin.demo.images import SCENES
from bulletin.demo.story import AMENDMENTS, STORY, WIRE_UPDATES

ALL_POSTS = STORY.posts + WIRE_UPDATES
VALUES = {"clock": "9:40 a.m.", "level": "4.62"}


def test_every_key_the_story_points_at_names_one_post():
    keys = [post.key for post in STORY.posts if post.key]
    assert len(keys) == len(set(keys))
    pointed_at = [STORY.pinned, *(point.key for point in STORY.key_points),
                  *(fix.key for fix in STORY.corrections), *(gone.key for gone in STORY.retractions)]
    assert set(pointed_at) <= set(keys)


def test_about_forty_posts_over_several_hours_oldest_first_in_time():
    minutes = [post.minutes for post in STORY.posts]
    assert 35 <= len(minutes) <= 45
    assert minutes == sorted(minutes, reverse=True)
    assert len(set(minutes)) == len(minutes)
    assert max(minutes) >= 4 * 60 and min(minutes) > 0


@pytest.mark.parametrize("post", ALL_POSTS, ids=lambda post: post.headline or "digest")
def test_each_post_fills_its_placeholders_and_reads_at_newsroom_length(post):
    body = post.body.format_map(VALUES)
    assert "{" not in body and "}" not in body
    assert 60 <= len(body.split()) <= 200
    assert post.kind == "digest" or post.headline


def test_the_story_uses_the_newsroom_furniture():
    bodies = [post.body for post in STORY.posts]
    assert all(body.startswith("**") for body in bodies)
    assert sum("\n> " in body for body in bodies) >= 10
    assert sum("\n- " in body for body in bodies) >= 5
    assert sum(post.kind == "digest" for post in STORY.posts) >= 1
    assert sum(post.credit.startswith("Reporting by") for post in STORY.posts) >= 30


def test_links_point_only_at_example_domains():
    links = [link for post in ALL_POSTS for link in post.links]
    assert links
    for link in links:
        address = urlsplit(link["url"])
        assert address.scheme == "https"
        assert address.hostname in {"example.com", "example.org"}
        assert link["title"]


def test_every_picture_has_alt_text_and_a_scene_to_draw():
    pictures = [picture for post in ALL_POSTS for picture in post.pictures]
    assert len(pictures) >= 5
    for picture in pictures:
        assert picture.scene in SCENES
        assert len(picture.alt) > 40
        assert picture.caption and picture.credit


def test_the_wire_amendments_fill_their_clock():
    for amendment in AMENDMENTS:
        assert "{" not in amendment.paragraph.format(clock="noon")
        assert amendment.note
