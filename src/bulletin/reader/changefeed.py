"""How a server process hears of changes: from the broker at once, and from the database.

The broker (in-process, or Redis across processes) tells this process of each change the
moment it commits, with its payload. Every CHANGE_POLL_SECONDS the process also reads each
live blog's current sequence number: that catches changes made by another process on the
same SQLite file, and changes announced while the broker was down. A blog's sequence is
updated in the same transaction as its change rows, so seeing sequence N means changes
1..N are all committed and readable (unlike tailing row ids, which commit out of order).
Both paths call the same ``on_change``, which ignores what it has already heard.
"""

import asyncio
import json
import logging
from collections.abc import Callable

from django.db import close_old_connections

from bulletin import conf
from bulletin.liveblogs.changes import CHANNEL
from bulletin.liveblogs.models import LiveBlog
from bulletin.push import get_broker

logger = logging.getLogger(__name__)

# on_change(liveblog_id, slug, sequence, payload or None)
OnChange = Callable[[int, str, int, dict | None], None]


def _sequences() -> list[tuple[int, str, int]]:
    close_old_connections()
    return list(LiveBlog.objects.order_by().values_list("pk", "slug", "sequence"))


class ChangeFeed:
    """Calls on_change for every change, whichever process made it."""

    def __init__(self, on_change: OnChange, run_sync) -> None:
        self.on_change = on_change
        self.run_sync = run_sync
        self.broker = get_broker(conf.get("BROKER_URL"))
        self.subscription = None
        self.task: asyncio.Task | None = None

    async def start(self) -> None:
        """Learn every blog's sequence, then listen; returns once both are in place."""
        await self.broker.connect()
        loop = asyncio.get_running_loop()
        self.subscription = self.broker.subscribe(CHANNEL, self._heard, loop=loop)
        await self._poll()
        self.task = asyncio.create_task(self._tail(), name="bulletin-change-tail")

    async def stop(self) -> None:
        if self.task is not None:
            self.task.cancel()
            await asyncio.gather(self.task, return_exceptions=True)
        if self.subscription is not None:
            self.broker.unsubscribe(self.subscription)
        await self.broker.disconnect()

    @property
    def push_healthy(self) -> bool:
        return self.broker.healthy

    def _heard(self, message: bytes) -> None:
        decoded = json.loads(message)
        change = decoded["change"]
        self.on_change(decoded["liveblog"], decoded["slug"], change["sequence"], change)

    async def _poll(self) -> None:
        for liveblog_id, slug, sequence in await self.run_sync(_sequences):
            self.on_change(liveblog_id, slug, sequence, None)

    async def _tail(self) -> None:
        interval = conf.get("CHANGE_POLL_SECONDS")
        while True:
            await asyncio.sleep(interval)
            try:
                await self._poll()
            except Exception:
                logger.exception("Reading the live blogs' sequences failed; trying again")
