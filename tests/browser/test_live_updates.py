"""live.js in Chromium: a reader's open page follows the desk's changes without reloading.

The desk acts through the services in this process; the test server hears of each change
by reading the change table every 0.1 s, as a server beside `bulletin publish` would.
Every reader tab fails its test on any script error or CSP violation seen while it was open.
"""

import gzip
import json
import re
import time

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from bulletin.liveblogs import services
from tests.factories import ada, make_liveblog, publish

from .conftest import Reader
from .live_reader import LivePage, PublishingProcess
from .story import WARD_RESULTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Words of the story's retracted post, which no replay may bring back even for a moment.
RETRACTED_WORDS = "has conceded the race"
# Notes whether any node added to the document, from the first one parsed on, holds the words (%s).
WATCH_FOR_TEXT = """
window.textSeen = false;
new MutationObserver(records => {
  for (const record of records)
    for (const node of record.addedNodes)
      if ((node.textContent || "").includes(%s)) window.textSeen = true;
}).observe(document, {childList: true, subtree: true});
"""

# The budget for first-party JavaScript on a reader page, gzipped.
JS_BUDGET = 8 * 1024
# Chromium retries a failed stream after 3 s; live.js polls after repeated failures, then every 3 s.
POLLING_TIMEOUT = 15_000


@pytest.fixture
def tabs(browser, base_url):
    """Open reader tabs, each in a browser context of its own, failing the test on any problem."""
    opened: list[tuple] = []

    def open_tab() -> LivePage:
        context = browser.new_context(base_url=base_url)
        tab = LivePage(context.new_page())
        opened.append((context, tab))
        return tab

    yield open_tab
    problems = [problem for _, tab in opened for problem in tab.problems()]
    for context, _ in opened:
        context.close()
    assert problems == [], f"script errors or CSP violations on a live page: {problems}"


def count_text(liveblog) -> str:
    count = liveblog.posts.filter(state="published").count()
    return f"{count} update{'' if count == 1 else 's'}"


def test_a_new_post_appears_on_every_open_page_within_a_second(tabs, reader, story):
    """Two readers, two browsers: the post is on both screens within 1 s of the service returning."""
    readers = [tabs(), tabs()]
    for tab in readers:
        tab.open(reader)

    post = publish(story.liveblog, headline="Riverside wards declare")
    published = time.monotonic()

    for tab in readers:
        left = 1000 - (time.monotonic() - published) * 1000
        expect(tab.post(post.number)).to_be_visible(timeout=max(left, 1))
    for tab in readers:
        assert tab.numbers()[0] == post.number
        expect(tab.page.locator("#post-count")).to_have_text(count_text(story.liveblog))


@pytest.fixture
def quiet_blog(server):
    """A live blog nobody has posted in yet, and its pages."""
    reader = Reader(server, make_liveblog(slug="quiet-night"))
    yield reader
    reader.client.close()


def test_the_first_post_of_a_quiet_blog_replaces_no_updates_yet(tabs, quiet_blog):
    """A blog with no posts says so; its first post takes that message's place."""
    liveblog = quiet_blog.liveblog
    tab = tabs()
    tab.open(quiet_blog)
    expect(tab.page.locator(".posts__empty")).to_have_text("No updates yet.")

    post = publish(liveblog, headline="Polls open")

    expect(tab.post(post.number)).to_be_visible()
    expect(tab.page.locator(".posts__empty")).to_have_count(0)
    expect(tab.page.locator("#post-count")).to_have_text("1 update")


def test_revisions_retractions_pins_key_points_and_the_end_apply_in_place(tabs, reader, story):
    """Each change lands where a reload would put it, and the page ends up as a fresh one."""
    tab = tabs()
    tab.open(reader)
    editor, liveblog = ada(), story.liveblog
    order = tab.numbers()
    quote, wards, analysis, so_far = story.posts[3], story.posts[5], story.posts[6], story.pinned

    services.revise_post(wards, editor=editor, revision=wards.revision,
                         body=WARD_RESULTS.replace("346 votes", "352 votes"))
    expect(tab.post(wards.number)).to_contain_text("ahead by 352 votes")
    expect(tab.post(wards.number).locator(".post__updated")).to_contain_text("Updated")
    assert tab.numbers() == order

    services.retract_post(quote, editor=editor, reason="The quotation was not the mayor's.")
    expect(tab.post(quote.number).locator(".post__retracted")).to_contain_text("was not the mayor's")
    expect(tab.post(quote.number)).not_to_contain_text("Whatever happens tonight")
    assert tab.numbers() == order

    pinned = tab.page.locator("#pinned > article")
    services.pin_post(analysis, editor=editor)  # takes the pin from the summary
    expect(pinned).to_have_attribute("id", f"post-{analysis.number}")
    expect(pinned).to_have_count(1)
    tab.expect_numbers(sorted({*order, so_far.number} - {analysis.number}, reverse=True))

    services.unpin_post(analysis, editor=editor)
    expect(pinned).to_have_count(0)
    tab.expect_numbers(sorted({*order, so_far.number}, reverse=True))

    wards.refresh_from_db()
    services.pin_post(wards, editor=editor)
    expect(pinned).to_have_attribute("id", f"post-{wards.number}")
    services.retract_post(wards, editor=editor, reason="The figures were for the wrong wards.")
    expect(pinned).to_have_count(0)  # a tombstone is never pinned: it goes back in its place
    expect(tab.post(wards.number).locator(".post__retracted")).to_contain_text("wrong wards")
    tab.expect_numbers(sorted({*order, so_far.number}, reverse=True))

    liveblog.refresh_from_db()
    services.set_key_points(liveblog, editor=editor, revision=liveblog.key_points_revision, points=[
        {"text": "The count goes on into the night", "post": analysis.number},
        {"text": "Postal votes may narrow the gap", "post": None},
    ])
    box = tab.page.get_by_role("region", name="Key points")
    expect(box.get_by_role("listitem")).to_have_text(
        ["The count goes on into the night", "Postal votes may narrow the gap"])

    services.end_live_blog(liveblog, editor=editor)
    expect(tab.page.locator("#status")).to_contain_text("Ended")
    expect(tab.page.locator("#post-count")).to_have_text(count_text(liveblog))

    fresh = tabs()
    fresh.open(reader, streaming=False)
    assert tab.snapshot() == fresh.snapshot()


def test_a_reader_scrolled_down_gets_a_button_instead_of_a_jump(tabs, reader, story):
    """Below the first posts, new ones wait behind a button; at the top they go straight in."""
    tab = tabs()
    tab.open(reader)
    page, title = tab.page, tab.page.title()
    order = tab.numbers()
    looking_at = tab.post(order[2])
    looking_at.evaluate("article => article.scrollIntoView({block: 'center'})")
    where = looking_at.bounding_box()["y"]
    button = page.locator(".live-controls__new")

    first = publish(story.liveblog, headline="Recount in Old Town")
    expect(page.get_by_role("button", name="Show 1 new update")).to_be_visible()
    expect(page).to_have_title(f"(1) {title}")
    second = publish(story.liveblog, headline="Riverside wards declare")
    expect(page.get_by_role("button", name="Show 2 new updates")).to_be_visible()
    expect(page).to_have_title(f"(2) {title}")
    expect(page.locator("#post-count")).to_have_text(count_text(story.liveblog))

    expect(tab.post(first.number)).to_have_count(0)
    expect(tab.post(second.number)).to_have_count(0)
    assert looking_at.bounding_box()["y"] == where

    button.click()
    expect(tab.post(second.number)).to_be_in_viewport()
    expect(button).to_be_hidden()
    expect(page).to_have_title(title)
    tab.expect_numbers([second.number, first.number, *order])

    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_function("window.scrollY === 0")
    third = publish(story.liveblog, headline="Postal votes counted")
    expect(tab.post(third.number)).to_be_visible()
    expect(button).to_be_hidden()
    expect(page).to_have_title(title)
    tab.expect_numbers([third.number, second.number, first.number, *order])


def test_changes_made_while_offline_arrive_once_when_back_online(tabs, reader, story):
    """A reader who lost the network catches up on reconnecting: no gap, no duplicate."""
    tab = tabs()
    tab.open(reader)
    order = tab.numbers()

    tab.page.context.set_offline(True)
    tab.page.wait_for_function("!navigator.onLine")
    new = [publish(story.liveblog, headline=f"Ward {n} declares") for n in (4, 5, 6)]
    services.retract_post(new[1], editor=ada(), reason="Ward 5 has not declared yet.")
    reader.get("live")  # the server has heard of every change
    for post in new:
        expect(tab.post(post.number)).to_have_count(0)

    with tab.page.expect_response(lambda response: "/stream" in response.url):
        tab.page.context.set_offline(False)

    tab.expect_numbers([post.number for post in reversed(new)] + order)
    for post in new:
        expect(tab.post(post.number)).to_have_count(1)
    expect(tab.post(new[1].number).locator(".post__retracted")).to_contain_text("has not declared")
    expect(tab.page.locator("#post-count")).to_have_text(count_text(story.liveblog))


def test_polling_delivers_when_the_stream_is_blocked(tabs, reader, story):
    """Behind something that kills streams, the page asks for changes?after=N and still updates."""
    tab = tabs()
    tab.page.route("**/stream*", lambda route: route.abort())
    tab.open(reader, streaming=False)
    newest = tab.page.locator("#posts > article").first

    with tab.page.expect_response(lambda response: "/changes?after=" in response.url,
                                  timeout=POLLING_TIMEOUT):
        with PublishingProcess(story.liveblog.slug, headline="Turnout confirmed",
                               body="**The electoral office confirmed the turnout.**") as publishing:
            expect(newest).to_contain_text("Turnout confirmed", timeout=POLLING_TIMEOUT)

    expect(newest).to_have_attribute("id", f"post-{publishing.number}")
    expect(tab.post(publishing.number)).to_have_count(1)
    expect(tab.page.locator("#post-count")).to_have_text(count_text(story.liveblog))


def test_changes_the_page_already_shows_change_nothing(tabs, reader, story):
    """A page rendered a little newer than its sequence (allowed: see docs/architecture.md) gets
    every change replayed over it, and shows the same as a fresh page; what comes next applies once."""
    fresh = tabs()
    fresh.open(reader, streaming=False)
    tab = tabs()
    tab.page.add_init_script(WATCH_FOR_TEXT % json.dumps(RETRACTED_WORDS))
    # Claim the page is as of change 0: the stream replays the whole story over it.
    tab.page.route(reader.url("live"), lambda route: route.fulfill(
        response=(response := route.fetch()),
        body=re.sub(r'data-sequence="\d+"', 'data-sequence="0"', response.text())))
    tab.open(reader)
    story.liveblog.refresh_from_db()
    tab.page.wait_for_function(
        "sequence => document.querySelector('[data-live-stream]').dataset.sequence === String(sequence)",
        arg=story.liveblog.sequence)

    assert tab.snapshot() == fresh.snapshot()
    assert tab.page.evaluate("window.textSeen") is False, "the retracted post's words were shown again"

    post = publish(story.liveblog, headline="Old Town recount ends")
    expect(tab.post(post.number)).to_have_count(1)
    expect(tab.page.locator("#post-count")).to_have_text(count_text(story.liveblog))


def test_updates_are_announced_and_pause_holds_them_back(tabs, reader, story):
    """A polite live region names each new post; pausing holds every change until resumed."""
    tab = tabs()
    tab.open(reader)
    page, title = tab.page, tab.page.title()
    announcer = page.locator("#live-announcer")
    expect(announcer).to_have_attribute("aria-live", "polite")

    announced = publish(story.liveblog, headline="Okafor speaks to supporters")
    expect(announcer).to_have_text("New update: Okafor speaks to supporters")

    page.get_by_role("button", name="Pause live updates").click()
    resume = page.get_by_role("button", name="Resume live updates")
    expect(resume).to_have_attribute("aria-pressed", "true")

    held = publish(story.liveblog, headline="Reyes arrives at the count")
    services.revise_post(announced, editor=ada(), revision=announced.revision,
                         body="**Mayor Okafor thanked her volunteers.**")
    expect(page).to_have_title(f"(1) {title}")  # the tab says something is waiting
    expect(tab.post(held.number)).to_have_count(0)
    expect(tab.post(announced.number)).not_to_contain_text("thanked her volunteers")

    resume.click()
    pause = page.get_by_role("button", name="Pause live updates")
    expect(pause).to_have_attribute("aria-pressed", "false")
    expect(tab.post(held.number)).to_be_visible()
    expect(tab.post(announced.number)).to_contain_text("thanked her volunteers")
    expect(announcer).to_have_text("New update: Reyes arrives at the count")
    expect(page).to_have_title(title)


def test_live_controls_keep_the_page_free_of_axe_violations(tabs, reader, story):
    """The pause button, the new-updates button and the announcer pass axe-core, shown and pressed."""
    tab = tabs()
    tab.open(reader)
    page = tab.page
    page.locator(f"#post-{tab.numbers()[2]}").evaluate("article => article.scrollIntoView()")
    publish(story.liveblog, headline="Old Town declares")
    expect(page.get_by_role("button", name="Show 1 new update")).to_be_visible()
    expect(page.locator("#live-announcer")).to_have_text("1 new update")

    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()

    page.get_by_role("button", name="Pause live updates").click()
    expect(page.get_by_role("button", name="Resume live updates")).to_be_visible()
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_first_party_javascript_on_the_live_page_stays_within_budget(tabs, reader):
    """Every script the live page loads comes from its own origin, and all of it gzips to ≤ 8 KB."""
    tab = tabs()
    tab.open(reader)
    scripts = tab.page.evaluate("""() => ({
        inline: [...document.scripts].filter(s => !s.src && (!s.type || /javascript|module/.test(s.type))).length,
        urls: performance.getEntriesByType("resource")
          .filter(entry => entry.initiatorType === "script").map(entry => entry.name),
    })""")
    assert scripts["inline"] == 0
    assert scripts["urls"], "the live page loads no script: is live.js missing?"
    origin = reader.server.url
    assert all(url.startswith(origin + "/") for url in scripts["urls"]), scripts["urls"]

    sizes = {url: served_size(reader.client, url) for url in scripts["urls"]}
    assert sum(sizes.values()) <= JS_BUDGET, f"{sum(sizes.values())} bytes gzipped: {sizes}"


def served_size(client, url: str) -> int:
    """The bytes a browser accepting gzip downloads for url; gzipped here if the server sends it plain."""
    with client.stream("GET", url, headers={"Accept-Encoding": "gzip"}) as response:
        assert response.status_code == 200, url
        raw = b"".join(response.iter_raw())
    if response.headers.get("content-encoding") == "gzip":
        return len(raw)
    return len(gzip.compress(raw, 6))
