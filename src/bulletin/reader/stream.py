"""The SSE stream of one live blog: replay what the reader missed, then relay live changes.

A reader sends the last sequence it has (``Last-Event-ID`` on reconnect, ``?after=N`` on
first connect). The stream joins the blog's channel first and reads the missed changes
from the database after, so a change committed in between is in one or the other, never
lost; whatever arrives twice is skipped by sequence number.
"""

import asyncio

from .hub import CLOSE, EMPTY, HEARTBEAT, StreamHub, body_message, encode

# The browser waits this long before reconnecting after the stream ends.
RETRY = b"retry: 2000\n\n"
# More missed changes than this and the reader is better off reloading the page.
MAX_REPLAY = 500
RESET = b"event: reset\ndata: {}\n\n"

HEADERS = [
    (b"content-type", b"text/event-stream; charset=utf-8"),
    (b"cache-control", b"no-store"),
    # nginx would otherwise buffer the stream and deliver events in bursts.
    (b"x-accel-buffering", b"no"),
    (b"x-content-type-options", b"nosniff"),
]


def cursor(last_event_id: str | None, after: str | None) -> int | None:
    """The sequence a reader has: Last-Event-ID wins over ?after=; None when malformed."""
    raw = last_event_id if last_event_id is not None else after
    if raw is None or raw == "":
        return 0
    return int(raw) if raw.isdigit() and int(raw) < 10**9 else None


async def serve(send, receive, *, hub: StreamHub, blog_id: int, delivered: int, after: int, replay) -> None:
    """Run one reader's stream until the reader leaves, falls behind, or the server stops."""
    subscriber = hub.join(blog_id, delivered=delivered, last=after)
    try:
        _close_on_disconnect(receive, subscriber)
        await send({"type": "http.response.start", "status": 200, "headers": HEADERS})
        # A reader already at the newest change this process has heard of has missed
        # nothing it could replay: anything newer reaches it through the channel.
        missed = await replay(blog_id, after, MAX_REPLAY + 1) if after < delivered else []
        if len(missed) > MAX_REPLAY:
            await send(body_message(RESET))
            return
        await send(body_message(RETRY + b"".join(encode(payload) for payload in missed)))
        if missed:
            subscriber.last = max(subscriber.last, missed[-1]["sequence"])
        # Relay, here rather than in a function of its own: every change resumes this
        # chain of awaits twice per reader, and each frame in it costs each time.
        while (item := subscriber.take()) is not CLOSE:
            if item is EMPTY:
                await subscriber.wait()
            elif item is HEARTBEAT:
                await send(HEARTBEAT)
            else:
                sequence, message = item
                if sequence > subscriber.last:
                    subscriber.last = sequence
                    await send(message)
    except OSError:  # the client went away mid-write
        pass
    finally:
        subscriber.close()  # a callback already on its way must not listen again
        if subscriber.watcher is not None:
            subscriber.watcher.cancel()
        hub.leave(blog_id, subscriber)
        await _end(send)


async def _end(send) -> None:
    try:
        await send({"type": "http.response.body", "body": b"", "more_body": False})
    except Exception:  # noqa: BLE001 - the client is gone; there is nobody to tell
        pass


def _close_on_disconnect(receive, subscriber) -> None:
    """Close the subscriber once its reader leaves.

    Only receive() tells: granian's send() to a reader who left returns silently. No task
    of its own for the wait: granian's receive() returns a future, which takes a callback
    (ensure_future wraps the coroutine of a server whose receive is one in a task). That
    saved 0.9 KB of the ~3 KB of Python objects an open stream holds.
    """
    def heard(received) -> None:
        if received.cancelled():
            return
        if received.exception() is not None or received.result()["type"] == "http.disconnect":
            subscriber.close()
        elif not subscriber.dropped:  # the (empty) request body: what comes next is the disconnect
            _close_on_disconnect(receive, subscriber)

    subscriber.watcher = asyncio.ensure_future(receive())
    subscriber.watcher.add_done_callback(heard)
