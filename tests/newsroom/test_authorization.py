"""Who may do what at the desk: every action for anonymous, no role, reporter, editor and admin.

The services decide; the desk must turn each refusal into a 403 page (or the sign-in page
for anonymous visitors) with nothing changed, and let every allowed action through.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.test import Client
from django.utils import timezone

from bulletin.liveblogs import services
from bulletin.liveblogs.models import LiveBlog, Post
from bulletin.liveblogs.roles import Role
from tests.factories import ada, make_liveblog, make_user, publish

from .pages import signed_in

pytestmark = pytest.mark.django_db

TEXT = {"headline": "Matrix", "body": "A post from the matrix.", "kind": "update"}


@dataclass
class World:
    liveblog: LiveBlog
    post: Post
    submission: Post
    draft: Post  # the reporter Riz's own

    def url(self, path: str) -> str:
        return f"/desk/{self.liveblog.slug}/{path}"

    def fresh(self, post: Post) -> Post:
        return Post.objects.get(pk=post.pk)


@dataclass(frozen=True)
class Action:
    name: str
    minimum: Role
    send: Callable[[Client, World], object]
    happened: Callable[[World], bool]


def later() -> str:
    return (timezone.now() + dt.timedelta(hours=3)).astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M")


ACTIONS = [
    Action("open a live blog", Role.EDITOR,
           lambda c, w: c.post("/desk/", {"title": "Floods", "slug": "floods", "time_zone": "UTC"}),
           lambda w: LiveBlog.objects.filter(slug="floods").exists()),
    Action("end the live blog", Role.EDITOR,
           lambda c, w: c.post(w.url("end/"), {"confirm": "yes"}),
           lambda w: LiveBlog.objects.get(pk=w.liveblog.pk).state == LiveBlog.State.ENDED),
    Action("publish", Role.EDITOR,
           lambda c, w: c.post(w.url("posts/"), {**TEXT, "action": "publish"}),
           lambda w: w.liveblog.posts.filter(headline="Matrix", state=Post.State.PUBLISHED).exists()),
    Action("schedule", Role.EDITOR,
           lambda c, w: c.post(w.url("posts/"), {**TEXT, "action": "publish", "scheduled_at": later()}),
           lambda w: w.liveblog.posts.filter(headline="Matrix", scheduled_at__isnull=False).exists()),
    Action("submit for approval", Role.REPORTER,
           lambda c, w: c.post(w.url("posts/"), {**TEXT, "action": "submit"}),
           lambda w: w.liveblog.posts.filter(headline="Matrix", state=Post.State.SUBMITTED).exists()),
    Action("save a draft", Role.REPORTER,
           lambda c, w: c.post(w.url("posts/"), {**TEXT, "action": "draft"}),
           lambda w: w.liveblog.posts.filter(headline="Matrix", state=Post.State.DRAFT).exists()),
    Action("correct a published post", Role.EDITOR,
           lambda c, w: c.post(w.url(f"posts/{w.post.number}/edit/"), {**TEXT, "revision": 1}),
           lambda w: w.fresh(w.post).revision == 2),
    Action("pin", Role.EDITOR,
           lambda c, w: c.post(w.url(f"posts/{w.post.number}/pin/")),
           lambda w: w.fresh(w.post).pinned),
    Action("retract", Role.EDITOR,
           lambda c, w: c.post(w.url(f"posts/{w.post.number}/retract/"), {"reason": "Wrong."}),
           lambda w: w.fresh(w.post).state == Post.State.RETRACTED),
    Action("approve", Role.EDITOR,
           lambda c, w: c.post(w.url(f"drafts/{w.submission.pk}/approve/")),
           lambda w: w.fresh(w.submission).state == Post.State.PUBLISHED),
    Action("return to reporter", Role.EDITOR,
           lambda c, w: c.post(w.url(f"drafts/{w.submission.pk}/return/"), {"note": "Source?"}),
           lambda w: w.fresh(w.submission).return_note == "Source?"),
    Action("edit key points", Role.EDITOR,
           lambda c, w: c.post(w.url("key-points/"), {"revision": 0, "points-0-text": "Floods", "points-0-post": ""}),
           lambda w: w.liveblog.key_points.filter(text="Floods").exists()),
]


@pytest.fixture
def world(db) -> World:
    liveblog = make_liveblog()
    riz = make_user("riz", Role.REPORTER)
    post = publish(liveblog)
    submission = services.submit_post(services.save_draft(liveblog, author=riz, body="For approval."), author=riz)
    draft = services.save_draft(liveblog, author=riz, body="Riz's own draft.")
    return World(liveblog, post, submission, draft)


ACTORS = {
    "anonymous": None,
    "nobody": lambda: make_user("nell", Role.NONE),
    "reporter": lambda: make_user("riz", Role.REPORTER),
    "editor": lambda: make_user("ben", Role.EDITOR),
    "admin": lambda: make_user("ida", Role.ADMIN),
}
RANKS = {"anonymous": Role.NONE, "nobody": Role.NONE, "reporter": Role.REPORTER, "editor": Role.EDITOR,
         "admin": Role.ADMIN}


def client_for(actor: str) -> Client:
    return Client() if ACTORS[actor] is None else signed_in(ACTORS[actor]())


def assert_refused(actor: str, response) -> None:
    if actor == "anonymous":
        assert response.status_code == 302 and response["Location"].startswith("/desk/sign-in/?next=")
    else:
        assert response.status_code in (403, 404), response.status_code
        if response.status_code == 403:
            assert "Not allowed" in response.content.decode()


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("action", ACTIONS, ids=lambda action: action.name)
def test_every_desk_action_is_allowed_or_refused_by_role(world, actor, action):
    response = action.send(client_for(actor), world)
    if actor != "anonymous" and RANKS[actor] >= action.minimum:
        assert response.status_code == 302, response.content.decode()[:2000]
        assert action.happened(world)
    else:
        assert_refused(actor, response)
        assert not action.happened(world)


@pytest.mark.parametrize("actor", ACTORS)
def test_unpinning_is_for_editors(world, actor):
    services.pin_post(world.post, editor=ada())
    response = client_for(actor).post(world.url(f"posts/{world.post.number}/unpin/"))
    if RANKS[actor] >= Role.EDITOR and actor != "anonymous":
        assert response.status_code == 302 and not world.fresh(world.post).pinned
    else:
        assert_refused(actor, response)
        assert world.fresh(world.post).pinned


@pytest.mark.parametrize("actor", ACTORS)
def test_a_reporters_own_draft_is_theirs_and_the_editors_to_change(world, actor):
    response = client_for(actor).post(world.url(f"drafts/{world.draft.pk}/"), {**TEXT, "action": "draft"})
    if actor in ("reporter", "editor", "admin"):
        assert response.status_code == 302 and world.fresh(world.draft).headline == "Matrix"
    else:
        assert_refused(actor, response)
        assert world.fresh(world.draft).headline == ""


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("path", ["", "{slug}/", "{slug}/key-points/", "{slug}/posts/1/edit/",
                                  "{slug}/posts/1/retract/", "{slug}/digest-headline/"])
def test_desk_pages_are_for_signed_in_people_only(world, actor, path):
    response = client_for(actor).get("/desk/" + path.format(slug=world.liveblog.slug))
    if actor == "anonymous":
        assert_refused(actor, response)
    else:
        assert response.status_code == 200


def test_a_reporter_cannot_change_another_reporters_draft(world):
    omar = signed_in(make_user("omar", Role.REPORTER))
    response = omar.post(world.url(f"drafts/{world.draft.pk}/"), {**TEXT, "action": "draft"})
    assert response.status_code == 404 and world.fresh(world.draft).headline == ""


def test_a_reporter_cannot_change_their_submission_once_sent(world):
    riz = signed_in(make_user("riz", Role.REPORTER))
    response = riz.post(world.url(f"drafts/{world.submission.pk}/"), {**TEXT, "action": "draft"})
    assert response.status_code == 403
    assert "Reporters may change only their own drafts, before submitting them." in response.content.decode()
    assert world.fresh(world.submission).body == "For approval."
