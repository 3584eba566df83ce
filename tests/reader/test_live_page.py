"""The live page, the lite page and post pages as the reader edge serves them."""

import hashlib
import re
from base64 import b64encode

import pytest

from bulletin.liveblogs import services
from tests.factories import ada, make_liveblog, publish


def article_ids(html: str) -> list[str]:
    return re.findall(r'<article id="(post-\d+)"', html)


def test_live_page_shows_posts_newest_first_with_pinned_and_key_points(edge):
    liveblog = make_liveblog()
    first, second, third = (publish(liveblog, headline=f"Result {n}") for n in (1, 2, 3))
    services.pin_post(first, editor=ada())
    services.set_key_points(liveblog, editor=ada(), revision=0,
                            points=[{"text": "Turnout is high", "post": second.number}])
    response = edge.get("/live/election-night/")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    html = response.text
    assert article_ids(html) == ["post-1", "post-3", "post-2"]  # pinned on top, then newest first
    assert 'href="/live/election-night/posts/2/">Turnout is high</a>' in html
    assert "3 updates" in html and "Kyiv (UTC+2)" in html and "New York (UTC−5)" in html
    assert 'datetime="' in html and "<h1>Election night in Riverton</h1>" in html


def test_reader_responses_are_cacheable_and_cookieless(edge):
    liveblog = make_liveblog()
    publish(liveblog)
    for path in ("/", "/live/election-night/", "/live/election-night/lite/",
                 "/live/election-night/posts/1/", "/live/election-night/changes?after=0"):
        response = edge.get(path)
        assert response.status_code == 200, path
        assert "set-cookie" not in response.headers, path
        cache = response.headers["cache-control"]
        assert "public" in cache and "s-maxage=" in cache, path
        assert response.headers["x-content-type-options"] == "nosniff"


def test_etag_follows_the_sequence_and_answers_304(edge):
    liveblog = make_liveblog()
    publish(liveblog)
    first = edge.get("/live/election-night/")
    assert first.headers["etag"] == f'"{liveblog.pk}-2"'
    assert "stale-while-revalidate" in first.headers["cache-control"]
    assert "stale-if-error" in first.headers["cache-control"]
    again = edge.get("/live/election-night/", headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.content == b""
    publish(liveblog, headline="Recount ordered")
    fresh = edge.get("/live/election-night/", headers={"If-None-Match": first.headers["etag"]})
    assert fresh.status_code == 200 and fresh.headers["etag"] == f'"{liveblog.pk}-3"'
    assert "Recount ordered" in fresh.text


def test_gzip_for_clients_that_ask(edge):
    liveblog = make_liveblog()
    publish(liveblog)
    plain = edge.get("/live/election-night/")
    zipped = edge.get("/live/election-night/", headers={"Accept-Encoding": "gzip"})
    assert zipped.headers["content-encoding"] == "gzip"
    assert zipped.headers["vary"] == "Accept-Encoding"
    assert zipped.headers["etag"] != plain.headers["etag"]
    assert zipped.content == plain.content  # httpx decodes it
    assert int(zipped.headers["content-length"]) < len(plain.content)


def test_older_posts_pagination_is_stable_while_new_posts_arrive(edge, settings):
    settings.BULLETIN = {**settings.BULLETIN, "PAGE_SIZE": 3}
    liveblog = make_liveblog()
    for _ in range(7):
        publish(liveblog)
    first_page = edge.get("/live/election-night/").text
    assert article_ids(first_page) == ["post-7", "post-6", "post-5"]
    older = re.search(r'href="(/live/election-night/\?before=\d+)" rel="next"', first_page).group(1)
    publish(liveblog)
    publish(liveblog)
    second_page = edge.get(older).text
    assert article_ids(second_page) == ["post-4", "post-3", "post-2"]
    assert "Back to the latest updates" in second_page
    last_page = edge.get(re.search(r'href="([^"]+)" rel="next"', second_page).group(1)).text
    assert article_ids(last_page) == ["post-1"] and 'rel="next"' not in last_page


@pytest.mark.parametrize("before", ["abc", "0", "-3", "1e9"])
def test_bad_pagination_cursor_is_a_clear_400(edge, before):
    make_liveblog()
    response = edge.get(f"/live/election-night/?before={before}")
    assert response.status_code == 400
    assert "“before” must be a post number" in response.text


def test_lite_page_has_no_script_no_images_and_a_hashed_inline_style(edge):
    liveblog = make_liveblog()
    post = publish(liveblog, headline="Flooded road")
    services.revise_post(post, editor=ada(), revision=1, body="**Update.** The road is closed.")
    response = edge.get("/live/election-night/lite/")
    html = response.text
    assert "<script" not in html and "<img" not in html
    style = re.search(r"<style>(.*?)</style>", html, re.S).group(1)
    assert len(style.encode()) < 1024
    digest = b64encode(hashlib.sha256(style.encode()).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in response.headers["content-security-policy"]
    assert "default-src 'none'" in response.headers["content-security-policy"]
    assert "Flooded road" in html and "The road is closed." in html and "Updated" in html


def test_post_page_has_open_graph_and_404s_for_unknown_posts(edge):
    liveblog = make_liveblog()
    publish(liveblog, headline="Polls close", body="**8 p.m.** Polls are closed across the city.")
    html = edge.get("/live/election-night/posts/1/").text
    assert '<meta property="og:title" content="Polls close">' in html
    assert '<meta property="og:url" content="http://127.0.0.1:8000/live/election-night/posts/1/">' in html
    assert '<meta property="og:description" content="8 p.m. Polls are closed across the city.">' in html
    for path in ("/live/election-night/posts/2/", "/live/no-such-blog/", "/live/no-such-blog/lite/",
                 "/live/no-such-blog/posts/1/", "/live/no-such-blog/changes?after=0"):
        response = edge.get(path)
        assert response.status_code == 404, path
        assert "Page not found" in response.text


def test_draft_blogs_are_not_public(edge):
    make_liveblog(slug="embargoed", live=False)
    assert edge.get("/live/embargoed/").status_code == 404


def test_home_lists_live_and_recently_ended_blogs(edge):
    make_liveblog()
    ended = make_liveblog(slug="storm-watch", title="Storm watch")
    services.end_live_blog(ended, editor=ada())
    html = edge.get("/").text
    live_now, recent = html.split('id="recent"')
    assert "Election night in Riverton" in live_now and "Storm watch" in recent


def test_methods_other_than_get_and_head_are_refused(edge):
    make_liveblog()
    assert edge.request("POST", "/live/election-night/").status_code == 405
    head = edge.request("HEAD", "/live/election-night/")
    assert head.status_code == 200 and head.content == b"" and int(head.headers["content-length"]) > 0


def test_a_page_answered_from_memory_keeps_every_http_rule(edge):
    """The second request for a path takes the edge's fast path; it must answer alike."""
    liveblog = make_liveblog()
    publish(liveblog, headline="Polls close")
    first = edge.get("/live/election-night/")
    again = edge.get("/live/election-night/")
    assert again.content == first.content and again.headers == first.headers
    assert edge.request("POST", "/live/election-night/").status_code == 405
    head = edge.request("HEAD", "/live/election-night/")
    assert head.content == b"" and head.headers["content-length"] == first.headers["content-length"]
    zipped = edge.get("/live/election-night/", headers={"Accept-Encoding": "gzip"})
    assert zipped.headers["content-encoding"] == "gzip" and zipped.content == first.content
    older = edge.get("/live/election-night/?before=2")
    assert older.status_code == 200 and older.content != first.content
    services.retract_post(liveblog.posts.get(number=1), editor=ada(), reason="Wrong district")
    after = edge.get("/live/election-night/")
    assert "Wrong district" in after.text and after.headers["etag"] != first.headers["etag"]


def test_missing_slash_redirects(edge):
    response = edge.get("/live/election-night")
    assert response.status_code == 301 and response.headers["location"] == "/live/election-night/"


def test_static_files_are_versioned_and_media_cannot_escape(edge):
    make_liveblog()
    html = edge.get("/live/election-night/").text
    css_url = re.search(r'href="(/static/bulletin/reader/reader\.css\?v=\w+)"', html).group(1)
    css = edge.get(css_url)
    assert css.status_code == 200 and css.headers["content-type"] == "text/css; charset=utf-8"
    assert "immutable" in css.headers["cache-control"]
    assert edge.get("/media/../secret_key").status_code == 404
    assert edge.get("/static/nothing-here.css").status_code == 404
