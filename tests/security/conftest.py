"""Fixtures for the XSS proof in Chromium: reader tabs that record every sign of injected script."""

import pytest

from .watch import Watched


@pytest.fixture(scope="session")
def base_url(server) -> str:
    """Relative URLs go to the test server (and pytest-playwright's own base_url, a warning, is not used)."""
    return server.url


@pytest.fixture
def tabs(browser, base_url):
    """Open watched tabs, each in a browser context of its own; close them all after the test.

    Tabs ignore the Content-Security-Policy unless asked to keep it: the policy would stop an
    inline script that got through, and this proof is that none gets through at all.
    """
    contexts = []

    def open_tab(*, keep_csp: bool = False) -> Watched:
        context = browser.new_context(base_url=base_url, bypass_csp=not keep_csp)
        contexts.append(context)
        return Watched(context.new_page())

    yield open_tab
    for context in contexts:
        context.close()
