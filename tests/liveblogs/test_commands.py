"""The publish, revise and retract commands, for scripts."""

import pytest
from django.core.management import CommandError, call_command

from bulletin.liveblogs.models import Post
from tests.factories import make_liveblog

pytestmark = pytest.mark.django_db


def test_publish_revise_retract_from_the_command_line(capsys):
    make_liveblog()
    call_command("publish", "election-night", "--headline", "Polls close", "--body", "**8 p.m.** Polls closed.")
    assert "Published post 1: /live/election-night/posts/1/" in capsys.readouterr().out
    call_command("revise", "election-night", "1", "--body", "**8 p.m.** Polls closed on time.", "--note", "Time added.")
    call_command("retract", "election-night", "1", "--reason", "Duplicate of post 2.")
    post = Post.objects.get()
    assert (post.revision, post.state, post.retraction_reason) == (2, "retracted", "Duplicate of post 2.")


def test_commands_explain_what_is_wrong():
    make_liveblog()
    with pytest.raises(CommandError, match="No live blog with the slug 'nope'"):
        call_command("publish", "nope", "--body", "x")
    with pytest.raises(CommandError, match="body: A post needs a body"):
        call_command("publish", "election-night", "--body", " ")
    call_command("publish", "election-night", "--body", "First.")
    call_command("revise", "election-night", "1", "--body", "Second.")
    with pytest.raises(CommandError, match="after you opened revision 1"):
        call_command("revise", "election-night", "1", "--body", "Third.", "--revision", "1")
    with pytest.raises(CommandError, match="has no post numbered 7"):
        call_command("retract", "election-night", "7", "--reason", "x")


def test_createuser_gives_the_role_and_changes_it_later(capsys):
    from django.contrib.auth import get_user_model

    from bulletin.liveblogs.roles import Role, role_of

    call_command("createuser", "riz", "--role", "reporter", "--password", "s3cret-pass-phrase")
    riz = get_user_model().objects.get(username="riz")
    assert role_of(riz) is Role.REPORTER and riz.check_password("s3cret-pass-phrase")
    call_command("createuser", "riz", "--role", "editor")
    riz.refresh_from_db()
    assert role_of(riz) is Role.EDITOR and riz.check_password("s3cret-pass-phrase")
    assert "Updated riz as editor." in capsys.readouterr().out
