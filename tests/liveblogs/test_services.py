"""Every service: one transaction, exactly one change with the next sequence, or nothing."""

import pytest
from django.core.exceptions import ValidationError

from bulletin.liveblogs import services
from bulletin.liveblogs.exceptions import (
    LiveBlogEnded,
    PostAlreadyRetracted,
    PostNotPublished,
    StaleRevision,
)
from bulletin.liveblogs.models import Change, KeyPoint, LiveBlog, Post, PostRevision
from tests.factories import ada, make_liveblog, make_user, publish

from . import change_schemas

pytestmark = pytest.mark.django_db


def kinds(liveblog: LiveBlog) -> list[tuple[int, str]]:
    return list(liveblog.changes.order_by("sequence").values_list("sequence", "kind"))


@pytest.fixture
def election_night(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return make_liveblog()


def test_creating_a_live_blog_records_change_one(election_night, announced):
    assert kinds(election_night) == [(1, "live_blog.created")]
    assert election_night.state == LiveBlog.State.LIVE
    assert election_night.started_at is not None


def test_each_service_appends_exactly_one_change_with_the_next_sequence(
    election_night, announced, django_capture_on_commit_callbacks
):
    ada = make_user()
    with django_capture_on_commit_callbacks(execute=True):
        first = publish(election_night)
        second = publish(election_night)
        services.revise_post(first, editor=ada, revision=1, body="Corrected count.", note="Ward 3 figure fixed.")
        services.pin_post(second, editor=ada)
        services.pin_post(first, editor=ada)
        services.unpin_post(first, editor=ada)
        services.set_key_points(election_night, editor=ada, revision=0,
                                points=[{"text": "Turnout is high", "post": first.number}])
        services.retract_post(second, editor=ada, reason="Posted in error.")
        services.end_live_blog(election_night, editor=ada)
    assert kinds(election_night) == [
        (1, "live_blog.created"), (2, "post.published"), (3, "post.published"),
        (4, "post.revised"), (5, "post.pinned"), (6, "post.pinned"), (7, "post.unpinned"),
        (8, "key_points.revised"), (9, "post.retracted"), (10, "live_blog.ended"),
    ]
    election_night.refresh_from_db()
    assert election_night.sequence == 10
    # Announced once each, in order, after commit: what readers receive.
    assert [m["change"]["sequence"] for m in announced] == list(range(2, 11))
    for change in election_night.changes.all():
        change_schemas.check(change.payload)


def test_published_post_is_numbered_rendered_and_kept_as_revision_one(election_night):
    post = publish(election_night, headline="Polls close", body="**Riverton, 8 p.m.** Polls are closed.",
                   credit="Reporting by Ada", links=[{"title": "How to vote", "url": "https://example.com/vote"}])
    assert post.number == 1 and post.state == Post.State.PUBLISHED
    assert post.body_html == "<p><b>Riverton, 8 p.m.</b> Polls are closed.</p>"
    revision = PostRevision.objects.get(post=post)
    assert (revision.revision, revision.body) == (1, post.body)
    payload = Change.objects.get(liveblog=election_night, sequence=2).payload
    assert payload["post"] == 1 and 'id="post-1"' in payload["html"]
    assert "Reporting by Ada" in payload["html"] and "https://example.com/vote" in payload["html"]


def test_post_numbers_follow_publication_order(election_night):
    numbers = [publish(election_night).number for _ in range(3)]
    assert numbers == [1, 2, 3]


def test_stale_revision_is_refused_and_writes_nothing(election_night):
    ada, ben = make_user("ada"), make_user("ben")
    post = publish(election_night, body="Original.")
    services.revise_post(post, editor=ada, revision=1, body="Ada's fix.")
    with pytest.raises(StaleRevision) as refused:
        services.revise_post(post, editor=ben, revision=1, body="Ben's fix.")
    assert refused.value.current == 2
    post.refresh_from_db()
    assert post.body == "Ada's fix." and post.revision == 2
    assert post.revisions.count() == 2
    assert election_night.changes.count() == 3


def test_revision_keeps_history_and_correction_note(election_night):
    post = publish(election_night, body="Turnout was 40%.")
    services.revise_post(post, editor=make_user(), revision=1, body="Turnout was 45%.",
                         note="An earlier version misstated the turnout.")
    history = list(post.revisions.values_list("revision", "body", "note"))
    assert history == [(1, "Turnout was 40%.", ""),
                       (2, "Turnout was 45%.", "An earlier version misstated the turnout.")]
    post.refresh_from_db()
    assert post.was_updated and "Updated" in Change.objects.get(liveblog=election_night, sequence=3).payload["html"]


def test_one_pinned_post_per_blog_in_one_change(election_night):
    first, second = publish(election_night), publish(election_night)
    services.pin_post(first, editor=ada())
    services.pin_post(second, editor=ada())
    assert list(election_night.posts.filter(pinned=True)) == [second]
    payload = election_night.changes.get(sequence=5).payload
    assert payload["post"] == second.number and payload["unpinned"]["post"] == first.number
    assert "post--pinned" not in payload["unpinned"]["html"]


def test_retraction_leaves_a_tombstone_and_cannot_repeat(election_night):
    post = publish(election_night, body="Unverified claim.")
    services.pin_post(post, editor=ada())
    services.retract_post(post, editor=ada(), reason="The claim could not be verified.")
    post.refresh_from_db()
    assert post.state == Post.State.RETRACTED and not post.pinned
    html = election_night.changes.get(sequence=4).payload["html"]
    assert "The claim could not be verified." in html and "Unverified claim." not in html
    with pytest.raises(PostAlreadyRetracted):
        services.retract_post(post, editor=ada(), reason="Again.")
    with pytest.raises(PostNotPublished):
        services.revise_post(post, editor=ada(), revision=post.revision, body="New.")
    assert election_night.changes.count() == 4


def test_ended_blog_takes_no_posts_but_accepts_corrections(election_night):
    post = publish(election_night)
    services.end_live_blog(election_night, editor=ada())
    with pytest.raises(LiveBlogEnded):
        publish(election_night)
    with pytest.raises(LiveBlogEnded):
        services.end_live_blog(election_night, editor=ada())
    services.revise_post(post, editor=ada(), revision=1, body="A late correction.")
    assert kinds(election_night)[-2:] == [(3, "live_blog.ended"), (4, "post.revised")]


def test_key_points_link_posts_and_reject_stale_or_unknown(election_night):
    post = publish(election_night)
    services.set_key_points(election_night, editor=ada(), revision=0,
                            points=[{"text": "Polls closed", "post": post.number}, {"text": "Count under way"}])
    assert list(KeyPoint.objects.values_list("text", "post__number")) == [
        ("Polls closed", post.number), ("Count under way", None)]
    with pytest.raises(StaleRevision):
        services.set_key_points(election_night, editor=ada(), revision=0, points=[{"text": "x"}])
    with pytest.raises(ValidationError, match="No published post numbered 99"):
        services.set_key_points(election_night, editor=ada(), revision=1, points=[{"text": "x", "post": 99}])
    assert KeyPoint.objects.count() == 2 and election_night.changes.count() == 3


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"body": "   "}, "body", "A post needs a body."),
        ({"body": "x" * 20_001}, "body", "the limit is 20,000"),
        ({"headline": "h" * 201}, "headline", "the limit is 200"),
        ({"links": [{"title": "Bad", "url": "javascript:alert(1)"}]}, "links", "is not an http(s) address"),
        ({"links": [{"title": "", "url": "https://example.com/"}]}, "links", "needs a title"),
        ({"kind": "opinion"}, "kind", "Kind must be one of"),
    ],
)
def test_bad_post_input_names_the_field_and_writes_nothing(election_night, fields, field, message):
    with pytest.raises(ValidationError) as refused:
        publish(election_night, **fields)
    assert message in " ".join(refused.value.message_dict[field])
    assert not Post.objects.exists()
    election_night.refresh_from_db()
    assert election_night.sequence == 1


def test_failure_after_the_sequence_is_taken_rolls_everything_back(election_night):
    image = services.ImageUpload(file=None, alt="   ")  # refused only once the post row exists
    with pytest.raises(ValidationError, match="needs alt text"):
        publish(election_night, images=[image])
    election_night.refresh_from_db()
    assert (election_night.sequence, Post.objects.count(), PostRevision.objects.count()) == (1, 0, 0)
    assert election_night.changes.count() == 1


def test_bad_time_zone_is_refused(db):
    with pytest.raises(ValidationError) as refused:
        make_liveblog(slug="bad-zone", time_zone="Mars/Olympus")
    assert "IANA time zone" in str(refused.value)
    with pytest.raises(ValidationError):
        make_liveblog(slug="bad-clock", extra_clocks=["Europe/Atlantis"])
    assert not LiveBlog.objects.exists()


def test_addresses_the_desk_uses_are_refused(db):
    with pytest.raises(ValidationError, match="reserved for the desk"):
        make_liveblog(slug="sign-in")
    assert not LiveBlog.objects.exists()


def test_nul_characters_never_reach_the_database(election_night):
    post = publish(election_night, headline="Hea\0dline", body="Bo\0dy", credit="Cre\0dit")
    assert (post.headline, post.body, post.credit) == ("Headline", "Body", "Credit")
