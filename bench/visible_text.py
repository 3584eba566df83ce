"""Print an HTML page's size in bytes, the size of its visible text, and their ratio.

    python bench/visible_text.py PAGE.html

The text is an approximation of the browser's innerText: the document's head, styles and
scripts are dropped, runs of whitespace collapse to one space, a block element starts a
new line and a paragraph or heading leaves a blank one. The browser tests measure the
real innerText; this gives the same order of figure without a browser.
"""

import re
import sys
from html.parser import HTMLParser

HIDDEN = {"head", "title", "style", "script", "noscript", "template", "svg"}
# innerText puts two line breaks around <p> (and headings, by their default margins) and
# one around other block boxes; <br> is one.
TWO_BREAKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure"}
ONE_BREAK = {"div", "main", "header", "footer", "nav", "aside", "section", "article",
             "ul", "ol", "li", "dl", "dt", "dd", "figcaption", "table", "tr", "form", "hr", "html", "body"}


class TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str | int] = []  # text, or a number of required line breaks
        self.hidden: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        if tag in HIDDEN:
            self.hidden.append(tag)
        elif tag == "body" and self.hidden == ["head"]:
            self.hidden.clear()  # an unclosed <head> ends where <body> begins
        self._break(tag, start=True)

    def handle_endtag(self, tag) -> None:
        if tag in HIDDEN and tag in self.hidden:
            while self.hidden.pop() != tag:
                pass
        self._break(tag, start=False)

    def _break(self, tag: str, *, start: bool) -> None:
        if tag == "br" and start:
            self.parts.append("\n")
        elif tag in TWO_BREAKS:
            self.parts.append(2)
        elif tag in ONE_BREAK:
            self.parts.append(1)

    def handle_data(self, data) -> None:
        # The lite page leaves <head> implied, so text before <main> other than the
        # title is visible; without an explicit <head> only the HIDDEN tags hide.
        if not self.hidden:
            self.parts.append(re.sub(r"[ \t\r\n\f]+", " ", data))

    def text(self) -> str:
        out: list[str] = []
        pending = 0
        for part in self.parts:
            if isinstance(part, int):
                pending = max(pending, part)
            elif part.strip() or part == "\n":
                if pending and out:
                    out.append("\n" * pending)
                pending = 0
                out.append(part)
            elif out and not pending:
                out.append(" ")
        joined = "".join(out)
        # No spaces at the start or end of a line, as in rendered text.
        return re.sub(r" *\n *", "\n", re.sub(r" {2,}", " ", joined)).strip()


def visible_text(html: str) -> str:
    parser = TextExtractor()
    parser.feed(html)
    parser.close()
    return parser.text()


def main() -> None:
    page = open(sys.argv[1], "rb").read()
    text = visible_text(page.decode("utf-8")).encode("utf-8")
    print(f"{len(page)} {len(text)} {len(page) / max(len(text), 1):.2f}")


if __name__ == "__main__":
    main()
