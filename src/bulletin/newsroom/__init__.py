"""The newsroom desk: where editors and reporters work. Django views, forms, templates.

Depends on ``bulletin.liveblogs`` (services and reads only; views never write models).
The desk is low-traffic, so Django's request path is right here.
"""
