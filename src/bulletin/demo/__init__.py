"""A fictional breaking-news story for trying Bulletin: seeded, then replayed live.

Depends on ``bulletin.liveblogs`` (services only).
"""
