"""The desk's cast: Ada and Ben edit, Riz reports, Ida runs the newsroom; one live blog."""

import pytest
from django.test import Client

from bulletin.liveblogs.roles import Role
from tests.factories import ada, make_liveblog, make_user

from .pages import signed_in


@pytest.fixture
def editor(db):
    return ada()


@pytest.fixture
def riz(db):
    """Riz, a reporter."""
    return make_user("riz", Role.REPORTER)


@pytest.fixture
def liveblog(db):
    return make_liveblog()


@pytest.fixture
def desk(editor) -> Client:
    """Ada at the desk."""
    return signed_in(editor)


@pytest.fixture
def reporter_desk(riz) -> Client:
    return signed_in(riz)
