"""The SSE stream: replay what was missed, relay what happens, never a gap or a duplicate."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection, connections

from bulletin.liveblogs import services
from bulletin.reader import hub, stream
from tests.conftest import database_url
from tests.factories import ada, make_liveblog, publish


def test_stream_replays_after_the_cursor_then_relays_live_changes(edge):
    liveblog = make_liveblog()
    publish(liveblog, headline="First")  # sequence 2
    publish(liveblog, headline="Second")  # sequence 3
    reader = edge.stream("/live/election-night/stream?after=2")
    reader.wait_for(lambda r: r.sequences() == [3])
    assert reader.status == 200
    post = publish(liveblog, headline="Third")
    services.revise_post(post, editor=ada(), revision=1, body="Third, corrected.")
    reader.wait_for(lambda r: r.sequences() == [3, 4, 5])
    third, revised = reader.events[1:]
    assert third.type == "post.published" and "Third" in json.loads(third.data)["html"]
    assert revised.type == "post.revised" and "Third, corrected." in json.loads(revised.data)["html"]
    reader.close()


def test_headers_suit_proxies_and_the_browser_retries(edge):
    make_liveblog()
    reader = edge.stream("/live/election-night/stream")
    reader.wait_for(lambda r: r.sequences() == [1])
    assert reader.status == 200
    reader.close()
    start = edge.run(_first_message(edge, "/live/election-night/stream"))
    headers = dict(start["headers"])
    assert headers[b"content-type"] == b"text/event-stream; charset=utf-8"
    assert headers[b"x-accel-buffering"] == b"no"
    assert headers[b"cache-control"] == b"no-store"


async def _first_message(edge, path):
    import asyncio

    first = asyncio.get_running_loop().create_future()
    gone = asyncio.Event()

    async def receive():
        await gone.wait()
        return {"type": "http.disconnect"}

    async def send(message):
        if not first.done():
            first.set_result(message)

    scope = {"type": "http", "method": "GET", "path": path, "query_string": b"", "headers": []}
    task = asyncio.ensure_future(edge.app(scope, receive, send))
    message = await first
    gone.set()
    await task
    return message


def test_last_event_id_resumes_exactly_where_the_reader_left(edge):
    liveblog = make_liveblog()
    reader = edge.stream("/live/election-night/stream?after=0")
    publish(liveblog)
    reader.wait_for(lambda r: r.sequences() == [1, 2])
    reader.close()
    publish(liveblog)
    publish(liveblog)
    again = edge.stream("/live/election-night/stream?after=0", headers={"Last-Event-ID": "2"})
    again.wait_for(lambda r: r.sequences() == [3, 4])
    publish(liveblog)
    again.wait_for(lambda r: r.sequences() == [3, 4, 5])
    again.close()


def test_a_change_heard_only_from_the_database_reaches_the_stream(edge):
    """Another process publishes; this one hears it by reading the blog's sequence."""
    make_liveblog()
    reader = edge.stream("/live/election-night/stream?after=1")
    env = {**os.environ, "DATABASE_URL": database_url(connection.settings_dict)}
    bulletin = Path(sys.executable).with_name("bulletin")
    subprocess.run([str(bulletin), "publish", "election-night", "--body", "From a script."], check=True, env=env)
    reader.wait_for(lambda r: r.sequences() == [2])
    assert "From a script." in json.loads(reader.events[0].data)["html"]
    reader.close()


def test_a_reader_too_slow_is_dropped_and_resumes(edge, monkeypatch):
    monkeypatch.setattr(hub, "QUEUE_SIZE", 2)
    liveblog = make_liveblog()
    reader = edge.stream("/live/election-night/stream?after=1")
    reader.wait_for(lambda r: r.status == 200 and "retry" not in r.text)
    # Nobody reads this stream's queue while five changes are fanned out in one go.
    edge.run(_hold_loop_while(lambda: [publish(liveblog) for _ in range(5)]))
    reader.wait_for(lambda r: r.ended)
    assert len(reader.sequences()) < 5
    resumed = edge.stream("/live/election-night/stream", headers={"Last-Event-ID": str(max(reader.sequences(), default=1))})
    resumed.wait_for(lambda r: (reader.sequences() + r.sequences()) == [2, 3, 4, 5, 6])
    resumed.close()


async def _hold_loop_while(work):
    """Run work on the loop's own thread, so no stream can drain its queue meanwhile."""
    try:
        work()
    finally:
        connections.close_all()  # the loop thread's own connection, opened by work


def test_heartbeat_comments_and_shutdown_close_streams(edge):
    make_liveblog()
    reader = edge.stream("/live/election-night/stream")
    reader.wait_for(lambda r: r.sequences() == [1])
    edge.loop.call_soon_threadsafe(edge.app.hub.broadcast, hub.HEARTBEAT)
    reader.wait_for(lambda r: "keep-alive" in r.comments)
    edge.loop.call_soon_threadsafe(edge.app.hub.broadcast, hub.CLOSE)
    reader.wait_for(lambda r: r.ended)
    reader.close()


def test_too_much_missed_asks_the_reader_to_reload(edge, monkeypatch):
    monkeypatch.setattr(stream, "MAX_REPLAY", 2)
    liveblog = make_liveblog()
    for _ in range(3):
        publish(liveblog)
    reader = edge.stream("/live/election-night/stream?after=0")
    reader.wait_for(lambda r: r.ended)
    assert [e.type for e in reader.events] == ["reset"]
    reader.close()


@pytest.mark.parametrize("headers,query", [({"Last-Event-ID": "abc"}, ""), ({}, "?after=-4")])
def test_bad_cursor_is_refused_with_a_message(edge, headers, query):
    make_liveblog()
    reader = edge.stream(f"/live/election-night/stream{query}", headers=headers)
    reader.wait_for(lambda r: r.ended)
    assert reader.status == 400 and "sequence number" in reader.text
    reader.close()


def test_open_streams_are_counted_per_blog(edge):
    liveblog = make_liveblog()
    readers = [edge.stream("/live/election-night/stream") for _ in range(3)]
    for reader in readers:
        reader.wait_for(lambda r: r.sequences() == [1])
    assert edge.run(_counts(edge)) == {liveblog.pk: 3}
    readers[0].close()
    assert edge.run(_counts(edge)) == {liveblog.pk: 2}
    for reader in readers[1:]:
        reader.close()


async def _counts(edge):
    return edge.app.hub.counts()
