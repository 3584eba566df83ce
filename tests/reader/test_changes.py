"""Catch-up by sequence: /live/<slug>/changes?after=N, and the convergence it promises."""

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection

from bulletin.liveblogs import services
from tests.conftest import database_url
from tests.factories import ada, make_liveblog, publish
from tests.liveblogs import change_schemas

FRAGMENT = re.compile(r'<article id="post-(\d+)".*?</article>', re.S)


def fragments(html: str) -> dict[int, str]:
    """Every post fragment on a page, by post number, exactly as served."""
    return {int(match.group(1)): match.group(0) for match in FRAGMENT.finditer(html)}


def apply(page: dict[int, str], changes: list[dict]) -> dict[int, str]:
    """What a reader's page does with each change: add or replace the post it carries."""
    page = dict(page)
    for change in changes:
        if "post" in change:
            page[change["post"]] = change["html"]
        if "unpinned" in change:
            page[change["unpinned"]["post"]] = change["unpinned"]["html"]
    return page


def catch_up(edge, slug: str, after: int) -> list[dict]:
    collected = []
    while True:
        body = edge.get(f"/live/{slug}/changes?after={after}").json()
        collected += body["changes"]
        if body["next"] == after:
            return collected
        after = body["next"]


def test_page_at_n_plus_changes_after_n_equals_the_latest_page(edge, settings):
    settings.BULLETIN = {**settings.BULLETIN, "CHANGES_WINDOW": 4}
    liveblog = make_liveblog()
    early = [publish(liveblog) for _ in range(3)]
    services.pin_post(early[0], editor=ada())
    opened = edge.get("/live/election-night/").text
    at = int(re.search(r'data-sequence="(\d+)"', opened).group(1))

    late = [publish(liveblog) for _ in range(3)]
    services.revise_post(early[1], editor=ada(), revision=1, body="Corrected figures.", note="Ward 2 fixed.")
    services.pin_post(late[0], editor=ada())
    services.retract_post(early[2], editor=ada(), reason="Posted in error.")
    services.revise_post(late[2], editor=ada(), revision=1, body="Recount under way.")
    services.unpin_post(late[0], editor=ada())

    changes = catch_up(edge, "election-night", at)
    assert [c["sequence"] for c in changes] == list(range(at + 1, at + 9))
    for change in changes:
        change_schemas.check(change)
    latest = edge.get("/live/election-night/").text
    assert apply(fragments(opened), changes) == fragments(latest)


def test_full_windows_are_immutable_and_the_newest_is_brief(edge, settings):
    settings.BULLETIN = {**settings.BULLETIN, "CHANGES_WINDOW": 3}
    liveblog = make_liveblog()
    for _ in range(4):
        publish(liveblog)  # sequences 2..5
    full = edge.get("/live/election-night/changes?after=0")
    body = full.json()
    assert [c["sequence"] for c in body["changes"]] == [1, 2, 3]
    assert (body["after"], body["next"], body["latest"]) == (0, 3, 5)
    assert "immutable" in full.headers["cache-control"]
    newest = edge.get("/live/election-night/changes?after=3")
    assert [c["sequence"] for c in newest.json()["changes"]] == [4, 5]
    assert "immutable" not in newest.headers["cache-control"]
    assert "max-age=1" in newest.headers["cache-control"]
    publish(liveblog)
    assert [c["sequence"] for c in edge.get("/live/election-night/changes?after=3").json()["changes"]] == [4, 5, 6]
    caught_up = edge.get("/live/election-night/changes?after=6").json()
    assert (caught_up["changes"], caught_up["next"]) == ([], 6)


@pytest.mark.parametrize("query", ["", "?after=", "?after=abc", "?after=-1", "?after=1.5"])
def test_bad_cursor_is_a_400_with_a_json_message(edge, query):
    make_liveblog()
    response = edge.get(f"/live/election-night/changes{query}")
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/json"
    assert "“after” must be the sequence number" in response.json()["error"]


def test_a_change_made_by_another_process_reaches_the_edge(edge):
    """The publish command runs in its own process, as `bulletin publish` beside `demo` does."""
    make_liveblog()
    assert "Made elsewhere" not in edge.get("/live/election-night/").text
    bulletin = Path(sys.executable).with_name("bulletin")
    env = {**os.environ, "DATABASE_URL": database_url(connection.settings_dict)}
    subprocess.run([str(bulletin), "publish", "election-night", "--headline", "Made elsewhere",
                    "--body", "From a script."], check=True, env=env)
    deadline = time.monotonic() + 5
    while "Made elsewhere" not in edge.get("/live/election-night/").text:
        assert time.monotonic() < deadline, "the edge never heard of the other process's change"
        time.sleep(0.05)
