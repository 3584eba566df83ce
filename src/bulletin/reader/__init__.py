"""The reader edge: a thin ASGI application in front of Django, in the same process.

It answers the reader paths (home, live page, lite page, post pages, catch-up JSON) from
bytes prepared once per change and held in memory; everything else falls through to
Django. Depends on ``bulletin.liveblogs`` (to render) and ``bulletin.push`` (to hear of
changes). Django's request path costs milliseconds per request; this path costs
microseconds, which is what lets one small machine hold a national event's readers.
"""
