"""Prepared responses: headers and bodies built once, sent many times."""

import gzip
import hashlib
from base64 import b64encode
from dataclasses import dataclass, field
from functools import cached_property

# Browsers revalidate each time (a 304 costs a few bytes); a CDN may answer for a few
# seconds, keep serving while it refetches, and keep serving for a day if we are down.
PAGE_CACHE = "public, max-age=0, s-maxage=3, stale-while-revalidate=30, stale-if-error=86400"
WINDOW_CACHE = "public, max-age=86400, s-maxage=86400, immutable"
LATEST_CACHE = "public, max-age=1, s-maxage=1, stale-while-revalidate=5, stale-if-error=86400"
ERROR_CACHE = "public, max-age=10, s-maxage=10"
ASSET_CACHE = "public, max-age=31536000, immutable"


SECURITY_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
]

# Compressing below this size saves nothing a TCP packet would notice.
GZIP_MIN = 512


def style_hash_csp(css: str) -> str:
    """A CSP allowing exactly one inline stylesheet, by its hash, and nothing else."""
    digest = b64encode(hashlib.sha256(css.encode()).digest()).decode()
    return (
        f"default-src 'none'; style-src 'sha256-{digest}'; img-src 'self'; "
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )


@dataclass(frozen=True)
class Prepared:
    """A response ready to send, plain and gzipped, with its validator.

    Its ASGI messages are built on first use and kept: a page is prepared once per change
    and sent to every reader, so nothing per request should be rebuilt.
    """

    status: int
    content_type: str
    body: bytes
    cache_control: str
    etag: str | None = None
    csp: str | None = None
    extra_headers: tuple = ()
    gzipped: bytes | None = field(default=None)

    @classmethod
    def build(cls, status: int, content_type: str, body: bytes, cache_control: str, **kwargs) -> "Prepared":
        gzipped = gzip.compress(body, 6, mtime=0) if len(body) >= GZIP_MIN else None
        return cls(status, content_type, body, cache_control, gzipped=gzipped, **kwargs)

    def messages(self, *, gzipped: bool, answer: str = "full") -> tuple[dict, dict]:
        """The ASGI start and body messages of one answer, built on first use and kept.

        ``answer`` is "full", "head" (the headers without the body) or "not_modified"
        (a 304 for a client that holds this response). The same message objects go to
        every reader: ASGI servers read them and never change them.
        """
        key = (gzipped and self.gzipped is not None, answer)
        messages = self._messages.get(key)
        if messages is None:
            messages = self._messages[key] = self._build_messages(*key)
        return messages

    @cached_property
    def _messages(self) -> dict[tuple[bool, str], tuple[dict, dict]]:
        return {}

    def _build_messages(self, gzipped: bool, answer: str) -> tuple[dict, dict]:
        headers = self._build_headers(gzipped=gzipped)
        body = self.gzipped if gzipped else self.body
        status = self.status
        if answer == "not_modified":
            status, body = 304, b""
            headers = [header for header in headers if header[0] != b"content-length"]
        elif answer == "head":
            body = b""
        return ({"type": "http.response.start", "status": status, "headers": headers},
                {"type": "http.response.body", "body": body})

    def _build_headers(self, *, gzipped: bool) -> list[tuple[bytes, bytes]]:
        body = self.gzipped if gzipped else self.body
        headers = [
            (b"content-type", self.content_type.encode()),
            (b"content-length", str(len(body)).encode()),
            (b"cache-control", self.cache_control.encode()),
            *SECURITY_HEADERS,
            *self.extra_headers,
        ]
        if self.gzipped is not None:
            headers.append((b"vary", b"Accept-Encoding"))
        if gzipped:
            headers.append((b"content-encoding", b"gzip"))
        if self.etag:
            headers.append((b"etag", self._etag(gzipped).encode()))
        if self.csp:
            headers.append((b"content-security-policy", self.csp.encode()))
        return headers

    def _etag(self, gzipped: bool) -> str:
        # Each representation needs its own strong validator (RFC 9110 8.8.3).
        return f'"{self.etag}-gz"' if gzipped else f'"{self.etag}"'

    def matches(self, if_none_match: str) -> bool:
        """Whether the client already holds this response (either representation)."""
        if not self.etag or not if_none_match:
            return False
        if if_none_match.strip() == "*":
            return True
        tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return bool(tags & {self._etag(False), self._etag(True)})
