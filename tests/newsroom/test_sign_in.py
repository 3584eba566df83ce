"""Signing in to the desk: clear errors, throttled guessing, secure by default."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.cache import cache
from django.test import Client

from bulletin.liveblogs.roles import Role
from tests.factories import make_user

pytestmark = pytest.mark.django_db
PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def fresh_throttle():
    cache.clear()


@pytest.fixture
def ada_with_password():
    user = make_user("ada", Role.EDITOR)
    user.set_password(PASSWORD)
    user.save()
    return user


def test_desk_asks_for_sign_in_then_lets_an_editor_in(client, ada_with_password):
    response = client.get("/desk/")
    assert response.status_code == 302 and response["Location"] == "/desk/sign-in/?next=/desk/"
    response = client.post("/desk/sign-in/", {"username": "ada", "password": PASSWORD, "next": "/desk/"})
    assert response.status_code == 302 and response["Location"] == "/desk/"
    assert client.get("/desk/").status_code == 200


def test_wrong_password_says_so_and_keeps_the_username(client, ada_with_password):
    response = client.post("/desk/sign-in/", {"username": "ada", "password": "nope"})
    assert response.status_code == 401
    html = response.content.decode()
    assert "That username and password do not match" in html and 'value="ada"' in html


def test_repeated_failures_are_throttled_even_with_the_right_password(client, ada_with_password):
    for _attempt in range(5):
        assert client.post("/desk/sign-in/", {"username": "ada", "password": "guess"}).status_code == 401
    response = client.post("/desk/sign-in/", {"username": "ada", "password": PASSWORD})
    assert response.status_code == 429
    assert "Too many failed attempts" in response.content.decode()


def test_unsafe_next_is_ignored(client, ada_with_password):
    response = client.post("/desk/sign-in/", {"username": "ada", "password": PASSWORD, "next": "https://evil.example/"})
    assert response["Location"] == "/desk/"


def test_sign_out_needs_a_post_with_csrf(client, ada_with_password):
    client.force_login(ada_with_password)
    assert client.get("/desk/sign-out/").status_code == 405
    assert client.post("/desk/sign-out/").status_code == 302
    assert client.get("/desk/").status_code == 302


def test_desk_pages_carry_a_strict_csp_and_refuse_framing(client):
    response = client.get("/desk/sign-in/")
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert response["X-Frame-Options"] == "DENY"


def test_csrf_is_enforced_on_sign_in(ada_with_password):
    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/desk/sign-in/", {"username": "ada", "password": PASSWORD}).status_code == 403


def test_check_deploy_is_clean_with_production_settings(tmp_path):
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "BULLETIN_DATA_DIR": str(tmp_path),
        "BULLETIN_HTTPS": "1",
        "BULLETIN_SECRET_KEY": secrets.token_urlsafe(50),
        "BULLETIN_ALLOWED_HOSTS": "news.example.com",
        "BULLETIN_PUBLIC_URL": "https://news.example.com",
    }
    bulletin = Path(sys.executable).with_name("bulletin")
    result = subprocess.run([str(bulletin), "check", "--deploy", "--fail-level", "WARNING"],
                            env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
