"""Every state change of a live blog, one plain function each.

Each runs in one transaction: check who is acting (``roles``), lock the live blog's row,
check the rules, apply the change, append exactly one Change with the next sequence number
when readers can see the result, and announce it after commit. A failure anywhere rolls
everything back, the sequence number included. Views, commands, the demo and tests all
call these; nothing else writes the models.
"""

from .common import ImageUpload
from .drafts import (
    publish_draft,
    publish_draft_edits,
    publish_due_posts,
    return_post,
    save_draft,
    save_draft_edits,
    save_new_draft,
    schedule_post,
    submit_draft_edits,
    submit_new_post,
    submit_post,
    update_draft,
)
from .liveblogs import create_live_blog, end_live_blog, set_key_points
from .posts import pin_post, publish_post, retract_post, revise_post, unpin_post

__all__ = [
    "ImageUpload",
    "create_live_blog",
    "end_live_blog",
    "pin_post",
    "publish_draft",
    "publish_draft_edits",
    "publish_due_posts",
    "publish_post",
    "retract_post",
    "return_post",
    "revise_post",
    "save_draft",
    "save_draft_edits",
    "save_new_draft",
    "schedule_post",
    "set_key_points",
    "submit_draft_edits",
    "submit_new_post",
    "submit_post",
    "unpin_post",
    "update_draft",
]
