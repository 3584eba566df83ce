"""Post markup: the few elements a post may use, and nothing a reader's browser would run."""

from html.parser import HTMLParser

import pytest

from bulletin.liveblogs.markup import ALLOWED_TAGS, plain_text, render


class Elements(HTMLParser):
    """Every element and attribute a browser would build from the HTML."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.found: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def test_bold_lead_in_quote_list_and_link():
    html = render(
        "**Riverton, 9:40 a.m.** — Water is rising.\n\n"
        "> We are moving people now, the mayor said.\n\n"
        "- Schools are shut\n- Bridges are closed\n\n"
        "Read [the warning](https://example.com/warning)."
    )
    assert html == (
        "<p><b>Riverton, 9:40 a.m.</b> — Water is rising.</p>\n"
        "<blockquote>\n<p>We are moving people now, the mayor said.</p>\n</blockquote>\n"
        "<ul>\n<li>Schools are shut</li>\n<li>Bridges are closed</li>\n</ul>\n"
        '<p>Read <a href="https://example.com/warning">the warning</a>.</p>'
    )


@pytest.mark.parametrize(
    "source",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[click](vbscript:msgbox(1))",
        '<a href="https://example.com" onclick="alert(1)">x</a>',
        "<iframe src=https://example.com></iframe>",
        "<svg onload=alert(1)>",
        "[x](JaVaScRiPt:alert(1))",
        "[x](java\tscript:alert(1))",
    ],
)
def test_nothing_executable_survives(source):
    for tag, attrs in Elements(render(source)).found:
        assert tag in ALLOWED_TAGS, (source, tag)
        assert set(attrs) <= {"href"}, (source, attrs)
        if "href" in attrs:
            assert attrs["href"].startswith(("https://", "http://")), (source, attrs)


def test_headings_and_italics_are_not_part_of_the_markup():
    assert render("# Big\n\n*aside*") == "<p># Big</p>\n<p>aside</p>"


def test_plain_text_strips_markup_and_unescapes():
    assert plain_text("**Lead.** Tom & Jerry <said> [hi](https://example.com)") == "Lead. Tom & Jerry <said> hi"


def test_relative_links_and_link_titles_are_dropped():
    html = render('[x](java\\script:alert(1)) [y](/somewhere) [z](https://example.com/ "a title")')
    assert html == '<p><a>x</a> <a>y</a> <a href="https://example.com/">z</a></p>'
