"""The desk shows how many readers have the live blog open, across server processes."""

from bulletin.liveblogs import audience


def test_desk_shows_readers_watching_now(desk, liveblog):
    assert "0 readers watching now" in desk.get(f"/desk/{liveblog.slug}/").content.decode()
    audience.report("web-1:100", {liveblog.pk: 1200})
    audience.report("web-2:200", {liveblog.pk: 34})
    assert "1234 readers watching now" in desk.get(f"/desk/{liveblog.slug}/").content.decode()
