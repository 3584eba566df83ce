"""The standalone shell around Bulletin's apps: settings, URLs and the ASGI entry point.

Only this package sees every app; the apps never import it.
"""
