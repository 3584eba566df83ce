"""The fan-out's handling of the garbage collector: off while woken readers run, never left off."""

import asyncio
import gc

from bulletin.reader.hub import EMPTY, StreamHub
from tests.conftest import run_async


async def _nothing_missed(*args) -> list[dict]:
    return []


async def _fan_out_to(readers: int) -> tuple[list[bool], bool]:
    hub = StreamHub(_nothing_missed)
    collector_on_when_woken: list[bool] = []

    async def reader(subscriber) -> None:
        while subscriber.take() is EMPTY:
            await subscriber.wait()
        collector_on_when_woken.append(gc.isenabled())

    subscribers = [hub.join(7, delivered=0, last=0) for _ in range(readers)]
    tasks = [asyncio.create_task(reader(subscriber)) for subscriber in subscribers]
    await asyncio.sleep(0)  # every reader is now waiting
    hub.offer(7, 1, {"sequence": 1, "type": "post.published", "html": "<p>Polls close</p>"})
    await asyncio.gather(*tasks)
    return collector_on_when_woken, gc.isenabled()


def test_the_collector_is_off_while_woken_readers_run_and_on_again_after():
    assert gc.isenabled()
    woken, after = run_async(_fan_out_to(50))
    assert woken == [False] * 50 and after is True


def test_a_collector_the_operator_turned_off_stays_off():
    gc.disable()
    try:
        woken, after = run_async(_fan_out_to(3))
        assert woken == [False] * 3 and after is False
    finally:
        gc.enable()
