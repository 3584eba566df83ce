"""The shapes of the demo's script: posts, their pictures, and the edits made to them."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Picture:
    """An illustration drawn at seed time by the painter named ``scene``."""

    scene: str
    alt: str
    caption: str
    credit: str = "Illustration: Bulletin demo"


@dataclass(frozen=True)
class ScriptedPost:
    """One post of the story, published ``minutes`` before the top of the current hour.

    Bodies and headlines may hold ``{clock}`` (the post's time, "9:40 a.m.") and, in the
    wire's updates, ``{level}`` (the river gauge reading), filled in when published. A
    digest with no headline gets "It’s 3 p.m. in London. Here’s what you need to know."
    """

    minutes: int
    body: str
    headline: str = ""
    credit: str = ""
    kind: str = "update"
    links: tuple[dict, ...] = ()
    pictures: tuple[Picture, ...] = ()
    # A name other parts of the script use to point at this post (key points, the pin).
    key: str = ""


@dataclass(frozen=True)
class Correction:
    """Replace ``wrong`` with ``right`` in the post named ``key``, saying why."""

    key: str
    wrong: str
    right: str
    note: str


@dataclass(frozen=True)
class Retraction:
    key: str
    reason: str


@dataclass(frozen=True)
class KeyPoint:
    text: str
    key: str


@dataclass(frozen=True)
class Amendment:
    """A paragraph the demo wire adds to a recent post, with the note readers see."""

    paragraph: str
    note: str


@dataclass(frozen=True)
class Story:
    slug: str
    title: str
    description: str
    time_zone: str
    extra_clocks: tuple[str, ...]
    posts: tuple[ScriptedPost, ...]
    pinned: str
    key_points: tuple[KeyPoint, ...]
    corrections: tuple[Correction, ...] = ()
    retractions: tuple[Retraction, ...] = ()
