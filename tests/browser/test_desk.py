"""The newsroom desk in Chromium, against the real server: people sign in through the real form.

An editor publishes with the keyboard alone and an open reader page shows the post within a
second; a correction shows "Updated"; two editors on one post get the conflict view; a
reporter's submission reaches readers only once an editor approves it. Every desk page
passes axe-core and the Nu Html Checker, with no script error and no CSP violation.
"""

import io
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx
import pytest
from axe_playwright_python.sync_playwright import Axe
from PIL import Image
from playwright.sync_api import Browser, BrowserContext, Page, expect

from bulletin.liveblogs import services
from bulletin.liveblogs.models import Post
from bulletin.liveblogs.roles import Role
from tests.conftest import Server
from tests.factories import make_liveblog, make_user, publish

from . import validators
from .conftest import Reader

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation",
  event => window.cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI}`));
"""
FOCUSED = "() => { const e = document.activeElement; return e.name || e.textContent.trim(); }"


@dataclass
class Person:
    """Someone at the desk in a browser context of their own, watched for script errors and CSP violations."""

    page: Page
    problems: list[str] = field(default_factory=list)

    def watch(self) -> "Person":
        self.page.on("pageerror", lambda error: self.problems.append(str(error)))
        self.page.on("console", lambda message: self.problems.append(message.text)
                     if "Content Security Policy" in message.text else None)
        self.page.add_init_script(RECORD_VIOLATIONS)
        return self

    def sign_in(self, username: str) -> "Person":
        """Sign in through the real form, by keyboard: the username field has focus."""
        self.page.goto("/desk/sign-in/")
        expect(self.page.get_by_label("Username")).to_be_focused()  # autofocus lands after load
        self.page.keyboard.type(username)
        self.page.keyboard.press("Tab")
        self.page.keyboard.type(PASSWORD)
        with self.page.expect_navigation():
            self.page.keyboard.press("Enter")
        expect(self.page.get_by_role("heading", level=1)).to_have_text("Live blogs")
        return self

    def tab_to(self, name: str, limit: int = 60) -> None:
        """Press Tab until the control named name (a field's name, a button's text) has focus."""
        for _press in range(limit):
            self.page.keyboard.press("Tab")
            if self.page.evaluate(FOCUSED) == name:
                return
        raise AssertionError(f"Tab never reached {name!r}")

    def submit(self, action: Callable[[], object]):
        """Do something that loads a page; return the response the server sent for it."""
        with self.page.expect_navigation() as navigation:
            action()
        return navigation.value


@dataclass
class Newsroom:
    server: Server
    browser: Browser
    liveblog: object
    contexts: list[BrowserContext] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)

    def person(self, username: str | None = None, **options) -> Person:
        context = self.browser.new_context(base_url=self.server.url, **options)
        self.contexts.append(context)
        person = Person(context.new_page()).watch()
        self.people.append(person)
        return person.sign_in(username) if username else person

    def desk_url(self, path: str = "") -> str:
        return f"/desk/{self.liveblog.slug}/{path}"


@pytest.fixture
def newsroom(server, browser):
    """Ada and Ben edit, Riz reports (all with passwords); election night, live and empty."""
    for name, role in (("ada", Role.EDITOR), ("ben", Role.EDITOR), ("riz", Role.REPORTER)):
        user = make_user(name, role)
        user.set_password(PASSWORD)
        user.save()
    room = Newsroom(server, browser, make_liveblog())
    yield room
    problems = [problem for person in room.people for problem in person.problems]
    problems += [v for person in room.people if not person.page.is_closed()
                 for v in person.page.evaluate("window.cspViolations || []")]
    for context in room.contexts:
        context.close()
    assert problems == [], f"script errors or CSP violations at the desk: {problems}"


@pytest.fixture
def live_page(newsroom):
    """A reader's live page on election night, its stream open."""
    reader = Reader(newsroom.server, newsroom.liveblog)
    tab = newsroom.person()
    with tab.page.expect_response(lambda response: response.url.split("?")[0].endswith("/stream")):
        reader.open(tab.page, "live")
    yield tab.page
    reader.client.close()


def test_an_editor_publishes_by_keyboard_and_a_reader_sees_it_within_a_second(newsroom, live_page):
    """Sign in, write, preview and publish with Tab, typing and Ctrl+Enter alone."""
    ada = newsroom.person("ada")
    ada.page.goto(newsroom.desk_url())
    ada.tab_to("headline")
    ada.page.keyboard.type("Riverside wards declare")
    ada.page.keyboard.press("Tab")
    assert ada.page.evaluate(FOCUSED) == "body"
    ada.page.keyboard.type("**Reyes holds the riverside.** Both wards went his way.")
    ada.tab_to("Preview")
    ada.page.keyboard.press("Enter")
    preview = ada.page.locator("[data-preview-output] article")
    expect(preview.locator("h2")).to_have_text("Riverside wards declare")
    expect(preview.locator("b")).to_have_text("Reyes holds the riverside.")
    expect(live_page.locator("#posts article")).to_have_count(0)

    ada.page.keyboard.press("Control+Enter")
    expect(live_page.locator("#posts article h2")).to_have_text("Riverside wards declare", timeout=1000)
    expect(ada.page.get_by_text("Published post 1.")).to_be_visible()
    assert newsroom.liveblog.posts.get().state == Post.State.PUBLISHED


def test_the_composer_keeps_a_draft_through_a_reload_until_it_is_sent(newsroom):
    ada = newsroom.person("ada")
    ada.page.goto(newsroom.desk_url())
    ada.page.get_by_label("Headline").fill("Count resumes")
    ada.page.get_by_label("Body", exact=True).fill("The count has resumed after a short break.")
    ada.page.get_by_label("Link 1 title").fill("Results")
    ada.page.reload()
    expect(ada.page.get_by_label("Headline")).to_have_value("Count resumes")
    expect(ada.page.get_by_label("Body", exact=True)).to_have_value("The count has resumed after a short break.")
    expect(ada.page.get_by_label("Link 1 title")).to_have_value("Results")
    expect(ada.page.get_by_role("status").filter(has_text="Restored what you were writing")).to_be_visible()

    ada.page.get_by_label("Link 1 title").fill("")
    ada.submit(lambda: ada.page.get_by_role("button", name="Publish").click())
    expect(ada.page.get_by_text("Published post 1.")).to_be_visible()
    expect(ada.page.get_by_label("Headline")).to_have_value("")
    assert ada.page.evaluate(f"localStorage.getItem('bulletin:desk:{newsroom.liveblog.slug}')") is None


def test_choosing_digest_writes_this_hours_headline(newsroom):
    ada = newsroom.person("ada")
    ada.page.goto(newsroom.desk_url())
    ada.page.get_by_label("Digest").check()
    expect(ada.page.get_by_label("Headline")).to_have_value(re.compile(r"^It’s .+ in Kyiv\. Here’s what you need to know\.$"))
    ada.page.get_by_label("Update").check()
    expect(ada.page.get_by_label("Headline")).to_have_value("")


def test_a_correction_shows_updated_to_the_reader(newsroom, live_page):
    post = publish(newsroom.liveblog, headline="Turnout", body="Turnout reached 58 per cent.")
    expect(live_page.locator(f"#post-{post.number}")).to_be_visible()
    ada = newsroom.person("ada")
    ada.page.goto(newsroom.desk_url(f"posts/{post.number}/edit/"))
    ada.page.get_by_label("Body", exact=True).fill("Turnout reached 61 per cent.")
    ada.page.get_by_label("Correction note").fill("Corrected the turnout figure.")
    ada.submit(lambda: ada.page.get_by_role("button", name="Save").click())
    expect(ada.page.get_by_text("Saved post 1 (revision 2).")).to_be_visible()

    reader_post = live_page.locator(f"#post-{post.number}")
    expect(reader_post.locator(".post__updated")).to_contain_text("Updated")
    expect(reader_post.locator(".post__body")).to_have_text("Turnout reached 61 per cent.")


def test_the_second_of_two_editors_gets_the_conflict_view(newsroom):
    post = publish(newsroom.liveblog, headline="Turnout", body="Turnout reached 58 per cent.")
    ada, ben = newsroom.person("ada"), newsroom.person("ben")
    for person in (ada, ben):
        person.page.goto(newsroom.desk_url(f"posts/{post.number}/edit/"))
    ada.page.get_by_label("Body", exact=True).fill("Turnout reached 61 per cent.")
    ada.submit(lambda: ada.page.get_by_role("button", name="Save").click())
    ben.page.get_by_label("Body", exact=True).fill("Turnout reached 60 per cent, say officials.")
    response = ben.submit(lambda: ben.page.get_by_role("button", name="Save").click())

    assert response.status == 409
    expect(ben.page.get_by_role("heading", name="Someone saved a newer version")).to_be_visible()
    theirs = ben.page.get_by_role("region", name="Saved meanwhile (revision 2)")
    expect(theirs).to_contain_text("Turnout reached 61 per cent.")
    expect(ben.page.get_by_role("region", name="Your text")).to_contain_text("Turnout reached 60 per cent")
    expect(ben.page.get_by_label("Body", exact=True)).to_have_value("Turnout reached 60 per cent, say officials.")
    post.refresh_from_db()
    assert (post.revision, post.body) == (2, "Turnout reached 61 per cent.")

    ben.submit(lambda: ben.page.get_by_role("button", name="Save").click())
    expect(ben.page.get_by_text("Saved post 1 (revision 3).")).to_be_visible()


def test_a_reporters_submission_reaches_readers_only_once_approved(newsroom, live_page):
    riz = newsroom.person("riz")
    riz.page.goto(newsroom.desk_url())
    riz.page.get_by_label("Headline").fill("Queues at ward 4")
    riz.page.get_by_label("Body", exact=True).fill("Voters are still queueing at ward 4.")
    riz.submit(lambda: riz.page.get_by_role("button", name="Submit for approval").click())
    expect(riz.page.get_by_text("Sent to the editors for approval.")).to_be_visible()
    sequence = newsroom.liveblog.sequence
    newsroom.liveblog.refresh_from_db()
    assert newsroom.liveblog.sequence == sequence  # nothing readers could see has happened

    ada = newsroom.person("ada")
    ada.page.goto(newsroom.desk_url())
    queue = ada.page.get_by_role("region", name="Awaiting approval")
    expect(queue).to_contain_text("Voters are still queueing at ward 4.")
    expect(live_page.locator("#posts article")).to_have_count(0)
    approved = time.monotonic()
    ada.submit(lambda: queue.get_by_role("button", name="Approve").click())
    left = 1000 - (time.monotonic() - approved) * 1000
    expect(live_page.locator("#posts article h2")).to_have_text("Queues at ward 4", timeout=max(left, 1))


# Every desk page ------------------------------------------------------------------------


def story_for_pages(liveblog) -> dict:
    """A post, a submission and a returned draft by Riz, and key points: every list on the desk has rows."""
    ada, riz = make_user("ada"), make_user("riz", Role.REPORTER)
    post = publish(liveblog, headline="Turnout", body="Turnout reached 58 per cent.",
                   links=[{"title": "Figures", "url": "https://example.org/turnout"}])
    submission = services.submit_post(services.save_draft(liveblog, author=riz, headline="Queues",
                                                          body="Queues at ward 4."), author=riz)
    returned = services.submit_post(services.save_draft(liveblog, author=riz, body="A rumour."), author=riz)
    services.return_post(returned, editor=ada, note="Needs a second source.")
    services.set_key_points(liveblog, editor=ada, revision=0, points=[{"text": "Turnout is high", "post": post.number}])
    return {"post": post, "submission": submission, "returned": returned}


def open_page(newsroom: Newsroom, name: str, rows: dict):
    """Bring a person's browser to the named desk page; return (person, the response the server sent)."""
    post, slug = rows["post"], newsroom.liveblog.slug
    if name == "sign-in":
        person = newsroom.person()
        return person, person.page.goto("/desk/sign-in/")
    person = newsroom.person("riz" if name.startswith("reporter") else "ada")
    page = person.page
    gets = {"liveblogs": "/desk/", "desk": f"/desk/{slug}/", "edit": f"/desk/{slug}/posts/{post.number}/edit/",
            "retract": f"/desk/{slug}/posts/{post.number}/retract/", "key-points": f"/desk/{slug}/key-points/",
            "return": f"/desk/{slug}/drafts/{rows['submission'].pk}/return/",
            "reporter-desk": f"/desk/{slug}/", "reporter-draft": f"/desk/{slug}/drafts/{rows['returned'].pk}/"}
    if name in gets:
        return person, page.goto(gets[name])
    return person, ACTIONS[name](newsroom, person, rows)


def _create_with_errors(newsroom, person, rows):
    person.page.get_by_label("Title").fill("Floods")
    person.page.get_by_label("Home time zone").fill("Europe/Atlantis")
    return person.submit(lambda: person.page.get_by_role("button", name="Open live blog").click())


def _end(newsroom, person, rows):
    return person.submit(lambda: person.page.get_by_role("button", name="End live blog").click())


def _composer_errors(newsroom, person, rows):
    person.page.goto(newsroom.desk_url())
    person.page.get_by_label("Headline").fill("No body yet")
    person.page.get_by_label("Link 1 address").fill("javascript:alert(1)")
    return person.submit(lambda: person.page.get_by_role("button", name="Publish").click())


def _preview_in_place(newsroom, person, rows):
    response = person.page.goto(newsroom.desk_url())
    person.page.get_by_label("Body", exact=True).fill("**Polls close.** Counting starts soon.")
    person.page.get_by_role("button", name="Preview").click()
    expect(person.page.locator("[data-preview-output] article b")).to_have_text("Polls close.")
    return response


def _conflict(newsroom, person, rows):
    post = rows["post"]
    person.page.goto(newsroom.desk_url(f"posts/{post.number}/edit/"))
    services.revise_post(post, editor=make_user("ben"), revision=1, body="Turnout reached 61 per cent.")
    return person.submit(lambda: person.page.get_by_role("button", name="Save").click())


def _key_points_conflict(newsroom, person, rows):
    person.page.goto(newsroom.desk_url("key-points/"))
    services.set_key_points(newsroom.liveblog, editor=make_user("ben"), revision=1, points=[{"text": "Theirs"}])
    return person.submit(lambda: person.page.get_by_role("button", name="Save").click())


def _denied(newsroom, person, rows):
    """A reporter forges a Publish button into the composer: the service refuses."""
    person.page.goto(newsroom.desk_url())
    person.page.get_by_label("Body", exact=True).fill("Forged.")
    return person.submit(lambda: person.page.evaluate("""() => {
        const form = document.getElementById("composer"), button = document.createElement("button");
        button.name = "action"; button.value = "publish"; form.append(button); form.requestSubmit(button);
    }"""))


ACTIONS = {
    "liveblogs-errors": _create_with_errors, "end": _end, "composer-errors": _composer_errors,
    "desk-preview": _preview_in_place, "conflict": _conflict, "key-points-conflict": _key_points_conflict,
    "reporter-denied": _denied,
}
PAGES = ["sign-in", "liveblogs", "liveblogs-errors", "end", "desk", "desk-preview", "composer-errors", "edit",
         "conflict", "retract", "return", "key-points", "key-points-conflict", "reporter-desk", "reporter-draft",
         "reporter-denied"]
STATUS = {"liveblogs-errors": 400, "composer-errors": 400, "conflict": 409, "key-points-conflict": 409,
          "reporter-denied": 403}


@pytest.mark.parametrize("name", PAGES)
def test_desk_page_is_valid_and_accessible(newsroom, vnu, name):
    """vnu finds no error in what the server sent; axe finds no violation in what the browser shows."""
    rows = story_for_pages(newsroom.liveblog)
    person, response = open_page(newsroom, name, rows)
    assert response.status == STATUS.get(name, 200), f"{name}: {response.status}"
    errors = vnu.errors(response.body())
    assert not errors, f"{name}:\n{validators.describe(errors)}"
    if name == "desk-preview":  # the preview was put in place by desk.js: check the page as it is now
        errors = vnu.errors(person.page.content())
        assert not errors, f"{name} after preview:\n{validators.describe(errors)}"
    results = Axe().run(person.page)
    assert results.violations_count == 0, f"{name}: {results.generate_report()}"
    assert re.search(r"Bulletin desk$", person.page.title())


def photo_with_gps() -> bytes:
    """A JPEG as a phone makes it: the place it was taken written into its EXIF."""
    image = Image.new("RGB", (1400, 900), (40, 90, 140))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    gps = {1: "N", 2: (51.0, 30.0, 12.0), 3: "W", 4: (0.0, 7.0, 40.0)}
    exif[0x8825] = gps  # GPSInfo
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    assert Image.open(io.BytesIO(out.getvalue())).getexif().get_ifd(0x8825), "the test photo must carry GPS"
    return out.getvalue()


def test_an_uploaded_photo_reaches_readers_with_caption_credit_and_no_location(newsroom, live_page):
    ada = newsroom.person("ada")
    ada.page.goto(newsroom.desk_url())
    ada.page.get_by_label("Headline").fill("Water over the quay")
    ada.page.get_by_label("Body", exact=True).fill("**Quay Street.** The river is over the wall.")
    ada.page.get_by_label("Image 1 file").set_input_files(
        files=[{"name": "IMG_0042.jpg", "mimeType": "image/jpeg", "buffer": photo_with_gps()}])
    ada.page.get_by_label("Image 1 alt text (required)").fill("Brown water covering a cobbled street")
    ada.page.get_by_label("Image 1 caption").fill("Quay Street at noon.")
    ada.page.get_by_label("Image 1 credit").fill("Photo: Ada Reyes")
    ada.submit(lambda: ada.page.get_by_role("button", name="Publish").click())

    figure = live_page.locator("#posts article figure")
    expect(figure.locator("figcaption")).to_contain_text("Quay Street at noon.", timeout=2000)
    expect(figure.locator("figcaption")).to_contain_text("Photo: Ada Reyes")
    image = figure.locator("img")
    expect(image).to_have_attribute("alt", "Brown water covering a cobbled street")
    live_page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
    shown = image.evaluate("img => img.currentSrc")
    served = httpx.get(shown)
    assert served.status_code == 200
    rendition = Image.open(io.BytesIO(served.content))
    assert not rendition.getexif() and "exif" not in rendition.info and "xmp" not in rendition.info
    assert "IMG_0042" not in shown  # the upload's own name can say who or where
