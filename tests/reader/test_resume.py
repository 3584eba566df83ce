"""Readers who keep losing their connection still get every change exactly once."""

import asyncio
import random
import threading

import pytest
from django.db import connection

from bulletin.liveblogs import services
from tests.conftest import run_async
from tests.factories import ada, make_liveblog
from tests.sse import parse

CLIENTS = 200
CHANGES = 100


async def read_stream(port: int, slug: str, last: int, rng: random.Random, done: asyncio.Event) -> list[int]:
    """Connect, read a few events, drop the connection at random, resume; until done."""
    received: list[int] = []
    while not (done.is_set() and received and received[-1] >= done.final):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        resume = f"Last-Event-ID: {last}\r\n" if last else ""
        writer.write(f"GET /live/{slug}/stream?after=1 HTTP/1.1\r\nHost: test\r\n{resume}\r\n".encode())
        budget = rng.randint(1, 15)  # events to read before this reader's connection drops
        text = ""
        try:
            while budget > 0:
                chunk = await asyncio.wait_for(reader.read(65536), timeout=10)
                if not chunk:
                    break
                events, _comments, text = parse(text + chunk.decode(errors="replace"))
                for event in events:
                    received.append(event.id)
                    last = event.id
                    budget -= 1
                if done.is_set() and last >= done.final:
                    break
        finally:
            writer.close()
    return received


@pytest.mark.django_db(transaction=True)
def test_two_hundred_readers_dropping_at_random_get_all_hundred_changes_once(server):
    liveblog = make_liveblog()

    def publish_all():
        try:
            for n in range(CHANGES):
                services.publish_post(liveblog, author=ada(), body=f"Count update {n}.")
        finally:
            connection.close()

    async def run() -> list[list[int]]:
        done = asyncio.Event()
        done.final = CHANGES + 1
        readers = [asyncio.create_task(read_stream(server.port, liveblog.slug, 0, random.Random(i), done))
                   for i in range(CLIENTS)]
        writer = threading.Thread(target=publish_all)
        writer.start()
        await asyncio.get_running_loop().run_in_executor(None, writer.join)
        done.set()
        return await asyncio.wait_for(asyncio.gather(*readers), timeout=120)

    results = run_async(run())
    expected = list(range(2, CHANGES + 2))
    for number, received in enumerate(results):
        first_wrong = next((got for got, wanted in zip(received, expected, strict=False) if got != wanted), None)
        assert received == expected, f"reader {number} got {len(received)} events, wrong from {first_wrong}"
