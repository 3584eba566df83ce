"""Post markup: paragraphs, **bold lead-ins**, [links](https://…), > quotes and - lists.

The source is parsed with markdown-it (CommonMark, every other rule off) and the HTML it
makes is then cleaned by nh3 (the ammonia sanitizer) against an allow-list, so nothing but
these elements, and only http(s) links, can reach a reader. A paragraph that is only a link
to a video or social post (``embeds``) becomes a card; the cards' few classes and data
attributes are on the allow-list, which markdown-it, with raw HTML off, cannot produce.
"""

import html

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

from . import embeds

ALLOWED_TAGS = {"p", "b", "a", "blockquote", "ul", "ol", "li", "br", "span"}
# "*" empty: nh3 would otherwise allow its default generic attributes (title, lang) anywhere.
ALLOWED_ATTRIBUTES = {"*": set(), "a": {"href"}, "p": {"data-video", "data-start"}}
ALLOWED_CLASSES = {"p": {"embed"}, "span": {"embed__provider"}}
URL_SCHEMES = {"http", "https"}


def _parser() -> MarkdownIt:
    parser = MarkdownIt("zero", {"html": False, "linkify": False, "typographer": False})
    parser.enable(["emphasis", "link", "blockquote", "list", "newline", "escape"])
    # The HTML spec names <b> for "the lead sentence of an article"; it is also four
    # bytes shorter than <strong>, which the lite page counts.
    parser.add_render_rule("strong_open", lambda *args: "<b>")
    parser.add_render_rule("strong_close", lambda *args: "</b>")
    parser.add_render_rule("em_open", lambda *args: "")
    parser.add_render_rule("em_close", lambda *args: "")
    return parser


_PARSER = _parser()


def sanitize(html: str) -> str:
    """Keep only the post markup's elements, the embed cards' classes and http(s) links."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        allowed_classes=ALLOWED_CLASSES,
        url_schemes=URL_SCHEMES,
        # A relative link is no address a reader can follow; "java%5Cscript:" parses as one.
        url_relative="deny",
        link_rel=None,
        strip_comments=True,
    ).strip()


def _only_link(children: list[Token]) -> tuple[str, str] | None:
    """The (address, link text) of inline content that is one link or one bare address."""
    if len(children) == 1 and children[0].type == "text":
        return children[0].content.strip(), ""
    inner = children[1:-1]
    if (len(children) < 3 or children[0].type != "link_open" or children[-1].type != "link_close"
            or any(child.type.startswith("link_") for child in inner)):
        return None
    text = "".join(child.content if child.type == "text" else " " if "break" in child.type else ""
                   for child in inner)
    return str(children[0].attrGet("href") or ""), text


def _card(tokens: list[Token], index: int) -> str | None:
    """The card for a top-level paragraph at index that is only a link to a known service."""
    if index + 2 >= len(tokens) or tokens[index].type != "paragraph_open" or tokens[index].level != 0:
        return None
    link = _only_link(tokens[index + 1].children or [])
    embed = embeds.recognize(link[0]) if link else None
    if embed is None:
        return None
    title = link[1].strip()
    # A link whose text is its own address has no title worth showing.
    return embeds.card(embed, title="" if title.startswith(("http://", "https://")) else title)


def _with_cards(tokens: list[Token]) -> list[Token]:
    result: list[Token] = []
    index = 0
    while index < len(tokens):
        if (card := _card(tokens, index)) is not None:
            result.append(Token("html_block", "", 0, content=card + "\n"))
            index += 3  # paragraph_open, inline, paragraph_close
        else:
            result.append(tokens[index])
            index += 1
    return result


def render(source: str, *, cards: bool = True) -> str:
    """Turn post markup into safe HTML, links to known services alone in a paragraph into cards."""
    tokens = _PARSER.parse(source)
    if cards:
        tokens = _with_cards(tokens)
    return sanitize(_PARSER.renderer.render(tokens, _PARSER.options, {}))


def plain_text(source: str) -> str:
    """Strip post markup to text, for feeds' summaries and Open Graph descriptions."""
    return html.unescape(nh3.clean(render(source, cards=False), tags=set())).strip()
