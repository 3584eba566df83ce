"""A strict Content-Security-Policy on every page Django serves (the desk, the admin)."""

from bulletin.security import PAGE_CSP


class ContentSecurityPolicyMiddleware:
    """Add the same strict policy the reader pages carry: no inline script, no eval."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", PAGE_CSP)
        return response
