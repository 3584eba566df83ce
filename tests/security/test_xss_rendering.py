"""Every XSS vector in every field an editor controls, rendered without a browser.

Post markup must keep to markup.py's allow-list with http(s) links only; every plain-text
field (headline, credit, link title, image alt text, caption and credit, key point,
retraction reason, correction note, the blog's title and description) must reach readers
as exactly the text typed; a related link's address is refused with the clear message or
kept as an http(s) address; and the push payload carries the very fragment the pages show,
in one SSE event that no text can split.
"""

import pytest
from django.core.exceptions import ValidationError

from bulletin.liveblogs import markup, services
from bulletin.liveblogs.models import Change, LiveBlog
from bulletin.liveblogs.rendering import render_key_points, render_post
from bulletin.reader import pages
from bulletin.reader.hub import encode
from tests.factories import ada, make_liveblog

from .corpus import IDS, SAFE_URL, VECTORS, link_refusal, post_fields, taken_as_address, typed
from .dom import fragment_problems, http_url, markup_problems, page_problems, parse


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def liveblog(media_root) -> LiveBlog:
    return make_liveblog("xss")


def page_html(prepared) -> str:
    assert prepared is not None and prepared.status == 200
    return prepared.body.decode()


def expect_text(problems: list[str], where: str, found: str, expected: str) -> None:
    if found != expected:
        problems.append(f"{where}: shows {found!r}, not the text typed {expected!r}")


def sse_problems(change: Change) -> list[str]:
    """An SSE event is id, event and data lines then a blank line; text must not add lines."""
    lines = encode(change.payload).decode().split("\n")
    fields = [line.split(":")[0] for line in lines[:3]]
    if "\r" in "".join(lines) or len(lines) != 5 or fields != ["id", "event", "data"]:
        return [f"the SSE event of change {change.sequence} has lines {lines[:6]!r}"]
    return []


def latest_change(post) -> Change:
    return Change.objects.filter(post=post).latest("sequence")


@pytest.mark.parametrize("vector", VECTORS, ids=IDS)
def test_post_markup_keeps_only_its_allow_list(vector):
    for cards in (True, False):
        assert markup_problems(markup.render(vector, cards=cards)) == []


def published_problems(post, value: str) -> list[str]:
    """Each text field of a freshly published post, in the full and the lite fragment."""
    full, lite = render_post(post), render_post(post, lite=True)
    problems = markup_problems(post.body_html) + fragment_problems(full) + fragment_problems(lite)
    article = parse(full).find("article")
    expect_text(problems, "headline", article.find("h2", "post__headline").text(), value)
    expect_text(problems, "credit", article.find("p", "post__credit").text(), value)
    link, *source = article.find("aside", "post__related").find_all("a")
    expect_text(problems, "link title", link.text(), value)
    expect_text(problems, "link address", link.attrs["href"], SAFE_URL)
    if taken_as_address(value):  # the vector is also the second link's address
        expect_text(problems, "link address", source[0].attrs["href"] if source else "(no second link)", value)
    expect_text(problems, "image alt", article.find("img").attrs["alt"], value)
    expect_text(problems, "image caption and credit", article.find("figcaption").text(), f"{value} {value}")
    expect_text(problems, "image credit", article.find("span", "post__image-credit").text(), value)
    lite_texts = [element.text() for element in parse(lite).walk()]
    for field, expected in (("headline", value), ("credit", value), ("link title", value),
                            ("image alt, caption and credit", f"[Image: {value}] {value} ({value})")):
        if not any(text.strip() == expected for text in lite_texts):
            problems.append(f"lite {field}: {expected!r} is not shown as text")
    if latest_change(post).payload["html"] != full:
        problems.append("the push payload differs from the fragment the pages show")
    return problems + sse_problems(latest_change(post))


def key_point_problems(liveblog: LiveBlog, batch: list[tuple]) -> list[str]:
    """A box of key points, each (post, value) twice: once linked to its post, once not."""
    points = [{"text": value, "post": number} for post, value in batch for number in (post.number, None)]
    services.set_key_points(liveblog, editor=ada(), revision=liveblog.key_points_revision, points=points)
    liveblog.refresh_from_db()
    problems = sse_problems(Change.objects.filter(liveblog=liveblog).latest("sequence"))
    for lite in (False, True):
        html = render_key_points(liveblog, lite=lite)
        problems += fragment_problems(html)
        shown = [item.text().strip() for item in parse(html).find_all("li")]
        if shown != [point["text"] for point in points]:
            problems.append(f"key points{' (lite)' if lite else ''} show {shown!r}, not the text typed")
    return problems


def corrected_problems(post, value: str) -> list[str]:
    post = services.revise_post(post, editor=ada(), revision=post.revision, body=f"Corrected. {value}", note=value)
    page = page_html(pages.post_page(post.liveblog.slug, post.number))
    problems = page_problems(page) + fragment_problems(render_post(post)) + sse_problems(latest_change(post))
    when = parse(page).find("p", "history__when").text()
    if not when.endswith(f": {value}"):
        problems.append(f"correction note: shows {when!r}, not the note typed {value!r}")
    return problems


def retracted_problems(post, value: str) -> list[str]:
    post = services.retract_post(post, editor=ada(), reason=value)
    full, lite = render_post(post), render_post(post, lite=True)
    problems = fragment_problems(full) + fragment_problems(lite) + sse_problems(latest_change(post))
    problems += page_problems(page_html(pages.post_page(post.liveblog.slug, post.number)))
    tombstone = parse(full).find("p", "post__retracted").text()
    if not tombstone.endswith(f". {value}"):
        problems.append(f"retraction reason: shows {tombstone!r}, not the reason typed {value!r}")
    if not any(element.text().strip().endswith(f". {value}") for element in parse(lite).walk()):
        problems.append(f"lite retraction reason: {value!r} is not shown as text")
    return problems


def collect(problems: dict[str, list[str]], check, items=None) -> None:
    """Run check(item, vector, value) for every vector, adding what went wrong under the vector's label."""
    for label, vector, item in zip(IDS, VECTORS, items or VECTORS, strict=True):
        try:
            found = check(item, vector, typed(vector))
        except AssertionError as error:  # a fragment without the element a field belongs in
            found = [str(error)]
        problems.setdefault(label, []).extend(found)


def assert_none(problems: dict[str, list[str]]) -> None:
    failed = {label: found for label, found in problems.items() if found}
    report = "\n".join(f"vector {label}:\n  " + "\n  ".join(found) for label, found in failed.items())
    assert not failed, f"{len(failed)} of {len(VECTORS)} vectors:\n{report}"


def tour_problems(liveblog: LiveBlog) -> list[str]:
    """Every page of the live and lite pages."""
    problems = []
    for before in (None, *range(len(VECTORS) + 1, 0, -10)):
        for render in (pages.live_page, pages.lite_page):
            problems += page_problems(page_html(render(liveblog.slug, before)))
    return problems


@pytest.mark.django_db
def test_every_text_field_reaches_readers_as_the_text_typed(liveblog):
    """Each vector's post: published, listed as a key point, corrected with a note, retracted with a reason."""
    posts = [services.publish_post(liveblog, author=ada(), **post_fields(vector)) for vector in VECTORS]
    problems: dict[str, list[str]] = {}
    collect(problems, lambda post, vector, value: published_problems(post, value), posts)
    # The box takes 12 key points: six vectors at a time.
    for start in range(0, len(posts), 6):
        values = [typed(vector) for vector in VECTORS[start:start + 6]]
        batch = list(zip(posts[start:start + 6], values, strict=True))
        if found := key_point_problems(liveblog, batch):
            problems.setdefault(f"{IDS[start]} and the next five, as key points", []).extend(found)
    pages_published = tour_problems(liveblog)
    collect(problems, lambda post, vector, value: corrected_problems(post, value), posts)
    collect(problems, lambda post, vector, value: retracted_problems(post, value), posts)
    assert_none(problems)
    assert pages_published == []
    assert tour_problems(liveblog) == []


@pytest.mark.django_db
def test_a_related_link_address_is_refused_with_the_clear_message_or_kept_as_an_http_address(liveblog):
    def check(_item, vector: str, value: str) -> list[str]:
        try:
            post = services.publish_post(liveblog, author=ada(), body="Results are in.",
                                         links=[{"title": "Results", "url": vector}])
        except ValidationError as error:
            refusal = {"links": [link_refusal(vector)]}
            return [] if error.message_dict == refusal else [f"refused with {error.message_dict}, not {refusal}"]
        href = parse(render_post(post)).find("aside", "post__related").find("a").attrs["href"]
        problems = fragment_problems(render_post(post)) + fragment_problems(render_post(post, lite=True))
        return problems + ([] if href == value and http_url(href) else [f"kept as href={href!r}"])

    problems: dict[str, list[str]] = {}
    collect(problems, check)
    assert_none(problems)


@pytest.mark.django_db
def test_a_live_blogs_title_and_description_reach_readers_as_text():
    slugs = iter(range(len(VECTORS)))

    def check(_item, vector: str, value: str) -> list[str]:
        liveblog = services.create_live_blog(title=vector, slug=f"xss-{next(slugs)}", description=vector, editor=ada())
        live = page_html(pages.live_page(liveblog.slug, None))
        problems = page_problems(live) + page_problems(page_html(pages.lite_page(liveblog.slug, None)))
        expect_text(problems, "title", parse(live).find("h1").text(), value)
        expect_text(problems, "description", parse(live).find("p", "liveblog__description").text(), value)
        return problems

    problems: dict[str, list[str]] = {}
    collect(problems, check)
    assert_none(problems)
    assert page_problems(page_html(pages.home_page())) == []
