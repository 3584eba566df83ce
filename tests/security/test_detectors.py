"""The detectors the XSS proof relies on catch what they look for: a proof is only as good as they are.

Chromium: a page served by a route (no server code involved) with one injected payload each
must show a problem in the watched tab, and a clean page none. html.parser: each check flags
the markup it exists to flag.
"""

import pytest

from .dom import fragment_problems, markup_problems, page_problems
from .watch import Watched

# Never fetched: the route answers it inside the browser.
CANARY_URL = "http://canary.invalid/"

CANARIES = {
    "alert": "<img src=x onerror=alert(1)>",
    "marker": "<script>window.__xss=1</script>",
    "title": "<script>document.title='XSS'</script>",
    "frame-marker": "<iframe srcdoc=\"<script>top.__xss=1</script>\"></iframe>",
    "handler": "<div onmouseover=alert(1)>hover</div>",
    "script-url": "<a href='jav&#x09;ascript:alert(1)'>link</a>",
    "data-url": "<embed src='data:image/svg+xml,x'>",
    "svg": "<svg><a><text>x</text></a></svg>",
    "base": "<base href='https://evil.example/'>",
    "refresh": "<meta http-equiv=refresh content='9;url=https://evil.example/'>",
    "script-error": "<script>throw new Error('injected')</script>",
    "gone-a-moment": ("<p id=p></p><script>const p = document.getElementById('p');"
                      "p.innerHTML = '<img onerror=void(0)>'; p.replaceChildren();</script>"),
}
CLEAN = "<article><h2>&lt;script&gt;alert(1)&lt;/script&gt;</h2><p><a href='https://example.com/'>ok</a></p></article>"


@pytest.fixture
def canary(browser):
    """A watched tab on a page that a route serves with the body given: no Bulletin code involved."""
    contexts = []

    def open_canary(body: str, *, keep_csp: bool = False, headers: dict | None = None) -> list[str]:
        context = browser.new_context(bypass_csp=not keep_csp)
        contexts.append(context)
        tab = Watched(context.new_page())
        page = f"<!doctype html><html lang=en><title>Canary</title><body>{body}</body></html>"
        tab.page.route(CANARY_URL, lambda route: route.fulfill(body=page, content_type="text/html",
                                                               headers=headers or {}))
        return tab.visit(CANARY_URL)

    yield open_canary
    for context in contexts:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("name", CANARIES)
def test_the_watched_tab_sees_injected_script(canary, name):
    assert canary(CANARIES[name]) != []


@pytest.mark.browser
def test_the_watched_tab_sees_nothing_on_a_clean_page_and_csp_violations_with_the_policy_kept(canary):
    assert canary(CLEAN) == []
    problems = canary(CANARIES["marker"], keep_csp=True, headers={"Content-Security-Policy": "script-src 'self'"})
    assert any("CSP script-src" in problem for problem in problems), problems
    assert not any("window.__xss is" in problem for problem in problems), problems


@pytest.mark.parametrize("html, found", [
    ('<p><img src="x" onerror="alert(1)"></p>', "<img> is not an allowed element"),
    ('<p><a href="javascript:alert(1)">x</a></p>', "is not an http(s) address"),
    ('<p><a href="/desk/">x</a></p>', "is not an http(s) address"),
    ('<p><a href="https://example.com/" title="t">x</a></p>', "title is not an allowed attribute"),
    ('<p class="embed evil">x</p>', "off the allow-list"),
])
def test_the_markup_check_flags_what_the_allow_list_leaves_out(html, found):
    assert any(found in problem for problem in markup_problems(html)), markup_problems(html)


@pytest.mark.parametrize("html", [
    '<article id="post-1"><img src="/media/x.jpg" alt="" onerror="alert(1)"></article>',
    '<article id="post-1"><iframe srcdoc="x"></iframe></article>',
    '<article id="post-1"><a href="vbscript:msgbox(1)">x</a></article>',
    '<article id="post-1"><img src="/media/x.jpg" srcset="/media/a.jpg 1w, javascript:alert(1) 2w" alt=""></article>',
    '<article id="post-1" id="post-2"></article>',
])
def test_the_fragment_check_flags_what_no_fragment_has(html):
    assert fragment_problems(html) != []


@pytest.mark.parametrize("html", [
    "<main><script>alert(1)</script></main>",
    '<main><p style="background:url(javascript:alert(1))">x</p></main>',
    '<head><meta http-equiv="refresh" content="0;url=javascript:alert(1)"></head>',
    '<main><a href="  javascript:alert(1)">x</a></main>',
    '<main><svg onload="alert(1)"></svg></main>',
])
def test_the_page_check_flags_what_could_run_script(html):
    assert page_problems(html) != []
