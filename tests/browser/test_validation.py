"""Every reader page is valid HTML, as the Nu Html Checker (vnu) reads it."""

import pytest

from . import validators
from .conftest import PAGES


@pytest.mark.parametrize("name", PAGES)
def test_page_is_valid_html(vnu, reader, name):
    """vnu reports no error on the page as the server sends it."""
    response = reader.get(name)
    assert response.headers["content-type"] == "text/html; charset=utf-8"

    errors = vnu.errors(response.content)
    assert not errors, f"{reader.path(name)}:\n{validators.describe(errors)}"
