"""What-if switches for the fan-out benchmark: try a change to the reader edge without making it.

Not product code. Put this folder first on PYTHONPATH of the server (fanout.sh:
``BENCH_SERVER_ENV="PYTHONPATH=$PWD/bench/fanout/whatif WHATIF_MAILBOX=1 …"``) and Python
imports it at start-up; each switch replaces one piece of Bulletin or granian as the module
is imported. Every switch is off unless its variable is set.

    WHATIF_CONN_MAX_AGE=60     keep database connections (settings.py sets a top-level
                               CONN_MAX_AGE, which Django ignores: DATABASES wants it)
    WHATIF_SKIP_REPLAY=1       no replay query for a reader already at the newest change heard
    WHATIF_MAILBOX=1           each reader's asyncio.Queue replaced by a list and one future
    WHATIF_FREEZE_ONLY=1       after start-up, the periodic GC job only calls gc.freeze() (O(1))
                               instead of unfreeze + full collection + freeze
    WHATIF_GC_FREEZE_SECONDS=5 how often that job runs (BULLETIN GC_FREEZE_SECONDS)
    WHATIF_HTTP1_BUFFER=8192   granian's HTTP/1 max_buffer_size (default 417,792)
    WHATIF_GC_LOG=FILE         append every full collection, every collection over 10 ms,
                               and every run of the GC job, with wall-clock durations
"""

import importlib.abc
import importlib.util
import os
import sys

_patches: dict[str, list] = {}


def _after_import(name: str):
    """Register a function to call with module name right after it is first imported."""
    def register(patch):
        _patches.setdefault(name, []).append(patch)
        return patch
    return register


class _Finder(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name not in _patches:
            return None
        sys.meta_path.remove(self)
        try:
            spec = importlib.util.find_spec(name)
        finally:
            sys.meta_path.insert(0, self)
        exec_module = spec.loader.exec_module

        def exec_and_patch(module):
            exec_module(module)
            for patch in _patches[name]:
                patch(module)

        spec.loader.exec_module = exec_and_patch
        return spec


sys.meta_path.insert(0, _Finder())
env = os.environ.get

if env("WHATIF_CONN_MAX_AGE"):
    @_after_import("dj_database_url")
    def _conn_max_age(module):
        parse = module.parse

        def parse_keeping(*args, **kwargs):
            config = parse(*args, **kwargs)
            config["CONN_MAX_AGE"] = int(env("WHATIF_CONN_MAX_AGE"))
            return config

        module.parse = parse_keeping

if env("WHATIF_GC_FREEZE_SECONDS"):
    @_after_import("bulletin.conf")
    def _freeze_seconds(conf):
        conf.DEFAULTS["GC_FREEZE_SECONDS"] = float(env("WHATIF_GC_FREEZE_SECONDS"))

if env("WHATIF_FREEZE_ONLY"):
    import gc

    @_after_import("bulletin.reader.edge")
    def _freeze_only(edge):
        full, first = edge.freeze_garbage_collector, [True]

        def freeze_garbage_collector():
            if first[0]:
                first[0] = False
                return full()
            gc.freeze()

        edge.freeze_garbage_collector = freeze_garbage_collector

if env("WHATIF_SKIP_REPLAY"):
    @_after_import("bulletin.reader.stream")
    def _skip_replay(stream):
        serve = stream.serve

        async def nothing(*args):
            return []

        async def serve_skipping(send, receive, *, hub, blog_id, delivered, after, replay):
            # The reader joins the channel before any await; whatever comes after `delivered`
            # reaches it through the channel, as it does today.
            return await serve(send, receive, hub=hub, blog_id=blog_id, delivered=delivered, after=after,
                               replay=nothing if after >= delivered else replay)

        stream.serve = serve_skipping

if env("WHATIF_MAILBOX"):
    import asyncio

    class Mailbox:
        """What _relay and offer use of asyncio.Queue: put_nowait (QueueFull when full) and get."""

        __slots__ = ("items", "waiter", "size")

        def __init__(self, size: int) -> None:
            self.items, self.waiter, self.size = [], None, size

        def put_nowait(self, item) -> None:
            if len(self.items) >= self.size:
                raise asyncio.QueueFull
            self.items.append(item)
            waiter, self.waiter = self.waiter, None
            if waiter is not None and not waiter.done():
                waiter.set_result(None)

        async def get(self):
            while not self.items:
                self.waiter = asyncio.get_running_loop().create_future()
                await self.waiter
            return self.items.pop(0)

    @_after_import("bulletin.reader.hub")
    def _mailbox(hub):
        def __init__(self, last: int) -> None:
            self.queue, self.last, self.dropped = Mailbox(hub.QUEUE_SIZE), last, False

        hub.Subscriber.__init__ = __init__

if env("WHATIF_HTTP1_BUFFER"):
    @_after_import("granian.server.common")
    def _http1_buffer(common):
        from granian.http import HTTP1Settings

        init = common.AbstractServer.__init__

        def __init__(self, *args, **kwargs):
            kwargs.setdefault("http1_settings", HTTP1Settings(max_buffer_size=int(env("WHATIF_HTTP1_BUFFER"))))
            init(self, *args, **kwargs)

        common.AbstractServer.__init__ = __init__

if env("WHATIF_GC_LOG"):
    import gc
    import time

    def _log(line: str) -> None:
        with open(env("WHATIF_GC_LOG"), "a") as f:
            f.write(f"{time.time():.3f} {os.getpid()} {line}\n")

    _started = [0.0]

    def _collection(phase, info):
        if phase == "start":
            _started[0] = time.perf_counter()
            return
        ms = 1000 * (time.perf_counter() - _started[0])
        if info["generation"] == 2 or ms > 10:
            _log(f"gen{info['generation']} {ms:.1f} ms")

    gc.callbacks.append(_collection)

    @_after_import("bulletin.reader.edge")
    def _timed_freeze(edge):
        inner = edge.freeze_garbage_collector

        def freeze_garbage_collector():
            started = time.perf_counter()
            inner()
            _log(f"freeze_job {1000 * (time.perf_counter() - started):.1f} ms, {gc.get_freeze_count()} frozen")

        edge.freeze_garbage_collector = freeze_garbage_collector
