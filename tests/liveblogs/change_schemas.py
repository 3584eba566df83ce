"""The shape of every change kind's payload: the contract between services and readers."""

from bulletin.liveblogs.models import Change

COMMON = {"type": str, "sequence": int}
POST = {**COMMON, "post": int, "pinned": bool, "html": str}

SCHEMAS = {
    Change.Kind.LIVE_BLOG_CREATED: {**COMMON, "state": str, "html": str},
    Change.Kind.LIVE_BLOG_ENDED: {**COMMON, "state": str, "html": str},
    Change.Kind.POST_PUBLISHED: POST,
    Change.Kind.POST_REVISED: POST,
    Change.Kind.POST_PINNED: POST,
    Change.Kind.POST_UNPINNED: POST,
    Change.Kind.POST_RETRACTED: POST,
    Change.Kind.KEY_POINTS_REVISED: {**COMMON, "revision": int, "html": str},
}
OPTIONAL = {Change.Kind.POST_PINNED: {"unpinned": dict}}


def check(payload: dict) -> None:
    """Raise AssertionError unless payload has exactly its kind's fields, typed right."""
    kind = payload["type"]
    assert kind in SCHEMAS, f"unknown change kind {kind!r}"
    expected = SCHEMAS[kind]
    optional = OPTIONAL.get(kind, {})
    assert set(expected) <= set(payload) <= set(expected) | set(optional), (kind, sorted(payload))
    for field, kind_type in {**expected, **optional}.items():
        if field in payload:
            assert isinstance(payload[field], kind_type), (kind, field, payload[field])
