"""A small element tree from Python's html.parser, and the checks every rendering must pass.

html.parser is not a browser's parser; what a browser makes of the same bytes is proved
in Chromium by the browser tests. This side is fast and names the field and the vector.
"""

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from bulletin.liveblogs import markup

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# Start tags that close an open <p> (the lite page leaves </p> and </li> out).
CLOSES_P = {"p", "h1", "h2", "ul", "ol", "blockquote", "div", "figure", "aside", "section", "header", "nav"}
URL_ATTRIBUTES = {"href", "src", "srcset", "action", "formaction", "xlink:href", "data", "poster", "background"}
PAGE_URL = "http://127.0.0.1:8000/live/xss/"

# The post fragment (_post.html), key points box and status line, element by element: a new
# element or attribute there is a deliberate change to this list, made with the template.
FRAGMENT_ATTRIBUTES = {
    "article": {"id", "class", "data-number", "data-revision"},
    "header": {"class"},
    "p": {"id", "class", "data-video", "data-start"},
    "a": {"href", "class"},
    "time": {"datetime"},
    "h2": {"id", "class"},
    "div": {"class"},
    "figure": {"class"},
    "figcaption": set(),
    "img": {"src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding"},
    "span": {"class"},
    "aside": {"class"},
    "section": {"id", "class", "aria-labelledby", "data-revision", "hidden"},
    "ul": {"aria-label"},
    **dict.fromkeys(("b", "blockquote", "ol", "li", "br"), set()),
}


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    children: list = field(default_factory=list)  # Elements and text
    # On the root: attributes an element repeats, where parsers may keep either value.
    repeated: list[str] = field(default_factory=list)

    def text(self) -> str:
        return "".join(child if isinstance(child, str) else child.text() for child in self.children)

    def walk(self):
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.walk()

    def find_all(self, tag: str, cls: str | None = None) -> list["Element"]:
        return [e for e in self.walk() if e.tag == tag and (cls is None or cls in (e.attrs.get("class") or "").split())]

    def find(self, tag: str, cls: str | None = None) -> "Element":
        found = self.find_all(tag, cls)
        assert len(found) == 1, f"expected one <{tag} class={cls}>, found {len(found)}"
        return found[0]


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        if tag in CLOSES_P and self.stack[-1].tag == "p" or tag == "li" and self.stack[-1].tag == "li":
            self.stack.pop()
        names = [name for name, _ in attrs]
        self.root.repeated += [f"<{tag}> repeats {name}" for name in sorted({n for n in names if names.count(n) > 1})]
        element = Element(tag, dict(attrs))
        self.stack[-1].children.append(element)
        if tag not in VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        if any(element.tag == tag for element in self.stack[1:]):
            while self.stack.pop().tag != tag:
                pass

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(html: str) -> Element:
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root


def http_url(value: str, *, base: str | None = None) -> bool:
    """Whether value is an http(s) address; with base, after resolving it as a browser would."""
    parts = urlsplit(urljoin(base, value.strip()) if base else value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def markup_problems(html: str) -> list[str]:
    """What in rendered post markup is outside markup.py's allow-list, or links anywhere but http(s)."""
    root = parse(html)
    problems = list(root.repeated)
    for element in root.walk():
        if element.tag not in markup.ALLOWED_TAGS:
            problems.append(f"<{element.tag}> is not an allowed element")
        for name, value in element.attrs.items():
            if name == "class":
                extra = set((value or "").split()) - markup.ALLOWED_CLASSES.get(element.tag, set())
                if extra:
                    problems.append(f"<{element.tag}> has classes {sorted(extra)} off the allow-list")
            elif name not in markup.ALLOWED_ATTRIBUTES.get(element.tag, set()):
                problems.append(f"<{element.tag} {name}={value!r}>: {name} is not an allowed attribute")
            if name == "href" and not http_url(value or ""):
                problems.append(f"<a href={value!r}> is not an http(s) address")
    return problems


def fragment_problems(html: str) -> list[str]:
    """What in a rendered fragment is outside the fragment's own elements, or points anywhere but http(s)."""
    root = parse(html)
    problems = list(root.repeated)
    for element in root.walk():
        allowed = FRAGMENT_ATTRIBUTES.get(element.tag)
        if allowed is None:
            problems.append(f"<{element.tag}> is not an element of the fragment")
            continue
        for name, value in element.attrs.items():
            if name not in allowed:
                problems.append(f"<{element.tag} {name}={value!r}>: {name} is not an attribute of the fragment")
            candidates = [candidate.split()[0] for candidate in (value or "").split(",") if candidate.strip()]
            if name in URL_ATTRIBUTES and not all(http_url(candidate, base=PAGE_URL) for candidate in candidates):
                problems.append(f"<{element.tag} {name}={value!r}> does not lead to an http(s) address")
    return problems


def page_problems(html: str) -> list[str]:
    """Anything on a whole page that could run script: handlers, script URLs, scripts not our own."""
    root = parse(html)
    problems = list(root.repeated)
    for element in root.walk():
        for name, value in element.attrs.items():
            if name.startswith("on") or name in ("srcdoc", "style"):
                problems.append(f"<{element.tag} {name}={value!r}>")
            if name in URL_ATTRIBUTES and value and not http_url(value.split(",")[0].split()[0], base=PAGE_URL):
                problems.append(f"<{element.tag} {name}={value!r}> does not lead to an http(s) address")
        if element.tag == "script" and not (element.attrs.get("src") or "").startswith("/static/bulletin/"):
            problems.append(f"a <script> that is not one of ours: {element.attrs}")
        if element.tag in ("iframe", "object", "embed", "base", "form", "svg", "math", "template", "frame"):
            problems.append(f"<{element.tag} {element.attrs}>")
        if element.tag == "meta" and (element.attrs.get("http-equiv") or "").lower() == "refresh":
            problems.append(f"<meta refresh {element.attrs}>")
    return problems
