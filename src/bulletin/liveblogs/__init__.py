"""The domain: live blogs, posts, key points and the change sequence. No HTTP here.

Depends on ``bulletin.push`` (``broadcast`` only). Every state change readers can see
goes through one function in ``services`` and is recorded as one ``Change``.
"""
