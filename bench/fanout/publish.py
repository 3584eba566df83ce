"""The fan-out benchmark's publisher: seeds a live blog, then publishes timed changes.

    publish.py seed SLUG EVENT_BYTES             create the blog; print the body length for ~EVENT_BYTES events
    publish.py bulletin SLUG BODY_CHARS COUNT INTERVAL
    publish.py nchan URL DATA_BYTES COUNT INTERVAL

Publishing runs in a process of its own, like an editor's, and talks to its caller on
stdin/stdout: it prints ``ready <sequence>`` once set up (Django loaded, the database
open), waits for ``go``, then publishes COUNT changes INTERVAL seconds apart, printing
``{"k": k, "t0": …, "t1": …}`` for each and ``done`` at the end.

Each change carries ``k=<k> t=<t0>`` in its text, t0 being ``time.time()`` taken right
before the change is handed over (``services.publish_post``, or the POST to nchan's
publisher); t1 is taken when that call has returned, the change committed and announced.
The client reads both k and t0 back out of every event, so the cost of starting a
publisher never counts and nothing has to be matched by guesswork.
"""

import http.client
import json
import os
import sys
import time
from urllib.parse import urlsplit

PAD = "Fan-out benchmark text, the same for every change, to make each event about one kilobyte. "


def text(k: int, t0: float, length: int) -> str:
    """The change's text: its number and publish time, padded to length characters."""
    head = f"k={k} t={t0:.6f} "
    return head + (PAD * (length // len(PAD) + 1))[: max(0, length - len(head))]


def django_setup() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bulletin.project.settings")
    import django

    django.setup()


def seed(slug: str, event_bytes: int) -> None:
    """Open the live blog and publish one post to learn how many bytes an event adds to its body."""
    django_setup()
    from bulletin.liveblogs import services
    from bulletin.liveblogs.models import Change, LiveBlog
    from bulletin.liveblogs.roles import SYSTEM
    from bulletin.reader.hub import encode

    liveblog = LiveBlog.objects.filter(slug=slug).first() or services.create_live_blog(
        title="Fan-out benchmark", slug=slug, editor=SYSTEM)
    probe = 600
    services.publish_post(liveblog, author=SYSTEM, body=text(0, time.time(), probe))
    change = Change.objects.filter(liveblog=liveblog).order_by("-sequence").first()
    event = encode(change.payload)
    data = len(event.split(b"\ndata: ", 1)[1]) - 2  # the JSON after "data: ", without "\n\n"
    body_chars = probe + event_bytes - len(event)
    # nchan's event is "id: <time>:<tag>\ndata: <message>\n\n": give it the same message size.
    print(json.dumps({"slug": slug, "body_chars": body_chars, "data_bytes": data + event_bytes - len(event)}))


class Bulletin:
    def __init__(self, slug: str, body_chars: int) -> None:
        django_setup()
        from bulletin.liveblogs import services
        from bulletin.liveblogs.models import LiveBlog
        from bulletin.liveblogs.roles import SYSTEM

        self.publish_post, self.author = services.publish_post, SYSTEM
        self.liveblog = LiveBlog.objects.get(slug=slug)
        self.body_chars = body_chars

    def ready(self) -> str:
        self.liveblog.refresh_from_db()
        return str(self.liveblog.sequence)

    def publish(self, k: int) -> float:
        t0 = time.time()
        self.publish_post(self.liveblog, author=self.author, body=text(k, t0, self.body_chars))
        return t0


class Nchan:
    def __init__(self, url: str, data_bytes: int) -> None:
        parts = urlsplit(url)
        self.path = parts.path
        self.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        # The same shape and size as Bulletin's JSON, around the same text.
        self.shape = '{"type":"post.published","sequence":%d,"html":"<p>%s</p>"}'
        self.text_chars = data_bytes - len(self.shape % (0, ""))

    def ready(self) -> str:
        self.connection.connect()
        return "0"

    def publish(self, k: int) -> float:
        t0 = time.time()
        body = (self.shape % (k, text(k, t0, self.text_chars - len(str(k)) + 1))).encode()
        self.connection.request("POST", self.path, body=body, headers={"Content-Type": "text/plain"})
        response = self.connection.getresponse()
        response.read()
        if response.status not in (201, 202):
            raise SystemExit(f"nchan's publisher answered {response.status}")
        return t0


def run(publisher, count: int, interval: float) -> None:
    print("ready", publisher.ready(), flush=True)
    if sys.stdin.readline().strip() != "go":
        return
    start = time.monotonic()
    for k in range(1, count + 1):
        # Fixed ticks, not sleeps after each publish: a slow publish does not stretch the run.
        time.sleep(max(0.0, start + (k - 1) * interval - time.monotonic()))
        t0 = publisher.publish(k)
        t1 = time.time()
        print(json.dumps({"k": k, "t0": t0, "t1": t1}), flush=True)
    print("done", flush=True)


def main(argv: list[str]) -> None:
    command, *args = argv
    if command == "seed":
        seed(args[0], int(args[1]))
    elif command == "bulletin":
        run(Bulletin(args[0], int(args[1])), int(args[2]), float(args[3]))
    elif command == "nchan":
        run(Nchan(args[0], int(args[1])), int(args[2]), float(args[3]))
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
