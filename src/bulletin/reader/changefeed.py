"""How a server process hears of changes: from the broker at once, and from the database.

The broker (in-process, or Redis across processes) tells this process of each change the
moment it commits. The change table is also read every CHANGE_POLL_SECONDS, so changes
made by another process on the same SQLite file, or announced while the broker was down,
reach this process anyway. Both paths call the same ``on_change``, which ignores what it
has already heard.
"""

import asyncio
import json
import logging
from collections.abc import Callable

from django.db import close_old_connections

from bulletin import conf
from bulletin.liveblogs.changes import CHANNEL
from bulletin.liveblogs.models import Change
from bulletin.push import get_broker

logger = logging.getLogger(__name__)

OnChange = Callable[[int, str, int], None]


def _newest_change_id() -> int:
    close_old_connections()
    return Change.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def _changes_after(change_id: int) -> list[tuple[int, int, str, int]]:
    close_old_connections()
    return list(
        Change.objects.filter(pk__gt=change_id)
        .order_by("pk")
        .values_list("pk", "liveblog_id", "liveblog__slug", "sequence")[:1000]
    )


class ChangeFeed:
    """Calls on_change(liveblog_id, slug, sequence) for every change, whichever process made it."""

    def __init__(self, on_change: OnChange, run_sync) -> None:
        self.on_change = on_change
        self.run_sync = run_sync
        self.broker = get_broker(conf.get("BROKER_URL"))
        self.subscription = None
        self.task: asyncio.Task | None = None

    async def start(self) -> None:
        await self.broker.connect()
        loop = asyncio.get_running_loop()
        self.subscription = self.broker.subscribe(CHANNEL, self._heard, loop=loop)
        last = await self.run_sync(_newest_change_id)
        self.task = asyncio.create_task(self._tail(last), name="bulletin-change-tail")

    async def stop(self) -> None:
        if self.task is not None:
            self.task.cancel()
            await asyncio.gather(self.task, return_exceptions=True)
        if self.subscription is not None:
            self.broker.unsubscribe(self.subscription)
        await self.broker.disconnect()

    def _heard(self, message: bytes) -> None:
        decoded = json.loads(message)
        self.on_change(decoded["liveblog"], decoded["slug"], decoded["change"]["sequence"])

    async def _tail(self, last: int) -> None:
        interval = conf.get("CHANGE_POLL_SECONDS")
        while True:
            await asyncio.sleep(interval)
            try:
                rows = await self.run_sync(_changes_after, last)
            except Exception:
                logger.exception("Reading new changes failed; trying again")
                continue
            for change_id, liveblog_id, slug, sequence in rows:
                self.on_change(liveblog_id, slug, sequence)
                last = change_id
