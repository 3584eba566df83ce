"""Links to videos and social posts become cards we render ourselves, and only exact hosts do."""

from html.parser import HTMLParser

import pytest

from bulletin.liveblogs import embeds
from bulletin.liveblogs.markup import ALLOWED_TAGS, plain_text, render


class Elements(HTMLParser):
    """Every element with its attributes, and the text, as a browser would read the HTML."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.found: list[tuple[str, dict]] = []
        self.text = ""
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text += data

    def cards(self) -> list[dict]:
        return [attrs for tag, attrs in self.found if tag == "p" and attrs.get("class") == "embed"]

    def hrefs(self) -> list[str]:
        return [attrs["href"] for tag, attrs in self.found if tag == "a"]


@pytest.mark.parametrize(
    ("url", "provider", "link", "source"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "YouTube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", ""),
        ("https://youtube.com/watch?v=dQw4w9WgXcQ&t=1m30s", "YouTube",
         "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=90s", ""),
        ("https://youtu.be/dQw4w9WgXcQ?si=tracking123", "YouTube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ", ""),
        ("https://m.youtube.com/shorts/dQw4w9WgXcQ", "YouTube", "https://www.youtube.com/shorts/dQw4w9WgXcQ", ""),
        ("https://x.com/RivertonPD/status/1790000000000000001", "X",
         "https://x.com/RivertonPD/status/1790000000000000001", "@RivertonPD"),
        ("http://twitter.com/RivertonPD/status/17?s=20", "X", "https://x.com/RivertonPD/status/17", "@RivertonPD"),
        ("https://t.me/riverton_news/4521", "Telegram", "https://t.me/riverton_news/4521", "@riverton_news"),
        ("https://t.me/s/riverton_news/4521", "Telegram", "https://t.me/riverton_news/4521", "@riverton_news"),
        ("https://www.instagram.com/p/C7xYz12AbCd/", "Instagram", "https://www.instagram.com/p/C7xYz12AbCd/", ""),
        ("https://instagram.com/reel/C7xYz12AbCd?igsh=abc", "Instagram",
         "https://www.instagram.com/reel/C7xYz12AbCd/", ""),
        ("https://www.tiktok.com/@riverton.fire/video/7350000000000000000", "TikTok",
         "https://www.tiktok.com/@riverton.fire/video/7350000000000000000", "@riverton.fire"),
    ],
)
def test_each_provider_is_recognized_and_linked_by_a_clean_address(url, provider, link, source):
    embed = embeds.recognize(url)
    assert embed is not None, url
    assert (embed.provider, embed.url, embed.source) == (provider, link, source)


@pytest.mark.parametrize(
    "url",
    [
        "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        "https://evilyoutube.com/watch?v=dQw4w9WgXcQ",
        "https://youtube.evil.example/watch?v=dQw4w9WgXcQ",
        "https://evil.example/youtube.com/watch?v=dQw4w9WgXcQ",
        "https://evil.example/?u=https://youtu.be/dQw4w9WgXcQ",
        "https://youtube.com@evil.example/watch?v=dQw4w9WgXcQ",
        "https://evil.example@youtube.com/watch?v=dQw4w9WgXcQ",
        "https://evil.example\\@youtube.com/watch?v=dQw4w9WgXcQ",
        "https://youtube.com:8443/watch?v=dQw4w9WgXcQ",
        "https://youtube.com./watch?v=dQw4w9WgXcQ",
        "https://x.com.evil.example/someone/status/1",
        "https://t.me.evil.example/channel_name/1",
        "https://notinstagram.com/p/C7xYz12AbCd/",
        "https://tiktok.com.evil.example/@user/video/1",
        "javascript://youtube.com/%0aalert(1)",
        "ftp://youtube.com/watch?v=dQw4w9WgXcQ",
        "//youtube.com/watch?v=dQw4w9WgXcQ",
        "https://www.youtube.com/watch?v=short",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ&v=aaaaaaaaaaa",
        "https://www.youtube.com/playlist?list=PL123",
        "https://x.com/someone",
        "https://x.com/someone/status/123abc",
        "https://t.me/c/1234567/89",
        "https://www.instagram.com/someone/",
        "https://www.tiktok.com/user/video/1",
    ],
)
def test_look_alikes_and_other_addresses_are_not_embeds(url):
    assert embeds.recognize(url) is None


@pytest.mark.parametrize(
    "source",
    [
        "https://youtu.be/dQw4w9WgXcQ",
        "[The mayor's statement](https://youtu.be/dQw4w9WgXcQ)",
        "[https://youtu.be/dQw4w9WgXcQ](https://youtu.be/dQw4w9WgXcQ)",
    ],
)
def test_a_paragraph_that_is_only_a_link_becomes_a_card(source):
    parsed = Elements(render(source))
    assert len(parsed.cards()) == 1
    assert parsed.cards()[0]["data-video"] == "dQw4w9WgXcQ"
    assert parsed.hrefs() == ["https://www.youtube.com/watch?v=dQw4w9WgXcQ"]
    assert "YouTube" in parsed.text and "Watch on YouTube" in parsed.text


def test_the_card_shows_provider_title_source_and_link():
    html = render("**Police update.**\n\n[Statement on the flood](https://x.com/RivertonPD/status/42)\n\nMore soon.")
    assert html == (
        "<p><b>Police update.</b></p>\n"
        '<p class="embed"><span class="embed__provider">X</span><br><b>Statement on the flood</b><br>'
        '@RivertonPD<br><a href="https://x.com/RivertonPD/status/42">View on X</a></p>\n'
        "<p>More soon.</p>"
    )


@pytest.mark.parametrize(
    "source",
    [
        "Watch https://youtu.be/dQw4w9WgXcQ now.",
        "Watch [the video](https://youtu.be/dQw4w9WgXcQ) now.",
        "[one](https://youtu.be/dQw4w9WgXcQ) [two](https://x.com/a/status/1)",
        "> [quoted](https://youtu.be/dQw4w9WgXcQ)",
        "- [listed](https://youtu.be/dQw4w9WgXcQ)",
        "[look-alike](https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ)",
    ],
)
def test_links_inside_text_quotes_or_lists_stay_plain_links(source):
    parsed = Elements(render(source))
    assert parsed.cards() == []
    assert "span" not in {tag for tag, _ in parsed.found}


@pytest.mark.parametrize(
    "source",
    [
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "[a](https://x.com/a/status/1)",
        "https://t.me/riverton_news/4521",
        "https://www.instagram.com/p/C7xYz12AbCd/",
        "https://www.tiktok.com/@riverton.fire/video/7350000000000000000",
    ],
)
def test_a_card_loads_nothing_from_anyone(source):
    """No src, no frame, no script, no style: only a link the reader may follow."""
    parsed = Elements(render(source))
    assert len(parsed.cards()) == 1
    for tag, attrs in parsed.found:
        assert tag in {"p", "span", "b", "br", "a"}, tag
        assert set(attrs) <= {"class", "href", "data-video", "data-start"}, attrs


@pytest.mark.parametrize(
    "source",
    [
        '[<img src=x onerror=alert(1)>"><script>alert(1)</script>](https://youtu.be/dQw4w9WgXcQ)',
        "[**x**</b><iframe src=https://evil.example>](https://x.com/a/status/1)",
        '[x](https://youtu.be/dQw4w9WgXcQ"onmouseover="alert(1))',
        "[x](https://youtu.be/dQw4w9WgXcQ?t=1%22%3E%3Cscript%3Ealert(1)%3C/script%3E)",
        '[x](https://x.com/a"><script>alert(1)</script>/status/1)',
        "https://youtu.be/dQw4w9WgXcQ?t=<script>alert(1)</script>",
        "[x](javascript:alert(1)//youtu.be/dQw4w9WgXcQ)",
    ],
)
def test_script_in_link_text_or_address_stays_inert(source):
    parsed = Elements(render(source))
    for tag, attrs in parsed.found:
        assert tag in ALLOWED_TAGS, (source, tag)
        assert not any(name.startswith("on") for name in attrs), (source, attrs)
        if "href" in attrs:
            assert attrs["href"].startswith(("https://", "http://")), (source, attrs)
    for card in parsed.cards():
        assert set(card) <= {"class", "data-video", "data-start"}
        assert card.get("data-video", "dQw4w9WgXcQ") == "dQw4w9WgXcQ"


def test_start_time_goes_to_the_link_and_the_player():
    card = Elements(render("https://youtu.be/dQw4w9WgXcQ?t=125")).cards()[0]
    assert card["data-start"] == "125"


def test_plain_text_keeps_the_editors_words_not_the_card():
    assert plain_text("[The mayor speaks](https://youtu.be/dQw4w9WgXcQ)") == "The mayor speaks"
