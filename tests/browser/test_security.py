"""A strict Content-Security-Policy on every reader page, and nothing on the page breaks it."""

import pytest

from .conftest import PAGES

# Sources that would let an injected script run.
UNSAFE_SCRIPT_SOURCES = {"'unsafe-inline'", "'unsafe-eval'", "*", "http:", "https:", "data:", "blob:"}

# Collects violations from the page itself, beside what Chromium logs to the console.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation",
  event => window.cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI}`));
"""


def directives(policy: str) -> dict[str, list[str]]:
    """A CSP header as {directive: sources}; the first of a repeated directive wins, as in browsers."""
    parsed: dict[str, list[str]] = {}
    for part in policy.split(";"):
        name, *sources = part.split() or [""]
        if name:
            parsed.setdefault(name.lower(), sources)
    return parsed


def allowed(policy: str, directive: str) -> list[str] | None:
    """The sources a fetch directive allows, falling back to default-src; None when unrestricted."""
    parsed = directives(policy)
    return parsed.get(directive, parsed.get("default-src"))


@pytest.mark.parametrize("name", PAGES)
def test_page_sends_a_strict_content_security_policy(reader, name):
    """Scripts only from our own origin (or none), no plugins, no <base> rewriting."""
    policy = reader.get(name).headers.get("content-security-policy")
    assert policy, f"{reader.path(name)} has no Content-Security-Policy header"

    scripts = allowed(policy, "script-src")
    assert scripts is not None, f"scripts are unrestricted: {policy}"
    assert not UNSAFE_SCRIPT_SOURCES & set(scripts), f"scripts allow {scripts}"
    assert allowed(policy, "object-src") == ["'none'"], policy
    assert directives(policy).get("base-uri") in (["'none'"], ["'self'"]), policy


@pytest.mark.browser
@pytest.mark.parametrize("name", PAGES)
def test_page_loads_without_csp_violations_or_script_errors(page, reader, name):
    """Chromium neither blocks anything the page uses nor meets a script error."""
    logged, errors = [], []
    page.on("console", lambda message: logged.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.add_init_script(RECORD_VIOLATIONS)

    reader.open(page, name)

    assert page.evaluate("window.cspViolations") == []
    assert [text for text in logged if "Content Security Policy" in text] == []
    assert errors == []
