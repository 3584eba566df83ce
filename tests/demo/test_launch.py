"""Getting ``bulletin demo`` ready to serve, without starting the server."""

import stat
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from bulletin.demo import launch
from bulletin.demo.seed import DEMO_SLUG
from bulletin.liveblogs.models import Change, LiveBlog
from bulletin.liveblogs.roles import Role, role_of

# prepare_demo runs migrate, which needs a real transaction of its own.
needs_database = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def quick_hashing(settings):
    """Hash passwords cheaply: these tests check the login, not the hasher's strength."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@needs_database
def test_prepare_makes_a_private_login_that_signs_in(tmp_path):
    login = launch.prepare_demo(tmp_path)
    assert login.path == tmp_path / "demo-login.txt"
    assert mode(login.path) == 0o600
    assert login.path.read_text() == f"username: editor\npassword: {login.password}\n"
    editor = get_user_model().objects.get(username="editor")
    assert role_of(editor) is Role.EDITOR and editor.is_active and editor.check_password(login.password)
    assert LiveBlog.objects.filter(slug=DEMO_SLUG).exists()


@needs_database
def test_a_second_run_keeps_the_login_and_the_story(tmp_path):
    first = launch.prepare_demo(tmp_path)
    changes = Change.objects.count()
    second = launch.prepare_demo(tmp_path)
    assert second == first
    assert get_user_model().objects.filter(username="editor").count() == 1
    assert Change.objects.count() == changes


@needs_database
def test_an_editor_made_elsewhere_gets_the_password_from_the_file(tmp_path):
    get_user_model().objects.create_user("editor")
    login = launch.demo_login(tmp_path)
    assert launch.ensure_editor(login).check_password(login.password)


@needs_database
def test_a_loosened_login_file_is_made_private_again(tmp_path):
    path = tmp_path / "demo-login.txt"
    path.write_text("username: editor\npassword: kept-secret\n")
    path.chmod(0o644)
    login = launch.demo_login(tmp_path)
    assert login.password == "kept-secret"
    assert mode(path) == 0o600


def test_welcome_names_every_address_and_the_login():
    login = launch.Login("editor", "s3cret", Path("/data/demo-login.txt"))
    text = launch.welcome(login, "127.0.0.1", 8799)
    base = "http://127.0.0.1:8799"
    addresses = [line.split()[-1] for line in text.splitlines() if "http://" in line]
    assert addresses == [f"{base}/live/{DEMO_SLUG}/", f"{base}/live/{DEMO_SLUG}/lite/",
                         f"{base}/", f"{base}/desk/"]
    assert "username editor, password s3cret" in text
    assert "/data/demo-login.txt" in text
    assert "http://[::1]:8000/" in launch.welcome(login, "::1", 8000)
