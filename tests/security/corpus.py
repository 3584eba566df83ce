"""The XSS vectors of xss_vectors.txt, and what every test puts them into.

Each vector goes into every field an editor controls; markers in the payloads (a dialog,
``window.__xss``, ``document.title = 'XSS'``) show whether any of them ever ran.
"""

import io
import json
import re
from pathlib import Path

from django.core.files.base import ContentFile
from PIL import Image

from bulletin.liveblogs import services, validation

VECTORS_FILE = Path(__file__).with_name("xss_vectors.txt")
# validation.MAX_HEADLINE, MAX_CREDIT and MAX_LINK_TITLE: the shortest fields a vector goes into.
SHORTEST_FIELD = 200
SAFE_URL = "https://example.com/results"


def load(path: Path = VECTORS_FILE) -> list[str]:
    """The vectors, in file order: a line each, or a JSON string after "json:"."""
    vectors = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line == "#" or line.startswith("# "):
            continue
        vector = json.loads(line.removeprefix("json:")) if line.startswith("json:") else line
        if not isinstance(vector, str) or not vector.strip() or len(vector) > SHORTEST_FIELD:
            raise ValueError(f"{path.name}:{number}: a vector is a non-blank string of at most "
                             f"{SHORTEST_FIELD} characters")
        vectors.append(vector)
    if len(set(vectors)) != len(vectors):
        raise ValueError(f"{path.name} repeats a vector")
    return vectors


VECTORS = load()


def label(index: int, vector: str) -> str:
    """A short, readable test id: the vector's number and its first characters."""
    return f"{index + 1:03d}-" + re.sub(r"[^A-Za-z0-9<>=:/()'\"._-]+", "_", vector)[:40]


IDS = [label(index, vector) for index, vector in enumerate(VECTORS)]


def jpeg() -> bytes:
    """A small valid JPEG, made in memory."""
    buffer = io.BytesIO()
    Image.new("RGB", (16, 12), (200, 60, 40)).save(buffer, "JPEG")
    return buffer.getvalue()


def image(vector: str) -> services.ImageUpload:
    """An image whose alt text, caption and credit are all the vector."""
    return services.ImageUpload(file=ContentFile(jpeg(), name="photo.jpg"), alt=vector, caption=vector,
                                credit=vector)


def taken_as_address(vector: str) -> bool:
    """Whether the services take the vector as a related link's address (an http(s) URL)."""
    errors: dict = {}
    validation.links([{"title": "Source", "url": vector}], errors)
    return not errors


def post_fields(vector: str) -> dict:
    """publish_post's keyword arguments with the vector in every field that takes it.

    The first related link has the vector as its title; a second has it as its address when
    the services take it as one.
    """
    links = [{"title": vector, "url": SAFE_URL}]
    if taken_as_address(vector):
        links.append({"title": "Source", "url": vector})
    return {"headline": vector, "body": vector, "credit": vector, "links": links, "images": [image(vector)]}


def link_refusal(url: str) -> str:
    """The message validation gives for a related link that is not an http(s) address."""
    return f"Link 1: {typed(url)!r} is not an http(s) address."


def typed(vector: str) -> str:
    """The text a reader is shown for a typed vector: Bulletin drops NUL characters on the way in."""
    return vector.replace("\0", "").strip()
