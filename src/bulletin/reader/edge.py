"""The reader edge's ASGI application: routes reader paths, passes the rest to Django."""

import asyncio
import gc
import logging
import os
import re
import signal
import socket
import threading
from collections.abc import Awaitable, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import parse_qs

from django.db import close_old_connections, connections

from bulletin import conf
from bulletin.liveblogs import audience

from . import files, pages, stream
from .cache import LRU, BlogState
from .changefeed import ChangeFeed
from .hub import CLOSE, HEARTBEAT, StreamHub
from .responses import Prepared

SLUG = r"(?P<slug>[-a-zA-Z0-9_]+)"
ROUTES = [
    (re.compile(r"/"), "home"),
    (re.compile(rf"/live/{SLUG}/"), "live"),
    (re.compile(rf"/live/{SLUG}/lite/"), "lite"),
    (re.compile(rf"/live/{SLUG}/posts/(?P<number>[0-9]{{1,9}})/"), "post"),
    (re.compile(rf"/live/{SLUG}/changes"), "changes"),
    (re.compile(rf"/live/{SLUG}/stream"), "stream"),
    (re.compile(rf"/live/{SLUG}"), "add_slash"),
    (re.compile(r"/(?P<kind>static|media)/(?P<path>.+)"), "file"),
]
READER_METHODS = ("GET", "HEAD")
# Render threads keep their database connection this long: opening one (PRAGMAs included)
# cost 2.9 ms against 0.8 ms for a replay query on a kept one (docs/benchmarks-fanout.md).
KEEP_CONNECTIONS_SECONDS = 60
# Paths answered straight from memory, without routing; far more than a live event's hot pages.
HOT_PATHS = 1_024
# The routes whose answers may go on the hot path: pages. Files keep to their own bounded cache.
HOT_ROUTES = frozenset({"home", "live", "lite", "post"})
RENDER_THREADS = 4
logger = logging.getLogger(__name__)
# Proxies commonly close a connection idle for 60 s (nginx proxy_read_timeout).
HEARTBEAT_SECONDS = 25


def _keep_connections() -> None:
    """Give a new render thread connections it keeps for KEEP_CONNECTIONS_SECONDS.

    The project's setting closes connections at the end of each Django request, as ASGI
    needs; a render thread is long-lived and runs one job after another, so its own copy
    of each database's settings keeps the connection (close_old_connections still drops
    it once too old or broken).
    """
    for alias in connections:
        wrapper = connections.create_connection(alias)
        wrapper.settings_dict = {**wrapper.settings_dict, "CONN_MAX_AGE": KEEP_CONNECTIONS_SECONDS}
        connections[alias] = wrapper


def _run_job(fn, *args):
    close_old_connections()
    return fn(*args)


def _close_connections(executor: ThreadPoolExecutor) -> None:
    """Close the database connection each render thread keeps, one job per thread."""
    # The barrier holds each job until all have started, so every thread gets one.
    barrier = threading.Barrier(RENDER_THREADS)

    def close() -> None:
        connections.close_all()
        barrier.wait(timeout=10)

    for future in [executor.submit(close) for _ in range(RENDER_THREADS)]:
        future.result()


def freeze_garbage_collector(*, collect: bool) -> None:
    """Keep collections from rescanning thousands of long-lived stream objects.

    Frozen objects are never scanned; freezing is cheap (it moves lists), but cycles among
    frozen objects are never freed, so now and then (``collect``) thaw, collect everything
    once and freeze what survives. That full pass is the expensive part: it held the event
    loop for two seconds with 10,000 streams open (docs/benchmarks-fanout.md).
    """
    if collect:
        gc.unfreeze()
        gc.collect()
    gc.freeze()


class Request:
    """The few things the edge reads from an ASGI scope."""

    __slots__ = ("method", "query", "gzip", "if_none_match", "last_event_id")

    def __init__(self, scope) -> None:
        self.method = scope["method"]
        self.query = scope["query_string"]
        accept, self.if_none_match, self.last_event_id = b"", "", None
        for name, value in scope["headers"]:
            if name == b"accept-encoding":
                accept = value
            elif name == b"if-none-match":
                self.if_none_match = value.decode("latin-1")
            elif name == b"last-event-id":
                self.last_event_id = value.decode("latin-1").strip()
        self.gzip = b"gzip" in accept

    def param(self, name: str) -> str | None:
        if not self.query:  # the common case: a hot page asked for without a query
            return None
        values = parse_qs(self.query.decode("latin-1")).get(name)
        return values[-1] if values else None


class ReaderEdge:
    """Serves reader pages from memory; renders a page only when a change made it stale.

    ``periodic`` lists (seconds, function) pairs: synchronous jobs this process runs in its
    render threads every so often while it serves, such as publishing scheduled posts.
    """

    def __init__(self, fallback, *, periodic: Sequence[tuple[float, Callable[[], object]]] = ()) -> None:
        self.fallback = fallback
        self.periodic = list(periodic)
        self.process = f"{socket.gethostname()}:{os.getpid()}"
        self.executor = ThreadPoolExecutor(RENDER_THREADS, thread_name_prefix="bulletin-render",
                                           initializer=_keep_connections)
        self.blogs: dict[str, BlogState] = {}
        self.heard: dict[int, int] = {}  # blog id -> newest sequence heard
        self.unknown = LRU(10_000)
        self.windows = LRU(4_096)
        self.files = files.FileCache()
        self.fixed: dict[str, Prepared] = {}
        # The fast path: path -> the 200 it answers without a query string. Every change
        # empties it (its entries come from the caches above, which a change makes stale);
        # `generation` counts the changes, so that a render which started before one
        # never stores its older answer here.
        self.hot: dict[str, Prepared] = {}
        self.generation = 0
        self.inflight: dict[tuple, asyncio.Future] = {}
        self.feed = ChangeFeed(self.on_change, self.run_sync)
        self.hub = StreamHub(self.fetch_changes)
        self.tasks: list[asyncio.Task] = []
        self.started = False
        self.closing = False

    def __call__(self, scope, receive, send) -> Awaitable[None]:
        """Answer one ASGI connection: returns the awaitable that does it, as granian's own wrapper does.

        A plain function, not a coroutine: its frame is gone once it has picked the answer,
        so an open stream's chain of awaits, resumed twice per reader for every change, is
        one frame shorter, and a stream keeps nothing of the request it came with.
        """
        if scope["type"] == "http":
            prepared = self.hot.get(scope["path"])
            if prepared is not None and not scope["query_string"] and scope["method"] in READER_METHODS:
                return send_prepared(send, Request(scope), prepared)
            for pattern, name in ROUTES:
                match = pattern.fullmatch(scope["path"])
                if match and name == "stream":
                    return self.serve_stream(match["slug"], Request(scope), receive, send)
                if match:
                    return self.dispatch(name, match, scope, send)
        elif scope["type"] == "lifespan":
            return self.lifespan(receive, send)
        return self.fallback(scope, receive, send)

    # Start-up and shut-down -------------------------------------------------------------

    async def lifespan(self, receive, send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                try:
                    await self.start()
                except Exception as error:
                    await send({"type": "lifespan.startup.failed", "message": str(error)})
                    return
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await self.stop()
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def start(self) -> None:
        if not self.started:
            self.started = True
            await self.feed.start()
            self.tasks.append(asyncio.create_task(self._heartbeat(), name="bulletin-heartbeat"))
            for seconds, job in self.periodic:
                self.tasks.append(asyncio.create_task(self._every(seconds, job), name=f"bulletin-{job.__name__}"))
            # Counted here on the loop, written to the database in a render thread.
            report = self._every(conf.get("READER_REPORT_SECONDS"), audience.report,
                                 lambda: (self.process, self.hub.counts()))
            self.tasks.append(asyncio.create_task(report, name="bulletin-report-readers"))
            self._close_streams_on_signal()
            if conf.get("GC_FREEZE_SECONDS"):
                freeze_garbage_collector(collect=True)
                self.hub.collector.freeze = True  # what a fan-out leaves alive, too
                self.tasks.append(asyncio.create_task(self._refreeze(), name="bulletin-gc-freeze"))

    def _close_streams_on_signal(self) -> None:
        """On SIGTERM or SIGINT, end every stream at once, before the server drains.

        The server waits for open responses to finish before it tells the application to
        shut down, and a stream never finishes by itself. The server's own handling of the
        signal goes on as before: the previous handler is called too.
        """
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            previous = signal.getsignal(signum)

            def close_streams(number, frame, previous=previous):
                loop.call_soon_threadsafe(self.close_streams)
                if callable(previous):
                    previous(number, frame)

            try:
                signal.signal(signum, close_streams)
            except ValueError:  # not the main thread (an embedding test): nothing to do
                return

    def close_streams(self) -> None:
        """End every stream and refuse new ones: readers reconnect, to another server if need be."""
        self.closing = True
        self.hub.broadcast(CLOSE)

    async def stop(self) -> None:
        """Close every stream and let go of the database."""
        self.close_streams()
        if self.started:
            self.started = False
            for task in self.tasks:
                task.cancel()
            await asyncio.gather(*self.tasks, return_exceptions=True)
            await self.feed.stop()
        await asyncio.get_running_loop().run_in_executor(None, _close_connections, self.executor)
        self.executor.shutdown(wait=True, cancel_futures=True)

    # Hearing of changes -------------------------------------------------------------------

    def on_change(self, liveblog_id: int, slug: str, sequence: int, payload: dict | None) -> None:
        """Pass a change to the blog's streams and forget what it made stale.

        Keyed by the blog's id, not its slug: a blog deleted and made again under the
        same slug starts its sequence anew and must not be mistaken for old news.
        """
        self.hub.offer(liveblog_id, sequence, payload)
        if sequence <= self.heard.get(liveblog_id, 0):
            return
        self.heard[liveblog_id] = sequence
        self.generation += 1
        self.hot.clear()
        self.unknown.pop(slug, None)
        self.fixed.pop("home", None)
        state = self.blogs.get(slug)
        if state is not None and (state.info.id != liveblog_id or sequence > state.info.sequence):
            del self.blogs[slug]

    async def _heartbeat(self) -> None:
        while True:
            await asyncio.sleep(HEARTBEAT_SECONDS)
            self.hub.broadcast(HEARTBEAT)

    async def _every(self, seconds: float, job, arguments=tuple) -> None:
        """Run job(*arguments()) in a render thread every so many seconds, whatever happens."""
        while True:
            await asyncio.sleep(seconds)
            try:
                await self.run_sync(job, *arguments())
            except Exception:
                logger.exception("Periodic job %s failed; it runs again in %s s", job.__name__, seconds)

    async def _refreeze(self) -> None:
        freeze_every, collect_every = conf.get("GC_FREEZE_SECONDS"), conf.get("GC_COLLECT_SECONDS")
        since_collection = 0.0
        while True:
            await asyncio.sleep(freeze_every)
            since_collection += freeze_every
            collect = since_collection >= collect_every
            if collect:
                since_collection = 0.0
            freeze_garbage_collector(collect=collect)

    async def fetch_changes(self, blog_id: int, after: int, upto: int | None, limit: int = 500) -> list[dict]:
        return await self.run_sync(pages.change_payloads, blog_id, after, upto, limit)

    # Rendering, once per key ----------------------------------------------------------------

    async def run_sync(self, fn, *args):
        return await asyncio.get_running_loop().run_in_executor(self.executor, _run_job, fn, *args)

    async def render(self, key: tuple, fn, *args):
        """Run fn in a render thread, sharing one run among concurrent requests for key."""
        future = self.inflight.get(key)
        if future is None:
            future = asyncio.ensure_future(self.run_sync(fn, *args))
            self.inflight[key] = future
            future.add_done_callback(lambda _: self.inflight.pop(key, None))
        return await asyncio.shield(future)

    async def blog(self, slug: str) -> BlogState | None:
        state = self.blogs.get(slug)
        if state is not None:
            return state
        if self.unknown.lookup(slug):
            return None
        for _attempt in range(3):
            info = await self.render(("blog", slug), pages.load_blog, slug)
            if info is None or not info.public:
                self.unknown.store(slug, True)
                return None
            # A change heard while loading means what we loaded may already be stale.
            if info.sequence >= self.heard.get(info.id, 0):
                break
        state = self.blogs.get(slug)
        if state is None or state.info.sequence < info.sequence:
            state = self.blogs[slug] = BlogState(info)
        return state

    async def page(self, state: BlogState, key: tuple, fn, *args) -> Prepared | None:
        prepared = state.get(key)
        if prepared is None:
            info = state.info
            prepared = await self.render((info.slug, info.sequence, *key), fn, *args)
            if prepared is not None:
                state.put(key, prepared)
        return prepared

    async def fixed_page(self, name: str, fn) -> Prepared:
        prepared = self.fixed.get(name)
        if prepared is None:
            # A render that began before a change may finish after it: share it only with
            # requests of the same generation, and keep it only if no change came meanwhile.
            generation = self.generation
            prepared = await self.render((name, generation), fn)
            if generation == self.generation:
                self.fixed[name] = prepared
        return prepared

    # The stream ----------------------------------------------------------------------------

    async def serve_stream(self, slug: str, request: Request, receive, send) -> None:
        if request.method != "GET":
            return await send_plain(send, 405, b"Method not allowed", [(b"allow", b"GET")])
        if self.closing:
            return await send_plain(send, 503, b"Shutting down", [(b"retry-after", b"2")])
        if not self.started:
            await self.start()
        after = stream.cursor(request.last_event_id, request.param("after"))
        if after is None:
            message = "“Last-Event-ID” and “after” must be the sequence number of the last change you have."
            return await send_prepared(send, request, pages.bad_request(message, json_body=True))
        state = await self.blog(slug)
        if state is None:
            return await send_prepared(send, request, await self.fixed_page("not_found", pages.not_found_page))
        blog_id = state.info.id
        delivered = max(self.heard.get(blog_id, 0), state.info.sequence)
        await stream.serve(send, receive, hub=self.hub, blog_id=blog_id, delivered=delivered,
                           after=after, replay=self.fetch_changes)

    # Routes --------------------------------------------------------------------------------

    async def dispatch(self, name: str, match: re.Match, scope, send) -> None:
        request = Request(scope)
        if request.method not in READER_METHODS:
            return await send_plain(send, 405, b"Method not allowed", [(b"allow", b"GET, HEAD")])
        if not self.started:
            await self.start()
        generation = self.generation
        prepared = await getattr(self, f"route_{name}")(request, **match.groupdict())
        if prepared is None:
            prepared = await self.fixed_page("not_found", pages.not_found_page)
        elif (name in HOT_ROUTES and prepared.status == 200 and not request.query
              and generation == self.generation and len(self.hot) < HOT_PATHS):
            self.hot[scope["path"]] = prepared
        await send_prepared(send, request, prepared)

    async def route_home(self, request: Request) -> Prepared:
        return await self.fixed_page("home", pages.home_page)

    async def _paged(self, request: Request, slug: str, kind: str, fn) -> Prepared | None:
        before = request.param("before")
        if before is not None and not (before.isdigit() and 0 < int(before) < 10**9):
            return pages.bad_request("“before” must be a post number, such as ?before=21.", json_body=False)
        state = await self.blog(slug)
        if state is None:
            return None
        before_number = int(before) if before else None
        return await self.page(state, (kind, before_number), fn, slug, before_number)

    async def route_live(self, request: Request, slug: str) -> Prepared | None:
        return await self._paged(request, slug, "live", pages.live_page)

    async def route_lite(self, request: Request, slug: str) -> Prepared | None:
        return await self._paged(request, slug, "lite", pages.lite_page)

    async def route_post(self, request: Request, slug: str, number: str) -> Prepared | None:
        state = await self.blog(slug)
        if state is None:
            return None
        return await self.page(state, ("post", int(number)), pages.post_page, slug, int(number))

    async def route_changes(self, request: Request, slug: str) -> Prepared | None:
        after = request.param("after")
        if after is None or not after.isdigit() or int(after) >= 10**9:
            return pages.bad_request(
                "“after” must be the sequence number of the last change you have, such as ?after=0.",
                json_body=True,
            )
        state = await self.blog(slug)
        if state is None:
            return None
        key = (state.info.id, int(after))
        prepared = self.windows.lookup(key)
        if prepared is None:
            prepared = await self.page(state, ("changes", int(after)), pages.changes_window, slug, int(after))
            if prepared is not None and prepared.cache_control.endswith("immutable"):
                self.windows.store(key, prepared)
        return prepared

    async def route_add_slash(self, request: Request, slug: str) -> Prepared:
        location = f"/live/{slug}/".encode()
        return Prepared(301, "text/plain; charset=utf-8", b"", "public, max-age=3600",
                        extra_headers=((b"location", location),))

    async def route_file(self, request: Request, kind: str, path: str) -> Prepared | None:
        key = (kind, path, request.param("v") is not None)
        prepared = self.files.lookup(key)
        if prepared is None:
            prepared = await self.render(("file", *key), files.load, *key)
            if prepared is not None:
                self.files.store(key, prepared)
        return prepared


async def send_prepared(send, request: Request, prepared: Prepared) -> None:
    if prepared.matches(request.if_none_match):
        answer = "not_modified"
    else:
        answer = "head" if request.method == "HEAD" else "full"
    start, body = prepared.messages(gzipped=request.gzip, answer=answer)
    await send(start)
    await send(body)


async def send_plain(send, status: int, body: bytes, extra: list) -> None:
    headers = [(b"content-type", b"text/plain; charset=utf-8"),
               (b"content-length", str(len(body)).encode()), *extra]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
