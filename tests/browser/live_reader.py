"""A reader's live page in Chromium: what it shows, and every script error or CSP violation on it."""

import os
import subprocess
import sys
from pathlib import Path

from django.db import connection
from playwright.sync_api import Locator, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.conftest import database_url

from .conftest import Reader

# Chromium fires securitypolicyviolation for each blocked load or script, beside its console message.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation",
  event => window.cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI}`));
"""

# What a reader sees of the first page, to compare a page kept live with a fresh one.
SNAPSHOT = """() => {
  const html = selector => [...document.querySelectorAll(selector)].map(element => element.outerHTML);
  return {
    status: html("#status"),
    count: document.getElementById("post-count").textContent,
    keyPoints: html("#key-points"),
    pinned: html("#pinned > article"),
    posts: html("#posts > article"),
    empty: html("#posts > .posts__empty"),
  };
}"""


NUMBERS_ARE = """expected => JSON.stringify(
  [...document.querySelectorAll("#posts > article")].map(a => +a.dataset.number)) === JSON.stringify(expected)"""


def is_stream(url: str) -> bool:
    return url.split("?")[0].endswith("/stream")


class LivePage:
    """One reader's tab on a live blog, recording what goes wrong on it from the start."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.errors: list[str] = []
        self.csp_messages: list[str] = []
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("console", self._console)
        page.add_init_script(RECORD_VIOLATIONS)

    def _console(self, message) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.csp_messages.append(message.text)

    def open(self, reader: Reader, *, streaming: bool = True) -> None:
        """Open the live page as of the latest change; with streaming, wait until the stream answers."""
        if not streaming:
            reader.open(self.page, "live")
            return
        with self.page.expect_response(lambda response: is_stream(response.url)) as stream:
            reader.open(self.page, "live")
        assert stream.value.status == 200, f"the stream answered {stream.value.status}"

    def post(self, number: int) -> Locator:
        return self.page.locator(f"#post-{number}")

    def numbers(self) -> list[int]:
        """The numbers of the posts in the list (the pinned one apart), in page order."""
        return self.page.locator("#posts > article").evaluate_all("as => as.map(a => +a.dataset.number)")

    def expect_numbers(self, expected: list[int], timeout: float = 5000) -> None:
        """Wait until the list shows exactly these posts, in this order."""
        try:
            self.page.wait_for_function(NUMBERS_ARE, arg=expected, timeout=timeout)
        except PlaywrightTimeoutError:
            pass
        assert self.numbers() == expected

    def sequence(self) -> int:
        """The last change the page has applied."""
        return int(self.page.locator("[data-live-stream]").get_attribute("data-sequence"))

    def snapshot(self) -> dict:
        return self.page.evaluate(SNAPSHOT)

    def problems(self) -> list[str]:
        """Script errors and CSP violations seen so far (the page may have navigated or closed)."""
        recorded = []
        if not self.page.is_closed():
            recorded = self.page.evaluate("window.cspViolations || []")
        return [*self.errors, *self.csp_messages, *recorded]


class PublishingProcess:
    """`bulletin publish` in a process of its own, as a script beside the server would run it.

    Used as a context: the post is published while the block runs, so the test can wait in
    Playwright meanwhile (the sync API answers the page's routed requests only while the test
    waits in it). On leaving, the process has finished and number is the post's number.
    """

    def __init__(self, slug: str, *, headline: str, body: str) -> None:
        self.command = [str(Path(sys.executable).with_name("bulletin")), "publish", slug,
                        "--headline", headline, "--body", body]
        self.number: int | None = None

    def __enter__(self) -> "PublishingProcess":
        env = {
            **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
            "DATABASE_URL": database_url(connection.settings_dict),
        }
        self.process = subprocess.Popen(self.command, env=env, text=True,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        return self

    def __exit__(self, *exc_info) -> None:
        out, err = self.process.communicate(timeout=60)
        assert self.process.returncode == 0, err
        # "Published post 12: /live/<slug>/posts/12/"
        self.number = int(out.split()[2].rstrip(":"))
