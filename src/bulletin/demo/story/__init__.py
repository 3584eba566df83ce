"""The demo story: a fictional river flood in the invented town of Marrowby.

Written for Bulletin; no real event, place or person. The package holds text only:
``bulletin.demo.seed`` publishes it and ``bulletin.demo.wire`` keeps it going. Times of
day come from ``{clock}``, never from the prose, so the story reads true whenever it is
seeded.
"""

from .counting import COUNTING
from .overtopped import OVERTOPPED
from .peak import PEAK
from .rising import RISING
from .scripted import (
    Amendment,
    Correction,
    KeyPoint,
    Picture,
    Retraction,
    ScriptedPost,
    Story,
)
from .wire_updates import AMENDMENTS, WIRE_UPDATES

DEMO_SLUG = "marrowby-flood"

STORY = Story(
    slug=DEMO_SLUG,
    title="Marrowby flood: the Sennet bursts its banks",
    description="Live coverage as the River Sennet floods the town of Marrowby and the "
                "Lowfold Valley. A fictional story, written to show how Bulletin works.",
    # Europe/London gives the digests their "It’s 3 p.m. in London" and the story a
    # British-style newsroom home; the town itself is invented.
    time_zone="Europe/London",
    extra_clocks=("America/New_York",),
    posts=RISING + OVERTOPPED + PEAK + COUNTING,
    pinned="help",
    key_points=(
        KeyPoint("The Sennet peaked at 4.95 metres in Marrowby, above the flood walls", "peak"),
        KeyPoint("About 210 homes and 38 businesses have flooded", "count"),
        KeyPoint("Boat crews have rescued 63 people; nobody has been seriously hurt", "rescues"),
        KeyPoint("The Riverside estate and lower Tanners Row are still evacuated", "map"),
        KeyPoint("About 400 people are at the Cornmarket Hall rest centre", "rest-centre"),
        KeyPoint("Flooded, or worried about someone? Where to get help", "help"),
    ),
    corrections=(
        Correction(
            key="rest-centre",
            wrong="About 1,400 people are now",
            right="About 400 people are now",
            note="An earlier version of this post said about 1,400 people were at the rest "
                 "centre. The council’s figure is about 400.",
        ),
    ),
    retractions=(
        Retraction(
            key="footbridge-report",
            reason="We reported that the Old Mill footbridge had been swept away. That was "
                   "wrong: the bridge is damaged and closed, but still standing. A later "
                   "update has the details.",
        ),
    ),
)

__all__ = [
    "AMENDMENTS",
    "DEMO_SLUG",
    "STORY",
    "WIRE_UPDATES",
    "Amendment",
    "Correction",
    "KeyPoint",
    "Picture",
    "Retraction",
    "ScriptedPost",
    "Story",
]
