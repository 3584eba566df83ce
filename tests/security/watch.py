"""A Chromium tab that records every sign of injected script, from the first parsed node on.

Signs: a dialog (alert, confirm, prompt), ``window.__xss`` set, ``document.title`` set to
"XSS", a page error, a CSP violation, and any element that ever entered the document (even
for a moment, as live.js swaps fragments) with an event handler attribute, a script URL, or
an element no reader page has (frames, objects, SVG, MathML, <base>, a refresh, a script
that is not one of ours).
"""

from playwright.sync_api import Page

RECORD = """
(() => {
  const URL_ATTRIBUTES = new Set(["href", "src", "srcset", "action", "formaction", "xlink:href", "data",
    "poster", "background", "lowsrc", "dynsrc", "codebase", "cite", "ping", "imagesrcset"]);
  const FOREIGN = new Set(["iframe", "frame", "frameset", "object", "embed", "applet", "base", "svg", "math",
    "portal", "fencedframe"]);
  const show = element => element.outerHTML.slice(0, 200);

  function leadsOutsideHttp(value) {
    try {
      return !["http:", "https:"].includes(new URL(value, document.baseURI).protocol);
    } catch (error) {
      return false;  // not a URL at all: a browser follows nothing
    }
  }

  function problemsOf(element) {
    const found = [];
    const tag = element.localName;
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase(), value = attribute.value;
      if (name.startsWith("on") || name === "srcdoc" || name === "style")
        found.push(`${name} attribute: ${show(element)}`);
      const urls = name.endsWith("srcset") ? value.split(",").map(part => part.trim().split(/\\s+/)[0]) : [value];
      if ((URL_ATTRIBUTES.has(name) || name.endsWith(":href")) && urls.some(leadsOutsideHttp))
        found.push(`${name} leads outside http(s): ${show(element)}`);
    }
    if (FOREIGN.has(tag) || element.namespaceURI !== "http://www.w3.org/1999/xhtml")
      found.push(`<${tag}> element: ${show(element)}`);
    if (tag === "script" && !(element.getAttribute("src") || "").startsWith("/static/bulletin/"))
      found.push(`a script not ours: ${show(element)}`);
    if (tag === "meta" && /refresh/i.test(element.getAttribute("http-equiv") || ""))
      found.push(`a refresh: ${show(element)}`);
    if (tag === "link" && !(element.getAttribute("href") || "").startsWith("/static/bulletin/")
        && !["canonical", "alternate"].includes(element.getAttribute("rel")))
      found.push(`a link element: ${show(element)}`);
    if (element.shadowRoot) found.push(`a shadow root: ${show(element)}`);
    return found;
  }

  function scan(root) {
    const found = [];
    if (root.nodeType !== Node.ELEMENT_NODE && root.nodeType !== Node.DOCUMENT_NODE) return found;
    if (root.nodeType === Node.ELEMENT_NODE) found.push(...problemsOf(root));
    for (const element of root.querySelectorAll("*")) {
      found.push(...problemsOf(element));
      if (element.localName === "template") found.push(...scan(element.content));
    }
    return found;
  }

  window.__xssScan = () => scan(document);
  window.__xssSeen = [];
  const seen = found => { for (const problem of found) window.__xssSeen.push(problem); };
  new MutationObserver(records => {
    for (const record of records) {
      if (record.type === "attributes") seen(problemsOf(record.target));
      for (const node of record.addedNodes) seen(scan(node));
    }
  }).observe(document, {childList: true, subtree: true, attributes: true});
  document.addEventListener("securitypolicyviolation",
    event => window.__xssSeen.push(`CSP ${event.effectiveDirective} blocked ${event.blockedURI} ${event.sample}`));
})();
"""

MARKERS = """() => [
  ...window.__xssSeen,
  ...window.__xssScan(),
  ...(window.__xss !== undefined ? [`window.__xss is ${window.__xss}`] : []),
  ...(window.top.__xss !== undefined ? [`top.__xss is ${window.top.__xss}`] : []),
  ...(document.title === "XSS" ? ["document.title was set to XSS"] : []),
]"""


class Watched:
    """One tab, watched from before the first page it opens."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.reported = 0  # dialogs and errors already returned by check()
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda error: self.errors.append(f"page error on {page.url}: {error}"))
        page.add_init_script(RECORD)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"a {dialog.type} dialog saying {dialog.message!r} on {self.page.url}")
        dialog.dismiss()

    def check(self) -> list[str]:
        """What injected script did or could do on the page now open, with dialogs and errors not yet reported."""
        happened = [*self.dialogs, *self.errors]
        found, self.reported = happened[self.reported:], len(happened)
        # The same element is often seen twice: as it was added, and by the final scan.
        return list(dict.fromkeys(found + [f"{self.page.url}: {problem}" for problem in self.page.evaluate(MARKERS)]))

    def visit(self, url: str) -> list[str]:
        """Open url and check its page once loaded."""
        response = self.page.goto(url)
        assert response is not None and response.ok, f"{url} answered {response and response.status}"
        return self.check()

    def problems(self) -> list[str]:
        """Everything seen: every dialog and error, and what the page now open shows."""
        found = [*self.dialogs, *self.errors]
        if not self.page.is_closed():
            found += [f"{self.page.url}: {problem}" for problem in self.page.evaluate(MARKERS)]
        return list(dict.fromkeys(found))


def assert_clean(problems: list[str], shown: int = 40) -> None:
    """Fail listing what was seen (the first few of many), or pass when nothing was."""
    listed = "\n".join(problems[:shown]) + (f"\n… and {len(problems) - shown} more" if len(problems) > shown else "")
    assert not problems, f"{len(problems)} signs of injected script:\n{listed}"
