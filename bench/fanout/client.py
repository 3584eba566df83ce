"""The fan-out benchmark's load client: N SSE streams on non-blocking sockets, one epoll loop.

    client.py HOST PORT PATH N OUTDIR

Opens N streams (at most CONNECTING at a time), and once every one has sent its first
body bytes prints ``connected <ok> <failed> <seconds>``. It then reads on until it is told
``published`` on stdin and every stream has every change, or GRACE seconds pass.
Commands on stdin: ``go`` marks the start of the measured phase (CPU accounting),
``expect <count>`` how many changes each stream should get, ``published`` that the
publisher is done.

Each arrival is timestamped (``time.time()``) right after the ``recv`` that completed it,
and nothing else happens on that path: bytes are de-chunked, split into events and
searched for the ``k=<k> t=<publish time>`` marker later, when the loop has nothing to
read, so parsing cannot delay the next timestamp. At the end it writes, for every marked
event, the stream's index, k, the publish time and the arrival time as binary arrays in
OUTDIR, and prints a JSON summary (with its own CPU time) as its last line.
"""

import json
import os
import re
import resource
import select
import socket
import sys
import time
from array import array

CONNECTING = 256  # connects in flight: far below any listen backlog
READ = 65536
GRACE = 30.0  # after the last publish, how long stragglers may take (they end it sooner)
CONNECT_TIMEOUT = 180.0
RUN_TIMEOUT = 900.0
MARKER = re.compile(rb"k=(\d+) t=(\d+\.\d+)")
CONNECT, HEADERS, BODY, CLOSED = range(4)
IN, OUT = select.EPOLLIN, select.EPOLLOUT


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class Stream:
    __slots__ = ("index", "sock", "fd", "state", "raw", "chunked", "need", "sse", "events", "tries", "ready")

    def __init__(self, index: int) -> None:
        self.index, self.tries = index, 0
        self.reset()

    def reset(self) -> None:
        self.sock = self.fd = None
        self.state, self.raw, self.chunked, self.need, self.sse, self.events = CONNECT, b"", False, 0, b"", 0
        self.ready = False

    def dechunk(self, data: bytes) -> bytes:
        """Body bytes of a chunked response (Transfer-Encoding: chunked), as they come."""
        buf = self.raw + data if self.raw else data
        out, pos, end = [], 0, len(buf)
        while pos < end:
            if self.need > 0:  # inside a chunk
                take = min(self.need, end - pos)
                out.append(buf[pos:pos + take])
                pos += take
                self.need -= take
                if self.need == 0:
                    self.need = -1
            elif self.need == -1:  # the CRLF after a chunk
                if end - pos < 2:
                    break
                pos, self.need = pos + 2, 0
            else:  # a chunk-size line
                eol = buf.find(b"\r\n", pos)
                if eol < 0:
                    break
                size = int(buf[pos:eol].split(b";", 1)[0], 16)
                pos = eol + 2
                if size == 0:  # the server ended the stream
                    pos = end
                    break
                self.need = size
        self.raw = buf[pos:]
        return b"".join(out)


class Client:
    def __init__(self, host: str, port: int, path: str, n: int, outdir: str) -> None:
        self.address, self.n, self.outdir = (host, port), n, outdir
        self.request = (f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: text/event-stream\r\n"
                        "Cache-Control: no-cache\r\n\r\n").encode()
        self.epoll = select.epoll()
        self.streams = [Stream(i) for i in range(n)]
        self.by_fd: dict[int, Stream] = {}
        self.pending: list[tuple[int, float, bytes]] = []
        self.connected = self.failed = self.closed = self.other_events = self.comments = 0
        self.recvs = self.bytes = 0
        self.subs, self.ks, self.sizes = array("i"), array("i"), array("i")
        self.published_at, self.received_at = array("d"), array("d")
        self.expect = None
        self.published, self.published_wall = False, 0.0
        self.go_cpu = self.go_wall = None
        self.stdin_buffer = b""
        os.set_blocking(0, False)
        self.epoll.register(0, IN)

    # Connecting -----------------------------------------------------------------------------

    def open(self, stream: Stream) -> None:
        stream.tries += 1
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setblocking(False)
        sock.connect_ex(self.address)
        stream.sock, stream.fd, stream.state = sock, sock.fileno(), CONNECT
        self.by_fd[stream.fd] = stream
        self.epoll.register(stream.fd, OUT)

    def fail(self, stream: Stream) -> None:
        """A stream that did not get going; tried again twice, then counted as failed."""
        self.drop(stream)
        if stream.tries < 3:
            stream.reset()
            self.open(stream)
        else:
            self.failed += 1

    def drop(self, stream: Stream) -> None:
        if stream.fd is not None and self.by_fd.get(stream.fd) is stream:
            del self.by_fd[stream.fd]
            self.epoll.unregister(stream.fd)
            stream.sock.close()
        stream.fd, stream.state = None, CLOSED

    def connect_all(self) -> float:
        start, deadline, following = time.time(), time.time() + CONNECT_TIMEOUT, 0
        while self.connected + self.failed < self.n and time.time() < deadline:
            in_flight = following - self.connected - self.failed
            while in_flight < CONNECTING and following < self.n:
                self.open(self.streams[following])
                following += 1
                in_flight += 1
            for fd, mask in self.epoll.poll(0.05):
                if fd == 0:
                    self.command()
                    continue
                stream = self.by_fd.get(fd)
                if stream is None:
                    continue
                if stream.state == CONNECT:
                    if mask & (select.EPOLLERR | select.EPOLLHUP) or stream.sock.getsockopt(
                            socket.SOL_SOCKET, socket.SO_ERROR):
                        self.fail(stream)
                        continue
                    stream.sock.send(self.request)
                    stream.state = HEADERS
                    self.epoll.modify(fd, IN)
                else:
                    self.read(fd)
                    self.parse_pending(len(self.pending))
        return time.time() - start

    # Reading --------------------------------------------------------------------------------

    def read(self, fd: int) -> None:
        """The hot path: read, timestamp, keep for later."""
        try:
            data = os.read(fd, READ)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        now = time.time()
        if not data:
            self.epoll.unregister(fd)
        self.pending.append((fd, now, data))

    def parse_pending(self, count: int) -> None:
        batch, self.pending = self.pending[:count], self.pending[count:]
        for fd, now, data in batch:
            stream = self.by_fd.get(fd)
            if stream is not None:
                self.feed(stream, data, now)

    def feed(self, stream: Stream, data: bytes, now: float) -> None:
        self.recvs += 1
        self.bytes += len(data)
        if not data:  # the server closed the stream (read() has unregistered it)
            del self.by_fd[stream.fd]
            stream.sock.close()
            stream.fd = None
            if stream.ready:
                self.closed += 1
                stream.state = CLOSED
            else:
                self.fail(stream)
            return
        if stream.state == HEADERS:
            stream.raw += data
            end = stream.raw.find(b"\r\n\r\n")
            if end < 0:
                return
            head, data, stream.raw = stream.raw[:end], stream.raw[end + 4:], b""
            if head.split(b" ", 2)[1] != b"200":
                self.fail(stream)
                return
            stream.chunked = b"\r\ntransfer-encoding: chunked" in head.lower()
            stream.state = BODY
        body = stream.dechunk(data) if stream.chunked else data
        if not body:
            return
        if not stream.ready:  # its first body bytes: this stream is connected
            stream.ready = True
            self.connected += 1
        stream.sse += body
        self.split_events(stream, now)

    def split_events(self, stream: Stream, now: float) -> None:
        buf, start = stream.sse, 0
        while (end := buf.find(b"\n\n", start)) >= 0:
            event = buf[start:end]
            start = end + 2
            marker = MARKER.search(event)
            if marker is not None:
                stream.events += 1
                self.subs.append(stream.index)
                self.ks.append(int(marker[1]))
                self.published_at.append(float(marker[2]))
                self.received_at.append(now)
                self.sizes.append(len(event) + 2)
            elif event.startswith(b":"):
                self.comments += 1
            elif event.startswith((b"id:", b"event:", b"data:")):
                self.other_events += 1
        stream.sse = buf[start:]

    # Commands and the measured phase ---------------------------------------------------------

    def command(self) -> None:
        try:
            chunk = os.read(0, 4096)
        except BlockingIOError:
            return
        if not chunk:  # the caller went away
            self.epoll.unregister(0)
            self.published, self.published_wall = True, time.time()
            return
        self.stdin_buffer += chunk
        while b"\n" in self.stdin_buffer:
            line, self.stdin_buffer = self.stdin_buffer.split(b"\n", 1)
            word, *rest = line.decode().split()
            if word == "go":
                self.go_cpu, self.go_wall = cpu_seconds(), time.time()
            elif word == "expect":
                self.expect = int(rest[0])
            elif word == "published":
                self.published, self.published_wall = True, time.time()

    def receive(self) -> None:
        """Read until the publisher is done and every stream has every change, or time is up."""
        deadline = time.time() + RUN_TIMEOUT
        while time.time() < deadline:
            events = self.epoll.poll(0 if self.pending else 0.05)
            for fd, _mask in events:
                if fd == 0:
                    self.command()
                else:
                    self.read(fd)
            if events:
                continue
            if self.pending:  # idle: parse a little, then look for arrivals again
                self.parse_pending(256)
                continue
            if self.published:
                if self.expect is not None and len(self.ks) >= self.expect * self.connected:
                    return
                if time.time() > self.published_wall + GRACE:
                    return

    def report(self, connect_seconds: float) -> dict:
        self.parse_pending(len(self.pending))
        end_cpu, end_wall = cpu_seconds(), time.time()
        for name in ("subs", "ks", "published_at", "received_at", "sizes"):
            with open(os.path.join(self.outdir, f"{name}.bin"), "wb") as f:
                getattr(self, name).tofile(f)
        go_cpu = self.go_cpu if self.go_cpu is not None else end_cpu
        go_wall = self.go_wall if self.go_wall is not None else end_wall
        return {
            "connected": self.connected, "failed": self.failed, "closed": self.closed,
            "connect_seconds": round(connect_seconds, 3), "events": len(self.ks),
            "other_events": self.other_events, "comments": self.comments,
            "phase_cpu": round(end_cpu - go_cpu, 3), "phase_wall": round(end_wall - go_wall, 3),
            "recvs": self.recvs, "bytes": self.bytes,
        }


def main(argv: list[str]) -> None:
    host, port, path, n, outdir = argv
    client = Client(host, int(port), path, int(n), outdir)
    connect_seconds = client.connect_all()
    print("connected", client.connected, client.failed, round(connect_seconds, 3), flush=True)
    client.receive()
    print(json.dumps(client.report(connect_seconds)), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
