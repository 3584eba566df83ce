"""The Content-Security-Policy every HTML page carries: scripts and styles only from files
Bulletin serves itself, never inline, never eval; nothing framed, no plugins."""

PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
