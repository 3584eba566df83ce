"""Every service checks who is acting: each denial holds, each allowed action works."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from bulletin.liveblogs import roles, services
from bulletin.liveblogs.roles import SYSTEM, Role
from tests.factories import ada, make_liveblog, make_user, publish

pytestmark = pytest.mark.django_db


def actor(role: Role | None):
    if role is None:
        return AnonymousUser()
    return make_user(f"someone-{role.name.lower()}", role)


def _published(liveblog):
    return publish(liveblog)


ACTIONS = {
    # action: (the least role allowed, what it does)
    "create a live blog": (Role.EDITOR, lambda who, blog: services.create_live_blog(
        title="Storm", slug="storm", editor=who)),
    "publish": (Role.EDITOR, lambda who, blog: services.publish_post(blog, author=who, body="x")),
    "revise": (Role.EDITOR, lambda who, blog: services.revise_post(
        _published(blog), editor=who, revision=1, body="y")),
    "retract": (Role.EDITOR, lambda who, blog: services.retract_post(_published(blog), editor=who, reason="z")),
    "pin": (Role.EDITOR, lambda who, blog: services.pin_post(_published(blog), editor=who)),
    "unpin": (Role.EDITOR, lambda who, blog: services.unpin_post(
        services.pin_post(_published(blog), editor=ada()), editor=who)),
    "set key points": (Role.EDITOR, lambda who, blog: services.set_key_points(
        blog, editor=who, points=[{"text": "k"}], revision=0)),
    "end": (Role.EDITOR, lambda who, blog: services.end_live_blog(blog, editor=who)),
    "write a draft": (Role.REPORTER, lambda who, blog: services.save_draft(blog, author=who, body="d")),
    "approve": (Role.EDITOR, lambda who, blog: services.publish_draft(
        services.save_draft(blog, author=ada(), body="d"), editor=who)),
    "return": (Role.EDITOR, lambda who, blog: services.return_post(services.submit_post(
        services.save_draft(blog, author=ada(), body="d"), author=ada()), editor=who, note="n")),
}


@pytest.mark.parametrize("role", [None, Role.NONE, Role.REPORTER, Role.EDITOR, Role.ADMIN],
                         ids=["anonymous", "no-role", "reporter", "editor", "admin"])
@pytest.mark.parametrize("action", ACTIONS)
def test_authorization_matrix(action, role):
    least, perform = ACTIONS[action]
    liveblog = make_liveblog()
    who = actor(role)
    if role is not None and role >= least:
        perform(who, liveblog)
    else:
        with pytest.raises(PermissionDenied, match="or above may"):
            perform(who, liveblog)


def test_inactive_users_and_none_have_no_role():
    user = make_user("gone", Role.EDITOR)
    user.is_active = False
    assert roles.role_of(user) is Role.NONE
    assert roles.role_of(None) is Role.NONE
    assert roles.role_of(SYSTEM) is Role.ADMIN


def test_assign_replaces_the_previous_role():
    user = make_user("riz", Role.REPORTER)
    roles.assign(user, Role.EDITOR)
    assert roles.role_of(user) is Role.EDITOR
    roles.assign(user, Role.NONE)
    assert roles.role_of(user) is Role.NONE
