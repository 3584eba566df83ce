"""Every reader page passes axe-core's checks in Chromium."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import PAGES

pytestmark = [pytest.mark.browser]


@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_axe_violations(page, reader, name):
    """axe-core finds no violation on the page once it has loaded."""
    reader.open(page, name)

    results = Axe().run(page)
    assert results.violations_count == 0, f"{reader.path(name)}: {results.generate_report()}"
