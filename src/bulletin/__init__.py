"""Bulletin: live coverage for newsrooms."""
