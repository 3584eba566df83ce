"""Fan-out of changes to the SSE streams of this process.

Each change is encoded once, as the SSE event ``id: N / event: kind / data: json``, and the
same bytes go to every subscriber of its blog. A channel delivers a blog's changes in
sequence order without gaps: a change heard early (another writer committed a later
change's announcement first) waits for the missing ones, which are read from the database
once per channel, not once per reader. Memory stays bounded: a subscriber whose queue is
full is dropped and resumes from its Last-Event-ID.
"""

import asyncio
import gc
import json
import logging
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager

logger = logging.getLogger(__name__)

# Deep enough for an edit storm seen by a reader on a slow phone; shallow enough that
# 10,000 readers cannot pin much memory. The event bytes themselves are shared.
QUEUE_SIZE = 64


def body_message(data: bytes) -> dict:
    """An ASGI body message of a stream that goes on. Built once, sent to every reader."""
    return {"type": "http.response.body", "body": data, "more_body": True}


HEARTBEAT = body_message(b": keep-alive\n\n")
CLOSE = None  # what a closed subscriber yields: the stream ends and the client reconnects
EMPTY = object()  # what a subscriber with nothing queued yields

Fetch = Callable[[int, int, int], Awaitable[list[dict]]]


def encode(payload: dict) -> bytes:
    """One change as an SSE event."""
    data = json.dumps(payload, separators=(",", ":"), ensure_ascii=False)
    return f"id: {payload['sequence']}\nevent: {payload['type']}\ndata: {data}\n\n".encode()


class CollectorPause:
    """Holds off garbage collection while the readers a fan-out woke take their turn.

    Waking 10,000 readers allocates a callback and a future for each, all alive until the
    loop has run them: with the collector on, young collections traversed them again and
    again mid-burst, a third of the event loop's time (docs/benchmarks-fanout.md). Paused,
    the collector stays off until the loop has run the woken readers once; then what is
    still alive is frozen (it is short-lived and dies by reference counting, unscanned)
    and the collector goes back on. ``freeze=False`` (freezing turned off) only pauses.
    """

    def __init__(self, *, freeze: bool) -> None:
        self.freeze = freeze
        self.paused = False

    @contextmanager
    def waking(self) -> Iterator[None]:
        """Wrap the loop that wakes readers: the collector stays off until they have run."""
        if self.paused or not gc.isenabled():  # already paused, or the operator turned it off
            yield
            return
        gc.disable()
        self.paused = True
        try:
            yield
        finally:
            try:
                # Callbacks run in the order they were scheduled, so this one runs after the
                # wake-up of every reader the block woke.
                asyncio.get_running_loop().call_soon(self._resume)
            except RuntimeError:  # no running loop to wait for: never leave the collector off
                self._resume()

    def _resume(self) -> None:
        self.paused = False
        if self.freeze:
            gc.freeze()
        gc.enable()


class Subscriber:
    """One open stream's mailbox: the events it has yet to send, and a way to wait for more.

    A list and one future, not an asyncio.Queue: a queue costs ~3 KB and four deques per
    reader, and its bookkeeping was a sixth of the event loop's time at 10,000 readers.
    """

    __slots__ = ("loop", "items", "waiter", "last", "dropped", "watcher")

    def __init__(self, last: int) -> None:
        # Looked up once: asyncio.get_running_loop() calls getpid(), a system call, each time,
        # which was the largest part of waking 10,000 readers.
        self.loop = asyncio.get_running_loop()
        self.items: list = []
        self.waiter: asyncio.Future | None = None
        self.last = last
        self.dropped = False
        self.watcher: asyncio.Future | None = None  # the stream's wait for its reader to leave

    def offer(self, item) -> None:
        """Queue an item, or drop this subscriber if it already has QUEUE_SIZE waiting."""
        if len(self.items) >= QUEUE_SIZE:
            self.dropped = True
        else:
            self.items.append(item)
        self._wake()

    def close(self) -> None:
        """End the stream, whatever is queued: the reader left, or the server is stopping."""
        self.dropped = True
        self._wake()

    def take(self):
        """The next item; CLOSE once dropped or closed; EMPTY when there is none yet."""
        if self.dropped:
            return CLOSE
        return self.items.pop(0) if self.items else EMPTY

    def wait(self) -> asyncio.Future:
        """A future that is done once there is something to take.

        A plain future, not a coroutine: awaiting it costs the woken stream no extra frame.
        """
        self.waiter = self.loop.create_future()
        return self.waiter

    def _wake(self) -> None:
        waiter, self.waiter = self.waiter, None
        if waiter is not None and not waiter.done():
            waiter.set_result(None)


class Channel:
    """One blog's subscribers and the highest sequence delivered to them in order."""

    def __init__(self, blog_id: int, delivered: int, fetch: Fetch, collector: CollectorPause) -> None:
        self.blog_id = blog_id
        self.delivered = delivered
        self.fetch = fetch
        self.collector = collector
        self.subscribers: set[Subscriber] = set()
        self.early: dict[int, dict] = {}
        self.filling: asyncio.Task | None = None

    def offer(self, sequence: int, payload: dict | None) -> None:
        if sequence <= self.delivered:
            return
        if payload is not None:
            self.early[sequence] = payload
        self._deliver_ready()
        if sequence > self.delivered and self.filling is None:
            self.filling = asyncio.create_task(self._fill(sequence))

    def _deliver_ready(self) -> None:
        while (payload := self.early.pop(self.delivered + 1, None)) is not None:
            self._fan_out(payload)

    def _fan_out(self, payload: dict) -> None:
        event = (payload["sequence"], body_message(encode(payload)))
        self.delivered = payload["sequence"]
        with self.collector.waking():
            for subscriber in self.subscribers:
                subscriber.offer(event)

    async def _fill(self, upto: int) -> None:
        """Read the changes this channel has not heard of yet, up to upto, from the database."""
        try:
            while self.delivered < upto:
                missing = await self.fetch(self.blog_id, self.delivered, upto)
                if not missing:
                    break
                for payload in missing:
                    self.early.setdefault(payload["sequence"], payload)
                self._deliver_ready()
        except Exception:
            logger.exception("Reading changes %s..%s of blog %s failed", self.delivered, upto, self.blog_id)
        finally:
            self.filling = None


class StreamHub:
    """The channels of this process, by blog id."""

    def __init__(self, fetch: Fetch) -> None:
        self.fetch = fetch
        self.channels: dict[int, Channel] = {}
        self.collector = CollectorPause(freeze=False)

    def join(self, blog_id: int, *, delivered: int, last: int) -> Subscriber:
        channel = self.channels.get(blog_id)
        if channel is None:
            channel = self.channels[blog_id] = Channel(blog_id, delivered, self.fetch, self.collector)
        subscriber = Subscriber(last)
        channel.subscribers.add(subscriber)
        return subscriber

    def leave(self, blog_id: int, subscriber: Subscriber) -> None:
        channel = self.channels.get(blog_id)
        if channel is None:
            return
        channel.subscribers.discard(subscriber)
        if not channel.subscribers and channel.filling is None:
            del self.channels[blog_id]

    def offer(self, blog_id: int, sequence: int, payload: dict | None) -> None:
        """A change was heard (with its payload from the broker, without from the tail)."""
        channel = self.channels.get(blog_id)
        if channel is not None:
            channel.offer(sequence, payload)

    def count(self, blog_id: int) -> int:
        channel = self.channels.get(blog_id)
        return len(channel.subscribers) if channel else 0

    def counts(self) -> dict[int, int]:
        """Open streams per blog id."""
        return {blog_id: len(channel.subscribers) for blog_id, channel in self.channels.items()}

    def broadcast(self, item) -> None:
        """Give every subscriber the same item: a heartbeat, or CLOSE at shutdown."""
        with self.collector.waking():
            for channel in self.channels.values():
                for subscriber in channel.subscribers:
                    if item is CLOSE:
                        subscriber.close()
                    else:
                        subscriber.offer(item)
