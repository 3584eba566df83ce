"""Getting a demo ready to serve: the database, the editor's login and the story.

``bulletin demo`` calls ``prepare_demo`` and prints ``welcome``, then serves; both are
apart from the server so tests can run them without starting one.
"""

import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.management import call_command

from bulletin.liveblogs import roles
from bulletin.liveblogs.roles import Role

from .seed import seed_demo
from .story import STORY
from .wire import DEFAULT_INTERVAL

LOGIN_FILE = "demo-login.txt"
USERNAME = "editor"


@dataclass(frozen=True)
class Login:
    username: str
    password: str
    path: Path


def data_dir() -> Path:
    """Return the folder Bulletin keeps its files in: settings.DATA_DIR, else BULLETIN_DATA_DIR."""
    configured = getattr(settings, "DATA_DIR", None) or os.environ.get("BULLETIN_DATA_DIR", "var")
    return Path(configured).resolve()


def _read_password(path: Path) -> str | None:
    try:
        text = path.read_text()
    except FileNotFoundError:
        return None
    for line in text.splitlines():
        name, _, value = line.partition(":")
        if name.strip() == "password" and value.strip():
            return value.strip()
    return None


def _write_login(path: Path, username: str, password: str) -> None:
    # Made with mode 600 from the first byte, so the password is never readable by others.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w") as file:
        file.write(f"username: {username}\npassword: {password}\n")


def demo_login(directory: Path) -> Login:
    """Return the demo editor's login, making its password once and keeping it in a file."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / LOGIN_FILE
    password = _read_password(path)
    if password is None:
        password = secrets.token_urlsafe(12)
        _write_login(path, USERNAME, password)
    # O_CREAT's mode applies only to a new file; an old one may have been loosened.
    path.chmod(0o600)
    return Login(USERNAME, password, path)


def ensure_editor(login: Login) -> AbstractBaseUser:
    """Create the demo editor, or repair it, so that the login in the file signs in."""
    user, _created = get_user_model().objects.get_or_create(username=login.username)
    if not user.check_password(login.password):
        user.set_password(login.password)
    user.is_active = True
    user.save()
    roles.assign(user, Role.EDITOR)
    return user


def prepare_demo(directory: Path | None = None) -> Login:
    """Migrate the database, make the editor's login and seed the story; return the login."""
    call_command("migrate", interactive=False, verbosity=0)
    login = demo_login(directory or data_dir())
    seed_demo(author=ensure_editor(login))
    return login


def welcome(login: Login, host: str, port: int, *, interval: tuple[float, float] = DEFAULT_INTERVAL) -> str:
    """Return what ``bulletin demo`` prints before serving: where to look, how to sign in."""
    base = f"http://{f'[{host}]' if ':' in host else host}:{port}"
    live = f"{base}/live/{STORY.slug}/"
    return "\n".join([
        f"Bulletin demo: {STORY.title} (a fictional story)",
        "",
        f"  Live page:  {live}",
        f"  Lite page:  {live}lite/",
        f"  Home:       {base}/",
        f"  Desk:       {base}/desk/",
        f"  Login:      username {login.username}, password {login.password}",
        f"              (kept in {login.path})",
        "",
        (f"A demo wire publishes a new update every {interval[0]:g} to {interval[1]:g} seconds. "
         "Press Ctrl+C to stop."),
        "",
    ])
