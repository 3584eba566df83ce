"""Fan-out of changes to the SSE streams of this process.

Each change is encoded once, as the SSE event ``id: N / event: kind / data: json``, and the
same bytes go to every subscriber of its blog. A channel delivers a blog's changes in
sequence order without gaps: a change heard early (another writer committed a later
change's announcement first) waits for the missing ones, which are read from the database
once per channel, not once per reader. Memory stays bounded: a subscriber whose queue is
full is dropped and resumes from its Last-Event-ID.
"""

import asyncio
import json
import logging
from collections.abc import Awaitable, Callable

logger = logging.getLogger(__name__)

# Deep enough for an edit storm seen by a reader on a slow phone; shallow enough that
# 10,000 readers cannot pin much memory. The event bytes themselves are shared.
QUEUE_SIZE = 64
HEARTBEAT = b": keep-alive\n\n"
CLOSE = None  # put on a queue: the stream ends and the client reconnects

Fetch = Callable[[int, int, int], Awaitable[list[dict]]]


def encode(payload: dict) -> bytes:
    """One change as an SSE event."""
    data = json.dumps(payload, separators=(",", ":"), ensure_ascii=False)
    return f"id: {payload['sequence']}\nevent: {payload['type']}\ndata: {data}\n\n".encode()


class Subscriber:
    __slots__ = ("queue", "last", "dropped")

    def __init__(self, last: int) -> None:
        self.queue: asyncio.Queue = asyncio.Queue(QUEUE_SIZE)
        self.last = last
        self.dropped = False

    def offer(self, item) -> None:
        try:
            self.queue.put_nowait(item)
        except asyncio.QueueFull:
            self.dropped = True


class Channel:
    """One blog's subscribers and the highest sequence delivered to them in order."""

    def __init__(self, blog_id: int, delivered: int, fetch: Fetch) -> None:
        self.blog_id = blog_id
        self.delivered = delivered
        self.fetch = fetch
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
        event = (payload["sequence"], encode(payload))
        self.delivered = payload["sequence"]
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

    def join(self, blog_id: int, *, delivered: int, last: int) -> Subscriber:
        channel = self.channels.get(blog_id)
        if channel is None:
            channel = self.channels[blog_id] = Channel(blog_id, delivered, self.fetch)
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
        for channel in self.channels.values():
            for subscriber in channel.subscribers:
                subscriber.offer(item)
