"""Static and media files for the edge: read once, then served from memory."""

import hashlib
import mimetypes
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.utils._os import safe_join

from .cache import LRU
from .responses import ASSET_CACHE, Prepared

MAX_FILE = 8 * 1024 * 1024


def _locate(kind: str, path: str) -> Path | None:
    if kind == "static":
        found = finders.find(path)
        return Path(found) if found else None
    try:
        return Path(safe_join(settings.MEDIA_ROOT, path))
    except ValueError:  # the path climbs out of MEDIA_ROOT
        return None


def load(kind: str, path: str, versioned: bool) -> Prepared | None:
    """Read a static or media file into a prepared response; None when there is none."""
    located = _locate(kind, path)
    if located is None or not located.is_file() or located.stat().st_size > MAX_FILE:
        return None
    body = located.read_bytes()
    content_type = mimetypes.guess_type(located.name)[0] or "application/octet-stream"
    if content_type.startswith("text/") or content_type.endswith("javascript"):
        content_type += "; charset=utf-8"
    # Media names never change content; static names do unless the URL carries ?v=hash.
    cache = ASSET_CACHE if versioned or kind == "media" else "public, max-age=300"
    etag = hashlib.sha256(body).hexdigest()[:16]
    compressible = content_type.startswith(("text/", "application/javascript", "image/svg"))
    if compressible:
        return Prepared.build(200, content_type, body, cache, etag=etag)
    return Prepared(200, content_type, body, cache, etag=etag)


class FileCache(LRU):
    """Prepared files by (kind, path, versioned)."""

    def __init__(self) -> None:
        super().__init__(512)
