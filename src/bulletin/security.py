"""The Content-Security-Policy every HTML page carries: scripts and styles only from files
Bulletin serves itself, never inline, never eval; no plugins; no frames but the YouTube
player a reader asks for (embeds.js, on a click); and no one may frame our pages."""

PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; frame-src https://www.youtube-nocookie.com; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
