"""The XSS corpus in Chromium: pushed into an open live page by live.js, and on every page at rest.

Each vector is a post with the vector in every field (headline, body, credit, related link
title, image alt text, caption and credit), then a key point, a correction note and a
retraction reason. Tabs ignore the Content-Security-Policy (see conftest.tabs), so nothing
but Bulletin's own escaping and sanitizing stands between a vector and the reader; one
reader on the live page keeps the policy, as readers do, and must see no violation either.
"""

import time

import httpx
import pytest
from django.db import transaction

from bulletin.liveblogs import services
from bulletin.liveblogs.models import LiveBlog
from tests.conftest import Server
from tests.factories import ada, make_liveblog

from .corpus import VECTORS, post_fields
from .watch import Watched, assert_clean

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# live.js notes the last change it applied: a condition no injected markup can get in the way of.
APPLIED = "n => Number(document.querySelector('[data-live-stream]').dataset.sequence) >= n"
TOMBSTONES = "() => document.querySelectorAll('#posts > article.post--retracted').length"
KEY_POINTS = "#key-points li, h2 + ul > li"  # the full box, and the lite page's list after its heading
HEADLINES = "() => [...document.querySelectorAll('#posts > article h2')].map(h => h.textContent)"
ALTS = "() => [...document.querySelectorAll('#posts > article img')].map(img => img.alt)"
# Publishing the whole corpus takes a while on a busy machine; delivery after it does not.
DELIVERY_TIMEOUT = 30_000


def as_text(vector: str) -> str:
    """What a browser shows of text typed into a field: CR and CRLF become LF, NUL is dropped."""
    return vector.replace("\0", "").strip().replace("\r\n", "\n").replace("\r", "\n")


def as_attribute(vector: str) -> str:
    """What a browser reads back from an attribute: Bulletin drops NUL on the way in."""
    return vector.replace("\0", "").strip().replace("\r\n", "\n").replace("\r", "\n")


def wait_until_served(server: Server, liveblog: LiveBlog, timeout: float = 30) -> None:
    """Wait until the server serves the blog as of its latest change (it reads changes every 0.1 s)."""
    liveblog.refresh_from_db()
    expected = f'"{liveblog.pk}-{liveblog.sequence}"'
    deadline = time.monotonic() + timeout
    with httpx.Client(timeout=10) as client:
        while (etag := client.get(server.url + liveblog.get_absolute_url(),
                                  headers={"Accept-Encoding": "identity"}).headers.get("etag")) != expected:
            assert time.monotonic() < deadline, f"the server still serves {etag}, not {expected}"
            time.sleep(0.05)


def is_stream(url: str) -> bool:
    return url.split("?")[0].endswith("/stream")


def open_live(tab: Watched, liveblog: LiveBlog, *, polling: bool = False) -> None:
    """Open the live page and wait until its stream answers; or, polling, with every stream refused."""
    if polling:
        tab.page.route(is_stream, lambda route: route.abort())
        tab.page.goto(liveblog.get_absolute_url())
        return
    with tab.page.expect_response(lambda response: is_stream(response.url)) as stream:
        tab.page.goto(liveblog.get_absolute_url())
    assert stream.value.status == 200


def key_point_batches():
    """The vectors six at a time: the box takes twelve key points, each vector once linked, once not."""
    for start in range(0, len(VECTORS), 6):
        yield start, VECTORS[start:start + 6]


def shown_as_typed(reader: Watched) -> list[str]:
    """Each headline and alt text on the live page (newest first) as exactly the text typed."""
    problems = []
    for what, script, expected in (("headline", HEADLINES, as_text), ("alt text", ALTS, as_attribute)):
        shown = reader.page.evaluate(script)
        typed = [expected(vector) for vector in reversed(VECTORS)]
        if len(shown) != len(typed):
            problems.append(f"{len(shown)} {what}s shown for {len(typed)} posts")
        problems += [f"{what} shown as {got!r}, typed as {want!r}" for got, want in zip(shown, typed, strict=False)
                     if got != want]
    return problems


def applied(readers: list[Watched], liveblog: LiveBlog) -> None:
    """Wait until every reader's page has applied the blog's latest change."""
    liveblog.refresh_from_db()
    for reader in readers:
        reader.page.wait_for_function(APPLIED, arg=liveblog.sequence, timeout=DELIVERY_TIMEOUT)


def test_vectors_pushed_to_an_open_live_page_never_run(tabs):
    """Published, pinned, listed as key points, retracted: every change arrives while the page is open.

    Three readers: one as readers are (the policy kept), one without the policy, and one
    whose stream is refused, so live.js fetches the same changes by polling instead.
    """
    liveblog = make_liveblog("xss-live", title="Vector proof, live")
    readers = [tabs(), tabs(keep_csp=True), tabs()]
    polled: list[str] = []
    readers[2].page.on("request", lambda request: polled.append(request.url) if "/changes?" in request.url else None)
    for reader, polling in zip(readers, (False, False, True), strict=True):
        open_live(reader, liveblog, polling=polling)

    posts = [services.publish_post(liveblog, author=ada(), **post_fields(vector)) for vector in VECTORS]
    applied(readers, liveblog)
    problems = [problem for reader in readers for problem in reader.check() + shown_as_typed(reader)]

    services.pin_post(posts[0], editor=ada())
    for start, batch in key_point_batches():
        points = [{"text": vector, "post": number} for vector in batch for number in (start + 1, None)]
        liveblog = services.set_key_points(liveblog, editor=ada(), points=points,
                                           revision=liveblog.key_points_revision)
    # live.js applies every change in order, so each box is in the page at least for a moment.
    for post, vector in zip(posts, VECTORS, strict=True):
        services.retract_post(post, editor=ada(), reason=vector)
    applied(readers, liveblog)
    for reader in readers:
        problems += reader.check()
        if (shown := reader.page.evaluate(TOMBSTONES)) != len(VECTORS):
            problems.append(f"{shown} tombstones shown for {len(VECTORS)} retracted posts")
    assert polled, "the reader without a stream never polled"
    assert_clean(problems)


def pages_of(tab: Watched, first: str) -> list[str]:
    """Visit a list page and every older page after it; what each showed of injected script.

    Fails unless the pages showed every post between them.
    """
    problems, url, shown = [], first, set()
    while url:
        problems += tab.visit(url)
        shown.update(tab.page.locator("article[id^='post-'], p[id^='post-']").evaluate_all("es => es.map(e => e.id)"))
        older = tab.page.locator("nav.pagination a, a:text-is('Older updates')")
        url = older.get_attribute("href") if older.count() else None
        url = url and (first.split("?")[0] + url if url.startswith("?") else url)
    assert shown == {f"post-{number}" for number in range(1, len(VECTORS) + 1)}, f"{first} and older pages"
    return problems


def test_vectors_on_every_page_at_rest_never_run(tabs, server):
    """Every live and lite page, each post page with its correction, and the same lists of tombstones.

    A retracted post's own page is checked without a browser (test_xss_rendering); here its
    tombstone, reason and all, is seen on the live and lite pages.
    """
    liveblog = make_liveblog("xss-pages", title="Vector proof, pages")
    # One commit for the lot: the services run as they always do, the disk is spared 400 syncs.
    with transaction.atomic():
        posts = [services.publish_post(liveblog, author=ada(), **post_fields(vector)) for vector in VECTORS]
        for post, vector in zip(posts, VECTORS, strict=True):
            services.revise_post(post, editor=ada(), revision=post.revision, body=f"Corrected. {vector}", note=vector)
    tab, base = tabs(), liveblog.get_absolute_url()
    wait_until_served(server, liveblog)
    problems = pages_of(tab, base) + pages_of(tab, f"{base}lite/")
    for number in range(1, len(VECTORS) + 1):
        problems += tab.visit(f"{base}posts/{number}/")

    with transaction.atomic():
        for post, vector in zip(posts, VECTORS, strict=True):
            services.retract_post(post, editor=ada(), reason=vector)
    wait_until_served(server, liveblog)
    problems += pages_of(tab, base) + pages_of(tab, f"{base}lite/")
    assert_clean(problems + tab.problems())


def test_vectors_as_key_points_at_rest_never_run(tabs, server):
    """The key points box, full and lite, as the server renders it: twelve vectors to a blog."""
    boxes = []
    with transaction.atomic():
        for start in range(0, len(VECTORS), 12):
            liveblog = make_liveblog(f"xss-points-{start + 1}", title="Vector proof, key points")
            post = services.publish_post(liveblog, author=ada(), headline="Polls close", body="Polls have closed.")
            points = [{"text": vector, "post": post.number if index % 2 else None}
                      for index, vector in enumerate(VECTORS[start:start + 12])]
            boxes.append(services.set_key_points(liveblog, editor=ada(), points=points, revision=0))
    tab, problems = tabs(), []
    for liveblog in boxes:
        wait_until_served(server, liveblog)
        for page in ("", "lite/"):
            problems += tab.visit(liveblog.get_absolute_url() + page)
            shown = tab.page.locator(KEY_POINTS).evaluate_all("items => items.map(item => item.textContent)")
            typed = [point.text for point in liveblog.key_points.all()]
            problems += [f"key point shown as {got!r}, typed as {want!r}"
                         for got, want in zip(shown, typed, strict=False) if got.strip() != as_text(want)]
            if len(shown) != len(typed):
                problems.append(f"{len(shown)} key points shown for {len(typed)} on {tab.page.url}")
    assert_clean(problems + tab.problems())
